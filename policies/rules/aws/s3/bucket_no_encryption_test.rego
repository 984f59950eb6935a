package driftwarden.rules.aws.s3.bucket_no_encryption_test

import data.driftwarden.rules.aws.s3.bucket_no_encryption
import rego.v1

bucket(origin, attributes) := {"key": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "id": "logs", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := bucket_no_encryption.deny with input as {"resources": {"aws_s3_bucket": [r]}}
}

encrypted(by_default) := {"rule": [{"apply_server_side_encryption_by_default": by_default, "bucket_key_enabled": true}]}

expected := {{"ruleId": "DW-AWS-S3-002", "key": "aws_s3_bucket.logs", "path": "server_side_encryption_configuration", "message": "bucket has no default server-side encryption"}}

test_declared_bucket_without_configuration_is_denied if {
	findings(bucket("declared", {"bucket": "logs"})) == expected
}

test_null_configuration_is_denied if {
	findings(bucket("live", {"bucket": "logs", "server_side_encryption_configuration": null})) == expected
}

test_rule_without_algorithm_is_denied if {
	config := {"rule": [{"bucket_key_enabled": false}]}
	findings(bucket("declared", {"server_side_encryption_configuration": config})) == expected
}

test_configuration_without_rules_is_denied if {
	config := {"expected_bucket_owner": "111122223333"}
	findings(bucket("live", {"server_side_encryption_configuration": config})) == expected
}

test_sse_s3_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": encrypted({"sse_algorithm": "AES256"})}))) == 0
}

test_sse_kms_passes if {
	by_default := {"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}
	count(findings(bucket("live", {"server_side_encryption_configuration": encrypted(by_default)}))) == 0
}

test_by_default_block_list_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": encrypted([{"sse_algorithm": "AES256"}])}))) == 0
}

test_unknown_configuration_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"__unknown": true}}))) == 0
}

test_unknown_rule_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": {"rule": [{"__unknown": true}]}}))) == 0
}

test_unknown_algorithm_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": encrypted({"sse_algorithm": {"__unknown": true}})}))) == 0
}

test_unknown_by_default_passes if {
	count(findings(bucket("declared", {"server_side_encryption_configuration": encrypted({"__unknown": true})}))) == 0
}

test_live_bucket_without_attribute_passes if {
	count(findings(bucket("live", {"bucket": "logs"}))) == 0
}
