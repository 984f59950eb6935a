package driftwarden.rules.aws.dynamodb.table_no_cmk_test

import data.driftwarden.rules.aws.dynamodb.table_no_cmk
import rego.v1

table(origin, attributes) := {"key": "aws_dynamodb_table.orders", "type": "aws_dynamodb_table", "id": "orders", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := table_no_cmk.deny with input as {"resources": {"aws_dynamodb_table": [r]}}
}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"

found(message) := {{"ruleId": "DW-AWS-DYNAMODB-001", "key": "aws_dynamodb_table.orders", "path": "server_side_encryption", "message": message}}

expected := found("table is encrypted with the AWS-owned key DynamoDB uses by default, not a customer-managed KMS key")

aws_managed := found("table is encrypted with the AWS-managed key alias/aws/dynamodb, not a customer-managed KMS key")

test_declared_table_without_block_is_denied if {
	findings(table("declared", {"name": "orders"})) == expected
}

test_null_block_is_denied if {
	findings(table("live", {"server_side_encryption": null})) == expected
}

test_disabled_encryption_is_denied if {
	findings(table("declared", {"server_side_encryption": [{"enabled": false}]})) == expected
}

test_aws_managed_key_is_denied if {
	findings(table("live", {"server_side_encryption": [{"enabled": true}]})) == aws_managed
	findings(table("declared", {"server_side_encryption": [{"enabled": true, "kms_key_arn": ""}]})) == aws_managed
	alias := "arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb"
	findings(table("declared", {"server_side_encryption": [{"enabled": true, "kms_key_arn": alias}]})) == found(sprintf("table is encrypted with the AWS-managed key %s, not a customer-managed KMS key", [alias]))
}

test_customer_managed_key_passes if {
	count(findings(table("declared", {"server_side_encryption": [{"enabled": true, "kms_key_arn": cmk}]}))) == 0
	count(findings(table("live", {"server_side_encryption": [{"enabled": true, "kms_key_arn": cmk}]}))) == 0
}

test_single_object_form_passes if {
	count(findings(table("live", {"server_side_encryption": {"enabled": true, "kms_key_arn": cmk}}))) == 0
}

test_unknown_block_passes if {
	count(findings(table("declared", {"server_side_encryption": {"__unknown": true}}))) == 0
	count(findings(table("declared", {"server_side_encryption": [{"__unknown": true}]}))) == 0
}

test_unknown_key_passes if {
	count(findings(table("declared", {"server_side_encryption": [{"enabled": true, "kms_key_arn": {"__unknown": true}}]}))) == 0
}

test_unknown_enabled_passes if {
	count(findings(table("declared", {"server_side_encryption": [{"enabled": {"__unknown": true}}]}))) == 0
}

test_live_table_without_attribute_passes if {
	count(findings(table("live", {"name": "orders"}))) == 0
}
