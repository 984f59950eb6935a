package driftwarden.rules.aws.lambda.permission_public_test

import data.driftwarden.rules.aws.lambda.permission_public
import rego.v1

permission(attributes) := object.union({"action": "lambda:InvokeFunction", "function_name": "resize", "principal": "*"}, attributes)

deny_with(attributes) := findings if {
	findings := permission_public.deny with input as {"resources": {"aws_lambda_permission": [{"key": "aws_lambda_permission.x", "type": "aws_lambda_permission", "id": "x", "origin": "declared", "attributes": permission(attributes)}]}}
}

test_any_principal_without_a_source_is_reported if {
	deny_with({}) == {{
		"ruleId": "DW-AWS-LAMBDA-050",
		"key": "aws_lambda_permission.x",
		"path": "principal",
		"message": "permission lets any AWS account invoke the function (principal \"*\", no source ARN, account or organisation)",
	}}
	count(deny_with({"source_arn": "", "source_account": null, "principal_org_id": null})) == 1
	count(deny_with({"function_url_auth_type": "AWS_IAM", "action": "lambda:InvokeFunctionUrl"})) == 1
}

test_a_public_function_url_is_reported_as_such if {
	{f.message | some f in deny_with({"action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "NONE"})} == {"permission lets anyone invoke the function URL without authentication (principal \"*\", auth type NONE)"}
}

test_a_source_account_or_organisation_passes if {
	count(deny_with({"source_arn": "arn:aws:s3:::uploads"})) == 0
	count(deny_with({"source_account": "111122223333"})) == 0
	count(deny_with({"principal_org_id": "o-a1b2c3d4e5"})) == 0
	count(deny_with({"event_source_token": "amzn1.ask.skill.1"})) == 0
}

test_named_principals_pass if {
	count(deny_with({"principal": "s3.amazonaws.com"})) == 0
	count(deny_with({"principal": "111122223333"})) == 0
	count(deny_with({"principal": "arn:aws:iam::111122223333:role/app"})) == 0
}

test_unknown_values_pass if {
	count(deny_with({"principal": {"__unknown": true}})) == 0
	count(deny_with({"source_arn": {"__unknown": true}})) == 0
	count(deny_with({"source_account": {"__unknown": true}})) == 0
}

test_a_wildcard_source_does_not_restrict if {
	count(deny_with({"source_arn": "*"})) == 1
}
