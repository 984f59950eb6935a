# METADATA
# title: SQS queue is not encrypted at rest
# description: |
#   A queue with neither SSE-SQS nor a KMS key keeps its messages unencrypted at rest. Turn on SQS-managed
#   encryption, or set kms_master_key_id to use a KMS key.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: DW-AWS-SQS-001
#   checkov: [CKV_AWS_27]
#   trivy: [AVD-AWS-0096]
#   severity: high
#   category: encryption
#   resource_types: [aws_sqs_queue]
#   controls: []
#   remediation: |
#     resource "aws_sqs_queue" "jobs" {
#       name                    = "jobs"
#       sqs_managed_sse_enabled = true
#     }
#
#     # or, with a KMS key:
#     resource "aws_sqs_queue" "payments" {
#       name                              = "payments"
#       kms_master_key_id                 = aws_kms_key.sqs.id
#       kms_data_key_reuse_period_seconds = 300
#     }
package driftwarden.rules.aws.sqs.queue_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# Neither value may be unknown: an unknown key or flag may turn encryption on.
deny contains result.finding(rego.metadata.chain(), r, "sqs_managed_sse_enabled", "queue has neither SQS-managed nor KMS server-side encryption") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_master_key_id")
	values.is_false(r, "sqs_managed_sse_enabled")
}
