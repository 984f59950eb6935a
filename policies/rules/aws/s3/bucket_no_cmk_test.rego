package driftwarden.rules.aws.s3.bucket_no_cmk_test

import data.driftwarden.rules.aws.s3.bucket_no_cmk
import rego.v1

bucket(origin, attributes) := {"key": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "id": "logs", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := bucket_no_cmk.deny with input as {"resources": {"aws_s3_bucket": [r]}}
}

messages(r) := {f.message | some f in findings(r)}

config(by_default) := {"server_side_encryption_configuration": {"rule": [{"apply_server_side_encryption_by_default": by_default, "bucket_key_enabled": true}]}}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"

default_message := "bucket has no default encryption configuration, so S3 encrypts with SSE-S3 (S3-managed keys), not a customer-managed KMS key"

test_declared_bucket_without_configuration_is_denied if {
	findings(bucket("declared", {"bucket": "logs"})) == {{"ruleId": "DW-AWS-S3-004", "key": "aws_s3_bucket.logs", "path": "server_side_encryption_configuration", "message": default_message}}
}

test_live_null_configuration_is_denied if {
	messages(bucket("live", {"server_side_encryption_configuration": null})) == {default_message}
}

test_sse_s3_is_denied if {
	messages(bucket("declared", config({"sse_algorithm": "AES256", "kms_master_key_id": null}))) == {"bucket default encryption is SSE-S3 (S3-managed keys), not a customer-managed KMS key"}
}

test_sse_kms_without_key_is_denied if {
	messages(bucket("live", config({"sse_algorithm": "aws:kms", "kms_master_key_id": null}))) == {"bucket default encryption is SSE-KMS with the AWS-managed key aws/s3, not a customer-managed KMS key"}
	messages(bucket("declared", config({"sse_algorithm": "aws:kms:dsse", "kms_master_key_id": ""}))) == {"bucket default encryption is DSSE-KMS with the AWS-managed key aws/s3, not a customer-managed KMS key"}
}

test_aws_managed_alias_is_denied if {
	count(findings(bucket("declared", config({"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"})))) == 1
	count(findings(bucket("declared", config({"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3"})))) == 1
}

test_rule_without_default_block_is_denied if {
	messages(bucket("declared", {"server_side_encryption_configuration": {"rule": [{"bucket_key_enabled": true}]}})) == {"bucket default encryption is SSE-S3 (no default algorithm set), not a customer-managed KMS key"}
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"rule": []}}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(bucket("declared", config({"sse_algorithm": "aws:kms", "kms_master_key_id": cmk})))) == 0
	count(findings(bucket("live", config({"sse_algorithm": "aws:kms:dsse", "kms_master_key_id": "alias/s3-data"})))) == 0
}

test_block_list_shape_passes if {
	count(findings(bucket("declared", config([{"sse_algorithm": "aws:kms", "kms_master_key_id": cmk}])))) == 0
}

test_one_rule_with_a_cmk_among_several_passes if {
	rules := [
		{"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}},
		{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": cmk}},
	]
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"rule": rules}}))) == 0
}

test_unknown_values_pass if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"__unknown": true}}))) == 0
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"rule": {"__unknown": true}}}))) == 0
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"rule": [{"__unknown": true}]}}))) == 0
	count(findings(bucket("declared", config({"__unknown": true})))) == 0
	count(findings(bucket("declared", config({"sse_algorithm": {"__unknown": true}})))) == 0
	count(findings(bucket("declared", config({"sse_algorithm": "aws:kms", "kms_master_key_id": {"__unknown": true}})))) == 0
}

test_live_bucket_without_attribute_passes if {
	count(findings(bucket("live", {"bucket": "logs"}))) == 0
}
