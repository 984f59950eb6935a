package driftwarden.rules.aws.iam.pass_role_datapipeline_test

import data.driftwarden.rules.aws.iam.pass_role_datapipeline
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

pass_role(resources) := allow(["iam:PassRole"], resources)

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_with(type, attributes) := findings if {
	findings := pass_role_datapipeline.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_pass_role_on_every_role_with_the_path_is_reported if {
	deny_with("aws_iam_policy", {"policy": doc([pass_role(["*"]), allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])}) == {{
		"ruleId": "DW-AWS-IAM-015",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows iam:PassRole on every role with datapipeline:CreatePipeline, datapipeline:PutPipelineDefinition: the holder can run a new Data Pipeline as any role",
	}}
}

test_a_pattern_reaching_every_role_is_reported if {
	every pattern in ["arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:*", "arn:*:iam::*:role/*"] {
		count(deny_with("aws_iam_user_policy", {"policy": doc([pass_role([pattern]), allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 1
	}
}

test_service_wildcards_and_patterns_grant_the_actions if {
	findings := deny_with("aws_iam_group_policy", {"policy": doc([allow(["iam:Pass*", "datapipeline:*"], ["*"])])})
	{f.path | some f in findings} == {"policy.Statement[0]"}
}

test_the_path_across_a_role_s_inline_policies_is_reported if {
	role := {"inline_policy": [
		{"name": "a", "policy": doc([allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])},
		{"name": "b", "policy": doc([pass_role(["*"])])},
	]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_passed_to_service_naming_the_service_is_reported if {
	statement := object.union(pass_role(["*"]), {"Condition": {"StringEquals": {"iam:PassedToService": ["datapipeline.amazonaws.com"]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([statement, allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 1
}

test_passed_to_service_naming_another_service_passes if {
	statement := object.union(pass_role(["*"]), {"Condition": {"StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com"]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([statement, allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
	unknown := object.union(pass_role(["*"]), {"Condition": {"StringEquals": {"iam:PassedToService": [{"__unknown": true}]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([unknown, allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
}

test_pass_role_on_named_roles_passes if {
	every pattern in ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app-*", "arn:aws:iam::111122223333:role/service-role/*"] {
		count(deny_with("aws_iam_policy", {"policy": doc([pass_role([pattern]), allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
	}
}

test_without_the_rest_of_the_path_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc([pass_role(["*"]), allow(["datapipeline:CreatePipeline"], ["*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([pass_role(["*"])])})) == 0
}

test_full_admin_and_deny_statements_pass if {
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["*"], ["*"])])})) == 0
	denied := {"Effect": "Deny", "Action": ["iam:PassRole"], "Resource": ["*"]}
	count(deny_with("aws_iam_policy", {"policy": doc([denied, allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([pass_role({"__unknown": true}), allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow({"__unknown": true}, ["*"]), allow(["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["*"])])})) == 0
}
