package driftwarden.rules.aws.logs.log_group_no_cmk_test

import data.driftwarden.rules.aws.logs.log_group_no_cmk
import rego.v1

group(origin, attributes) := {"key": "aws_cloudwatch_log_group./app/orders", "type": "aws_cloudwatch_log_group", "id": "/app/orders", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := log_group_no_cmk.deny with input as {"resources": {"aws_cloudwatch_log_group": [r]}}
}

test_declared_group_without_key_is_denied if {
	findings(group("declared", {"name": "/app/orders"})) == {{"ruleId": "DW-AWS-LOGS-001", "key": "aws_cloudwatch_log_group./app/orders", "path": "kms_key_id", "message": "log group has no KMS key, so its data is encrypted with keys CloudWatch Logs owns, not a customer-managed KMS key"}}
}

test_empty_key_is_denied if {
	count(findings(group("declared", {"name": "/app/orders", "kms_key_id": ""}))) == 1
	count(findings(group("live", {"name": "/app/orders", "kms_key_id": null}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(group("declared", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
}

test_unknown_key_passes if {
	count(findings(group("declared", {"kms_key_id": {"__unknown": true}}))) == 0
}

test_live_group_without_attribute_passes if {
	count(findings(group("live", {"name": "/app/orders"}))) == 0
}
