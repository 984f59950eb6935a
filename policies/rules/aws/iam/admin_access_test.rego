package driftwarden.rules.aws.iam.admin_access_test

import data.driftwarden.rules.aws.iam.admin_access
import rego.v1

admin_doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

test_admin_policy_is_denied if {
	findings := admin_access.deny with input as {"resources": {"aws_iam_policy": [resource("aws_iam_policy", {"policy": admin_doc})]}}
	findings == {{"ruleId": "DW-AWS-IAM-001", "key": "aws_iam_policy.x", "path": "policy.Statement[0]", "message": "allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\")"}}
}

test_role_inline_policy_is_denied if {
	role := resource("aws_iam_role", {"inline_policy": [{"name": "a", "policy": {"Statement": []}}, {"name": "b", "policy": admin_doc}]})
	findings := admin_access.deny with input as {"resources": {"aws_iam_role": [role]}}
	{f.path | some f in findings} == {"inline_policy[1].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	doc := {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
	count(admin_access.deny) == 1 with input as {"resources": {"aws_iam_user_policy": [resource("aws_iam_user_policy", {"policy": doc})]}}
}

test_scoped_policy_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["arn:aws:s3:::b/*"]}]}
	count(admin_access.deny) == 0 with input as {"resources": {"aws_iam_policy": [resource("aws_iam_policy", {"policy": doc})]}}
}

test_deny_statement_passes if {
	doc := {"Statement": [{"Effect": "Deny", "Action": ["*"], "Resource": ["*"]}]}
	count(admin_access.deny) == 0 with input as {"resources": {"aws_iam_policy": [resource("aws_iam_policy", {"policy": doc})]}}
}

test_unknown_policy_passes if {
	count(admin_access.deny) == 0 with input as {"resources": {"aws_iam_policy": [resource("aws_iam_policy", {"policy": {"__unknown": true}})]}}
}

test_other_types_are_not_read if {
	count(admin_access.deny) == 0 with input as {"resources": {"aws_s3_bucket": [resource("aws_s3_bucket", {"policy": admin_doc})]}}
}

test_an_admin_statement_is_reported_beside_an_unknown_one if {
	unknown := {"__unknown": true, "reason": "expression"}
	policy := {"Statement": [
		{"Effect": "Allow", "Action": ["*"], "Resource": [unknown]},
		{"Effect": "Allow", "Action": ["*", unknown], "Resource": ["*"]},
	]}
	[f.path | some f in admin_access.deny] == ["policy.Statement[1]"] with input as {"resources": {"aws_iam_policy": [resource("aws_iam_policy", {"policy": policy})]}}
}

test_cloudformation_user_and_group_policies_are_denied if {
	user := resource("aws_iam_user", {"inline_policy": [{"name": "a", "policy": admin_doc}]})
	group := resource("aws_iam_group", {"inline_policy": [{"name": "a", "policy": {"Statement": []}}, {"name": "b", "policy": admin_doc}]})
	findings := admin_access.deny with input as {"resources": {"aws_iam_user": [user], "aws_iam_group": [group]}}
	{[f.key, f.path] | some f in findings} == {["aws_iam_user.x", "inline_policy[0].policy.Statement[0]"], ["aws_iam_group.x", "inline_policy[1].policy.Statement[0]"]}
}

test_user_without_inline_policies_passes if {
	count(admin_access.deny) == 0 with input as {"resources": {"aws_iam_user": [resource("aws_iam_user", {"name": "alice"})]}}
	count(admin_access.deny) == 0 with input as {"resources": {"aws_iam_user": [resource("aws_iam_user", {"inline_policy": [{"name": "a", "policy": {"__unknown": true}}]})]}}
}
