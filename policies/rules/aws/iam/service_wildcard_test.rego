package driftwarden.rules.aws.iam.service_wildcard_test

import data.driftwarden.rules.aws.iam.service_wildcard
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

doc(statement) := {"Version": "2012-10-17", "Statement": [statement]}

deny_with(type, attributes) := findings if {
	findings := service_wildcard.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_service_wildcard_on_every_resource_is_denied if {
	statement := {"Effect": "Allow", "Action": ["S3:*", "ec2:describeinstances", "iam:*"], "Resource": ["*"]}
	deny_with("aws_iam_policy", {"policy": doc(statement)}) == {{
		"ruleId": "DW-AWS-IAM-003",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows service-wide wildcard actions on every resource: iam:*, s3:*",
	}}
}

test_every_identity_type_is_read if {
	statement := {"Effect": "Allow", "Action": ["execute-api:*"], "Resource": ["*"]}
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": doc(statement)})) == 1
	}
	role := {"inline_policy": [{"name": "a", "policy": doc(statement)}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[0].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}}
	{f.message | some f in deny_with("aws_iam_group_policy", {"policy": raw})} == {"allows service-wide wildcard actions on every resource: kms:*"}
}

test_scoped_resource_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::b/*"]})})) == 0
}

test_partial_wildcards_pass if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["s3:get*", "ec2:describe*"], "Resource": ["*"]})})) == 0
}

test_every_action_is_left_to_iam_001 if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["*", "s3:*"], "Resource": ["*"]})})) == 0
}

test_deny_statement_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Deny", "Action": ["s3:*"], "Resource": ["*"]})})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": {"__unknown": true}, "Resource": ["*"]})})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"Effect": "Allow", "Action": ["s3:*"], "Resource": {"__unknown": true}})})) == 0
}
