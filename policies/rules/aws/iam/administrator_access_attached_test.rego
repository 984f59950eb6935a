package driftwarden.rules.aws.iam.administrator_access_attached_test

import data.driftwarden.rules.aws.iam.administrator_access_attached
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := administrator_access_attached.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

admin := "arn:aws:iam::aws:policy/AdministratorAccess"

test_role_policy_attachment_is_denied if {
	deny_with("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": admin}) == {{
		"ruleId": "DW-AWS-IAM-009",
		"key": "aws_iam_role_policy_attachment.x",
		"path": "policy_arn",
		"message": "attaches the AdministratorAccess managed policy",
	}}
}

test_every_attachment_type_is_read if {
	count(deny_with("aws_iam_user_policy_attachment", {"user": "alice", "policy_arn": admin})) == 1
	count(deny_with("aws_iam_group_policy_attachment", {"group": "ops", "policy_arn": admin})) == 1
	count(deny_with("aws_iam_policy_attachment", {"name": "x", "roles": ["app"], "policy_arn": admin})) == 1
}

test_every_partition_is_matched if {
	every arn in ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess", "arn:aws-cn:iam::aws:policy/AdministratorAccess"] {
		count(deny_with("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": arn})) == 1
	}
}

test_role_managed_policy_arns_are_denied if {
	role := {"name": "app", "managed_policy_arns": ["arn:aws:iam::111122223333:policy/app", admin]}
	deny_with("aws_iam_role", role) == {{
		"ruleId": "DW-AWS-IAM-009",
		"key": "aws_iam_role.x",
		"path": "managed_policy_arns[1]",
		"message": "attaches the AdministratorAccess managed policy to the role",
	}}
}

test_raw_state_attributes_are_denied if {
	# Attributes as Terraform state holds them, before normalisation: the trust policy is a JSON string.
	role := {
		"id": "app",
		"name": "app",
		"assume_role_policy": "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}}",
		"inline_policy": [],
		"managed_policy_arns": [admin],
		"tags_all": {},
	}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"managed_policy_arns[0]"}
}

test_other_policies_pass if {
	every arn in [
		"arn:aws:iam::aws:policy/ReadOnlyAccess",
		"arn:aws:iam::111122223333:policy/AdministratorAccess",
		"arn:aws:iam::aws:policy/AdministratorAccess-Amplify",
		"arn:aws:iam::aws:policy/job-function/AdministratorAccess",
	] {
		count(deny_with("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": arn})) == 0
	}
}

test_unknown_and_empty_values_pass if {
	count(deny_with("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_role_policy_attachment", {"role": "app"})) == 0
	count(deny_with("aws_iam_role", {"name": "app", "managed_policy_arns": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_role", {"name": "app", "managed_policy_arns": [{"__unknown": true}]})) == 0
	count(deny_with("aws_iam_role", {"name": "app", "managed_policy_arns": null})) == 0
	count(deny_with("aws_iam_role", {"name": "app"})) == 0
}

test_other_types_are_not_read if {
	count(deny_with("aws_iam_policy", {"arn": admin})) == 0
}

test_cloudformation_user_and_group_managed_policy_arns_are_denied if {
	deny_with("aws_iam_group", {"managed_policy_arns": ["arn:aws:iam::111122223333:policy/ops", admin]}) == {{
		"ruleId": "DW-AWS-IAM-009",
		"key": "aws_iam_group.x",
		"path": "managed_policy_arns[1]",
		"message": "attaches the AdministratorAccess managed policy to the group",
	}}
	{f.message | some f in deny_with("aws_iam_user", {"managed_policy_arns": [admin]})} == {"attaches the AdministratorAccess managed policy to the user"}
	count(deny_with("aws_iam_user", {"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]})) == 0
}
