package driftwarden.rules.aws.iam.allow_not_action_test

import data.driftwarden.rules.aws.iam.allow_not_action
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := allow_not_action.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

not_action := {"Effect": "Allow", "NotAction": ["iam:*"], "Resource": ["*"]}

test_allow_not_action_is_denied if {
	policy := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:getobject"], "Resource": ["*"]}, not_action]}
	deny_with("aws_iam_policy", {"policy": policy}) == {{
		"ruleId": "DW-AWS-IAM-004",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[1]",
		"message": "allows every action except those in NotAction",
	}}
}

test_every_identity_type_is_read if {
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": {"Statement": [not_action]}})) == 1
	}
	role := {"inline_policy": [{"name": "a", "policy": {"Statement": [not_action]}}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[0].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}
	{f.path | some f in deny_with("aws_iam_role_policy", {"policy": raw})} == {"policy.Statement[0]"}
}

test_deny_not_action_passes if {
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Deny", "NotAction": ["iam:*"], "Resource": ["*"]}]}})) == 0
}

test_action_passes if {
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["iam:*"], "Resource": ["*"]}]}})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "NotAction": {"__unknown": true}, "Resource": ["*"]}]}})) == 0
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": {"__unknown": true}, "NotAction": ["iam:*"], "Resource": ["*"]}]}})) == 0
}
