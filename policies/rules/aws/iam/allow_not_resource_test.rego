package driftwarden.rules.aws.iam.allow_not_resource_test

import data.driftwarden.rules.aws.iam.allow_not_resource
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := allow_not_resource.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

not_resource := {"Effect": "Allow", "Action": ["s3:getobject"], "NotResource": ["arn:aws:s3:::secret/*"]}

test_allow_not_resource_is_denied if {
	deny_with("aws_iam_policy", {"policy": {"Version": "2012-10-17", "Statement": [not_resource]}}) == {{
		"ruleId": "DW-AWS-IAM-005",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows its actions on every resource except those in NotResource",
	}}
}

test_every_identity_type_is_read if {
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": {"Statement": [not_resource]}})) == 1
	}
	role := {"inline_policy": [{"name": "a", "policy": {"Statement": []}}, {"name": "b", "policy": {"Statement": [not_resource]}}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}}
	{f.path | some f in deny_with("aws_iam_user_policy", {"policy": raw})} == {"policy.Statement[0]"}
}

test_deny_not_resource_passes if {
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Deny", "Action": ["s3:*"], "NotResource": ["arn:aws:s3:::b/*"]}]}})) == 0
}

test_resource_passes if {
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::b/*"]}]}})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "NotResource": {"__unknown": true}}]}})) == 0
}
