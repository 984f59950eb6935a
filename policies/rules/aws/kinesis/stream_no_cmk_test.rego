package driftwarden.rules.aws.kinesis.stream_no_cmk_test

import data.driftwarden.rules.aws.kinesis.stream_no_cmk
import rego.v1

stream(origin, attributes) := {"key": "aws_kinesis_stream.events", "type": "aws_kinesis_stream", "id": "orders-events", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := stream_no_cmk.deny with input as {"resources": {"aws_kinesis_stream": [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

test_unencrypted_stream_is_denied if {
	findings(stream("live", {"encryption_type": "NONE", "kms_key_id": null})) == {{"ruleId": "DW-AWS-KINESIS-001", "key": "aws_kinesis_stream.events", "path": "encryption_type", "message": "stream is not encrypted at rest (encryption_type NONE)"}}
	paths(stream("declared", {"name": "orders-events"})) == {"encryption_type"}
	paths(stream("declared", {"encryption_type": ""})) == {"encryption_type"}
}

test_aws_managed_key_is_denied if {
	findings(stream("declared", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})) == {{"ruleId": "DW-AWS-KINESIS-001", "key": "aws_kinesis_stream.events", "path": "kms_key_id", "message": "stream is encrypted with the AWS-managed alias/aws/kinesis key, not a customer-managed key"}}
	paths(stream("live", {"encryption_type": "KMS", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/kinesis"})) == {"kms_key_id"}
	paths(stream("declared", {"encryption_type": "KMS"})) == {"kms_key_id"}
}

test_customer_managed_key_passes if {
	count(findings(stream("declared", {"encryption_type": "KMS", "kms_key_id": cmk}))) == 0
	count(findings(stream("declared", {"encryption_type": "KMS", "kms_key_id": "alias/orders-events"}))) == 0
}

test_unknown_values_pass if {
	count(findings(stream("declared", {"encryption_type": {"__unknown": true}}))) == 0
	count(findings(stream("declared", {"encryption_type": "KMS", "kms_key_id": {"__unknown": true}}))) == 0
}

test_live_stream_that_does_not_report_encryption_passes if {
	count(findings(stream("live", {"name": "orders-events"}))) == 0
}
