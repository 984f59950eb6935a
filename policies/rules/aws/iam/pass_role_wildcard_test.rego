package driftwarden.rules.aws.iam.pass_role_wildcard_test

import data.driftwarden.rules.aws.iam.pass_role_wildcard
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

doc(actions, resources) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}]}

deny_with(type, attributes) := findings if {
	findings := pass_role_wildcard.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_pass_role_on_every_resource_is_denied if {
	deny_with("aws_iam_policy", {"policy": doc(["ec2:runinstances", "iam:PassRole"], ["*"])}) == {{
		"ruleId": "DW-AWS-IAM-006",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows iam:PassRole on every role (\"Resource\": \"*\")",
	}}
}

test_pass_role_through_patterns_is_denied if {
	every actions in [["iam:*"], ["iam:Pass*"], ["IAM:PASSROLE"], ["iam:?assRole"]] {
		count(deny_with("aws_iam_policy", {"policy": doc(actions, ["*"])})) == 1
	}
}

test_every_identity_type_is_read if {
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": doc(["iam:passrole"], ["*"])})) == 1
	}
	role := {"inline_policy": [{"name": "a", "policy": doc(["iam:passrole"], ["*"])}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[0].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}}
	{f.path | some f in deny_with("aws_iam_role_policy", {"policy": raw})} == {"policy.Statement[0]"}
}

test_every_action_is_left_to_iam_001 if {
	count(deny_with("aws_iam_policy", {"policy": doc(["*"], ["*"])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc(["*", "iam:passrole"], ["*"])})) == 0
}

test_named_role_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:PassRole"], ["arn:aws:iam::111122223333:role/app"])})) == 0
}

test_other_iam_actions_pass if {
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:Get*", "iam:ListRoles"], ["*"])})) == 0
}

test_deny_statement_passes if {
	policy := {"Statement": [{"Effect": "Deny", "Action": ["iam:PassRole"], "Resource": ["*"]}]}
	count(deny_with("aws_iam_policy", {"policy": policy})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"__unknown": true}, ["*"])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:PassRole"], {"__unknown": true})})) == 0
}

test_pass_role_on_every_role_is_reported_beside_unknown_statements if {
	unknown := {"__unknown": true, "reason": "expression"}
	statements := [
		{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [unknown]},
		unknown,
		{"Effect": "Allow", "Action": ["iam:PassRole", unknown], "Resource": ["*"]},
		{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": [unknown]},
	]
	[f.path | some f in deny_with("aws_iam_policy", {"policy": {"Statement": statements}})] == ["policy.Statement[2]"]
}
