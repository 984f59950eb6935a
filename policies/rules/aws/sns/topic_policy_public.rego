# METADATA
# title: SNS topic policy lets anyone use the topic
# description: |
#   A topic policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no condition on the
#   caller's account, organisation, source ARN or network lets anyone publish to the topic, subscribe to it, or
#   change it, whatever actions it allows. SNS's default policy is restricted by AWS:SourceOwner and passes. The
#   topic's own `policy` and a separate aws_sns_topic_policy are judged alike.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_policy
# custom:
#   id: DW-AWS-SNS-050
#   severity: critical
#   category: iam
#   resource_types: [aws_sns_topic, aws_sns_topic_policy]
#   controls: []
#   checkov: [CKV_AWS_169]
#   trivy: []
#   remediation: |
#     resource "aws_sns_topic_policy" "alerts" {
#       arn = aws_sns_topic.alerts.arn
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { Service = "cloudwatch.amazonaws.com" }
#           Action    = "sns:Publish"
#           Resource  = aws_sns_topic.alerts.arn
#           Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
#         }]
#       })
#     }
package driftwarden.rules.aws.sns.topic_policy_public

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	access.open_to_everyone(statement)
	message := sprintf("topic policy lets anyone (any principal, no condition on the caller) use %s", [concat(", ", iam.actions(statement))])
}
