# METADATA
# title: SQS queue opts out of server-side encryption
# description: |
#   SQS encrypts new queues with SQS-managed keys (SSE-SQS) by default since October 2022, so a queue that says
#   nothing about encryption is encrypted. A queue that turns SSE-SQS off (sqs_managed_sse_enabled = false,
#   CloudFormation SqsManagedSseEnabled: false) without a KMS key, or one created before the default and never
#   changed, keeps its messages unencrypted at rest. The aws provider records the service's value since 4.36.0
#   (the attribute became computed, and a configured false is sent on create).
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
#   - https://aws.amazon.com/about-aws/whats-new/2022/10/amazon-sqs-announces-server-side-encryption-ssq-managed-sse-sqs-default/
#   - https://github.com/hashicorp/terraform-provider-aws/issues/26843
#   - https://github.com/hashicorp/terraform-provider-aws/issues/27335
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html
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
#       name = "jobs"
#       # leave sqs_managed_sse_enabled out (SSE-SQS is the default), set it to true, or use a KMS key:
#       kms_master_key_id = aws_kms_key.sqs.arn
#     }
package driftwarden.rules.aws.sqs.queue_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# Only an explicit false counts: an absent flag is the service's default, SSE-SQS. Neither value may be unknown.
deny contains result.finding(rego.metadata.chain(), r, "sqs_managed_sse_enabled", "queue turns SQS-managed encryption off and has no KMS key") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.sqs_managed_sse_enabled == false
	values.unset(r, "kms_master_key_id")
}
