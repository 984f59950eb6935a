package driftwarden.rules.aws.lambda.environment_no_cmk_test

import data.driftwarden.rules.aws.lambda.environment_no_cmk
import rego.v1

function(origin, attributes) := {"key": "aws_lambda_function.processor", "type": "aws_lambda_function", "id": "orders-processor", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := environment_no_cmk.deny with input as {"resources": {"aws_lambda_function": [r]}}
}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/7c1e0b2a-3d4f-4a5b-8c6d-9e0f1a2b3c4d"

env := [{"variables": {"ORDERS_TABLE": "orders"}}]

expected := {{"ruleId": "DW-AWS-LAMBDA-001", "key": "aws_lambda_function.processor", "path": "kms_key_arn", "message": "environment variables are encrypted with the AWS-managed aws/lambda key, not a customer-managed key"}}

test_variables_without_a_key_are_denied if {
	findings(function("declared", {"environment": env})) == expected
	findings(function("declared", {"environment": env, "kms_key_arn": ""})) == expected
	findings(function("live", {"environment": env, "kms_key_arn": null})) == expected
}

test_masked_variables_count if {
	findings(function("declared", {"environment": [{"variables": {"DB_PASSWORD": {"__sensitive": "masked"}}}]})) == expected
}

test_aws_managed_alias_is_denied if {
	count(findings(function("declared", {"environment": env, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/aws/lambda"}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(function("declared", {"environment": env, "kms_key_arn": cmk}))) == 0
}

test_function_without_variables_passes if {
	count(findings(function("declared", {"function_name": "orders-processor"}))) == 0
	count(findings(function("declared", {"environment": []}))) == 0
	count(findings(function("declared", {"environment": [{"variables": {}}]}))) == 0
	count(findings(function("declared", {"environment": [{"variables": null}]}))) == 0
}

test_unknown_values_pass if {
	count(findings(function("declared", {"environment": {"__unknown": true}}))) == 0
	count(findings(function("declared", {"environment": [{"variables": {"__unknown": true}}]}))) == 0
	count(findings(function("declared", {"environment": env, "kms_key_arn": {"__unknown": true}}))) == 0
}

test_live_function_that_does_not_report_its_environment_passes if {
	count(findings(function("live", {"function_name": "orders-processor", "kms_key_arn": null}))) == 0
}
