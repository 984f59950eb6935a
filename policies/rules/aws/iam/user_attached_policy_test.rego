package driftwarden.rules.aws.iam.user_attached_policy_test

import data.driftwarden.rules.aws.iam.user_attached_policy
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := user_attached_policy.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

policy := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:getobject"], "Resource": ["*"]}]}

test_user_inline_policy_is_denied if {
	deny_with("aws_iam_user_policy", {"name": "p", "user": "alice", "policy": policy}) == {{
		"ruleId": "DW-AWS-IAM-008",
		"key": "aws_iam_user_policy.x",
		"path": "",
		"message": "defines an inline policy directly on a user",
	}}
}

test_user_policy_attachment_is_denied if {
	deny_with("aws_iam_user_policy_attachment", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}) == {{
		"ruleId": "DW-AWS-IAM-008",
		"key": "aws_iam_user_policy_attachment.x",
		"path": "",
		"message": "attaches a managed policy directly to a user",
	}}
}

test_policy_attachment_to_users_is_denied if {
	attributes := {"name": "x", "users": ["alice", "bob"], "roles": ["app"], "policy_arn": "arn:aws:iam::111122223333:policy/p"}
	deny_with("aws_iam_policy_attachment", attributes) == {{
		"ruleId": "DW-AWS-IAM-008",
		"key": "aws_iam_policy_attachment.x",
		"path": "users",
		"message": "attaches the policy directly to users",
	}}
}

test_raw_string_forms_are_denied if {
	raw := {"user": "alice", "policy": "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"}
	count(deny_with("aws_iam_user_policy", raw)) == 1
}

test_unknown_user_policy_is_still_attached_to_a_user if {
	count(deny_with("aws_iam_user_policy", {"user": {"__unknown": true}, "policy": {"__unknown": true}})) == 1
}

test_policy_attachment_to_roles_and_groups_passes if {
	attributes := {"name": "x", "users": null, "roles": ["app"], "groups": ["ops"], "policy_arn": "arn:aws:iam::111122223333:policy/p"}
	count(deny_with("aws_iam_policy_attachment", attributes)) == 0
	count(deny_with("aws_iam_policy_attachment", {"name": "x", "roles": ["app"]})) == 0
}

test_a_wholly_unknown_user_list_passes if {
	count(deny_with("aws_iam_policy_attachment", {"name": "x", "users": {"__unknown": true}})) == 0
}

test_a_user_whose_name_is_unknown_is_still_a_user if {
	count(deny_with("aws_iam_policy_attachment", {"name": "x", "users": [{"__unknown": true}]})) == 1
	count(deny_with("aws_iam_policy", {"policy": {"Statement": []}, "users": [{"__unknown": true}]})) == 1
}

test_role_and_group_types_are_not_read if {
	count(deny_with("aws_iam_role_policy", {"role": "app", "policy": policy})) == 0
	count(deny_with("aws_iam_group_policy_attachment", {"group": "ops", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})) == 0
}

test_cloudformation_user_policies_and_managed_policies_are_denied if {
	findings := deny_with("aws_iam_user", {"inline_policy": [{"name": "p", "policy": policy}], "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", {"__unknown": true}]})
	{[f.path, f.message] | some f in findings} == {
		["inline_policy[0]", "defines an inline policy directly on a user"],
		["managed_policy_arns[0]", "attaches a managed policy directly to a user"],
	}
}

test_cloudformation_policy_attached_to_users_is_denied if {
	{f.path | some f in deny_with("aws_iam_policy", {"policy": policy, "users": ["alice"], "groups": ["ops"]})} == {"users"}
	count(deny_with("aws_iam_policy", {"policy": policy, "groups": ["ops"], "roles": ["app"]})) == 0
	count(deny_with("aws_iam_user", {"name": "alice"})) == 0
}
