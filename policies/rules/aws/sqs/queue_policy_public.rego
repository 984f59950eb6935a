# METADATA
# title: SQS queue policy lets anyone use the queue
# description: |
#   A queue policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no condition on the
#   caller's account, organisation, source ARN or network lets anyone on the internet send, read or delete the
#   queue's messages, whatever actions it allows. Name the principals, or add aws:SourceArn, aws:SourceAccount or
#   aws:PrincipalOrgID. The queue's own `policy` and a separate aws_sqs_queue_policy are judged alike.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue_policy
# custom:
#   id: DW-AWS-SQS-050
#   severity: critical
#   category: iam
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy]
#   controls: []
#   checkov: [CKV_AWS_168]
#   trivy: []
#   remediation: |
#     resource "aws_sqs_queue_policy" "orders" {
#       queue_url = aws_sqs_queue.orders.id
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { Service = "sns.amazonaws.com" }
#           Action    = "sqs:SendMessage"
#           Resource  = aws_sqs_queue.orders.arn
#           Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }
#         }]
#       })
#     }
package driftwarden.rules.aws.sqs.queue_policy_public

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	access.open_to_everyone(statement)
	message := sprintf("queue policy lets anyone (any principal, no condition on the caller) use %s", [concat(", ", iam.actions(statement))])
}
