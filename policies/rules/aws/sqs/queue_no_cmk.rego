# METADATA
# title: SQS queue is not encrypted with a customer-managed KMS key
# description: |
#   A queue without a KMS key is encrypted with SQS-owned keys (SSE-SQS, the default for new queues since October
#   2022), and kms_master_key_id = "alias/aws/sqs" uses the AWS-managed key. Neither key's policy is yours, so
#   anyone the queue policy lets in can read the messages, and a producer in another account cannot be given the
#   key. Use a customer-managed key for queues holding sensitive data.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue
# custom:
#   id: DW-AWS-SQS-002
#   checkov: []
#   trivy: [AVD-AWS-0135]
#   severity: low
#   category: encryption
#   resource_types: [aws_sqs_queue]
#   controls: []
#   remediation: |
#     resource "aws_sqs_queue" "payments" {
#       name                              = "payments"
#       kms_master_key_id                 = aws_kms_key.sqs.arn
#       kms_data_key_reuse_period_seconds = 300
#     }
package driftwarden.rules.aws.sqs.queue_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_master_key_id", "queue has no KMS key, so it is encrypted with SQS-owned keys (SSE-SQS) at most, not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_master_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_master_key_id", sprintf("queue is encrypted with %s, not a customer-managed KMS key", [kms.described_key(key, "sqs")])) if {
	some r in result.resources(rego.metadata.chain())
	key := r.attributes.kms_master_key_id
	not values.is_empty(key)
	kms.aws_managed_key(key, "sqs")
}
