package driftwarden.rules.aws.iam.secrets_read_all_test

import data.driftwarden.rules.aws.iam.secrets_read_all
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_with(type, attributes) := findings if {
	findings := secrets_read_all.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_the_actions_on_every_resource_are_reported if {
	deny_with("aws_iam_policy", {"policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"]), allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["*"])])}) == {{
		"ruleId": "DW-AWS-IAM-026",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[1]",
		"message": "allows secretsmanager:GetSecretValue on every secret",
	}}
}

test_patterns_reaching_every_resource_are_reported if {
	every pattern in ["arn:aws:secretsmanager:*:111122223333:secret:*"] {
		count(deny_with("aws_iam_user_policy", {"policy": doc([allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], [pattern])])})) == 1
	}
}

test_action_patterns_are_reported if {
	every action in ["secretsmanager:Get*"] {
		count(deny_with("aws_iam_group_policy", {"policy": doc([allow([action], ["*"])])})) == 1
	}
}

test_a_role_s_inline_policies_are_read if {
	role := {"inline_policy": [
		{"name": "a", "policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"])])},
		{"name": "b", "policy": doc([allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["*"])])},
	]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_scoped_resources_pass if {
	every pattern in ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"] {
		count(deny_with("aws_iam_policy", {"policy": doc([allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], [pattern])])})) == 0
	}
}

test_service_wildcards_are_left_to_other_rules if {
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["*"], ["*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["secretsmanager:*"], ["*"])])})) == 0
}

test_a_condition_on_the_resource_passes if {
	scoped := object.union(allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["*"]), {"Condition": {"StringEquals": {"aws:ResourceTag/team": ["app"]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([scoped])})) == 0
	via := object.union(allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["*"]), {"Condition": {"StringEquals": {"secretsmanager:SecretId": ["x"]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([via])})) == 0
	transport := object.union(allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["*"]), {"Condition": {"Bool": {"aws:SecureTransport": ["true"]}}})
	count(deny_with("aws_iam_policy", {"policy": doc([transport])})) == 1
}

test_deny_statements_pass if {
	denied := {"Effect": "Deny", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], "Resource": ["*"]}
	count(deny_with("aws_iam_policy", {"policy": doc([denied])})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow({"__unknown": true}, ["*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], {"__unknown": true})])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], [{"__unknown": true}])])})) == 0
}
