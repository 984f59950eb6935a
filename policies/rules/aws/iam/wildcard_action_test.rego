package driftwarden.rules.aws.iam.wildcard_action_test

import data.driftwarden.rules.aws.iam.wildcard_action
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

doc(statement) := {"Version": "2012-10-17", "Statement": [statement]}

scoped := {"Effect": "Allow", "Action": ["*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}

deny_with(type, attributes) := findings if {
	findings := wildcard_action.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_policy_with_every_action_on_a_resource_is_denied if {
	deny_with("aws_iam_policy", {"policy": doc(scoped)}) == {{
		"ruleId": "DW-AWS-IAM-002",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows every action (\"Action\": \"*\") on a specific resource",
	}}
}

test_every_identity_type_is_read if {
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": doc(scoped)})) == 1
	}
}

test_role_inline_policy_is_denied if {
	role := {"name": "app", "inline_policy": [{"name": "a", "policy": doc({"Effect": "Allow", "Action": ["s3:getobject"], "Resource": ["*"]})}, {"name": "b", "policy": doc(scoped)}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:sqs:eu-west-1:111122223333:q"}}
	{f.path | some f in deny_with("aws_iam_user_policy", {"policy": raw})} == {"policy.Statement[0]"}
}

test_every_action_on_every_resource_is_left_to_iam_001 if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["*"], "Resource": ["*"]})})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["*"], "Resource": ["*", "arn:aws:s3:::b"]})})) == 0
}

test_named_actions_pass if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::b"]})})) == 0
}

test_deny_statement_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Deny", "Action": ["*"], "Resource": ["arn:aws:s3:::b"]})})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["*"], "Resource": {"__unknown": true}})})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["*"], "Resource": ["arn:aws:s3:::b", {"__unknown": true}]})})) == 0
	count(deny_with("aws_iam_role", {"inline_policy": {"__unknown": true}})) == 0
}

test_absent_and_null_policies_pass if {
	count(deny_with("aws_iam_policy", {"policy": null})) == 0
	count(deny_with("aws_iam_policy", {})) == 0
	count(deny_with("aws_iam_role", {"inline_policy": null})) == 0
}

test_other_types_are_not_read if {
	count(deny_with("aws_s3_bucket", {"policy": doc(scoped)})) == 0
}
