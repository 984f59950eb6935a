package driftwarden.rules.aws.sqs.queue_unencrypted_test

import data.driftwarden.rules.aws.sqs.queue_unencrypted
import rego.v1

url := "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs"

queue(origin, attributes) := {"key": sprintf("aws_sqs_queue.%s", [url]), "type": "aws_sqs_queue", "id": url, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := queue_unencrypted.deny with input as {"resources": {"aws_sqs_queue": [r]}}
}

test_opted_out_queue_is_denied if {
	findings(queue("declared", {"kms_master_key_id": null, "sqs_managed_sse_enabled": false})) == {{"ruleId": "DW-AWS-SQS-001", "key": "aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", "path": "sqs_managed_sse_enabled", "message": "queue turns SQS-managed encryption off and has no KMS key"}}
}

test_live_unencrypted_queue_is_denied if {
	count(findings(queue("live", {"kms_master_key_id": null, "sqs_managed_sse_enabled": false}))) == 1
	count(findings(queue("live", {"kms_master_key_id": "", "sqs_managed_sse_enabled": false}))) == 1
}

test_opted_out_declared_queue_without_key_attribute_is_denied if {
	count(findings(queue("declared", {"name": "jobs", "sqs_managed_sse_enabled": false}))) == 1
}

# SQS encrypts new queues with SSE-SQS when nothing is said: not an opt-out.
test_declared_queue_saying_nothing_passes if {
	count(findings(queue("declared", {"name": "jobs"}))) == 0
	count(findings(queue("declared", {"name": "jobs", "sqs_managed_sse_enabled": null}))) == 0
}

test_sqs_managed_sse_passes if {
	count(findings(queue("declared", {"kms_master_key_id": null, "sqs_managed_sse_enabled": true}))) == 0
}

test_kms_key_passes if {
	count(findings(queue("live", {"kms_master_key_id": "alias/aws/sqs", "sqs_managed_sse_enabled": false}))) == 0
}

test_unknown_key_passes if {
	count(findings(queue("declared", {"kms_master_key_id": {"__unknown": true}, "sqs_managed_sse_enabled": false}))) == 0
}

test_unknown_flag_passes if {
	count(findings(queue("declared", {"kms_master_key_id": null, "sqs_managed_sse_enabled": {"__unknown": true}}))) == 0
}

test_live_queue_without_attributes_passes if {
	count(findings(queue("live", {"sqs_managed_sse_enabled": false}))) == 0
	count(findings(queue("live", {"kms_master_key_id": null}))) == 0
}
