package driftwarden.rules.aws.sqs.queue_no_cmk_test

import data.driftwarden.rules.aws.sqs.queue_no_cmk
import rego.v1

url := "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs"

queue(origin, attributes) := {"key": sprintf("aws_sqs_queue.%s", [url]), "type": "aws_sqs_queue", "id": url, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := queue_no_cmk.deny with input as {"resources": {"aws_sqs_queue": [r]}}
}

messages(r) := {f.message | some f in findings(r)}

no_key := "queue has no KMS key, so it is encrypted with SQS-owned keys (SSE-SQS) at most, not a customer-managed KMS key"

test_declared_queue_without_key_is_denied if {
	findings(queue("declared", {"name": "jobs"})) == {{"ruleId": "DW-AWS-SQS-002", "key": "aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", "path": "kms_master_key_id", "message": no_key}}
}

test_sse_sqs_and_opted_out_queues_are_denied if {
	messages(queue("live", {"kms_master_key_id": null, "sqs_managed_sse_enabled": true})) == {no_key}
	messages(queue("declared", {"kms_master_key_id": "", "sqs_managed_sse_enabled": false})) == {no_key}
	messages(queue("declared", {"kms_master_key_id": null, "sqs_managed_sse_enabled": {"__unknown": true}})) == {no_key}
}

test_aws_managed_key_is_denied if {
	messages(queue("declared", {"kms_master_key_id": "alias/aws/sqs"})) == {"queue is encrypted with the AWS-managed key alias/aws/sqs, not a customer-managed KMS key"}
	messages(queue("live", {"kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs"})) == {"queue is encrypted with the AWS-managed key arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs, not a customer-managed KMS key"}
}

test_customer_managed_key_passes if {
	count(findings(queue("declared", {"kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
	count(findings(queue("live", {"kms_master_key_id": "alias/payments-queue"}))) == 0
	count(findings(queue("declared", {"kms_master_key_id": "alias/aws-sqs-lookalike"}))) == 0
}

test_unknown_key_passes if {
	count(findings(queue("declared", {"kms_master_key_id": {"__unknown": true}}))) == 0
}

test_live_queue_without_attribute_passes if {
	count(findings(queue("live", {"name": "jobs", "sqs_managed_sse_enabled": true}))) == 0
}
