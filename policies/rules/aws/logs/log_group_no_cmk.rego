# METADATA
# title: CloudWatch Logs log group is not encrypted with a customer-managed KMS key
# description: |
#   CloudWatch Logs always encrypts log data, with keys the service owns unless the log group has a KMS key
#   (kms_key_id, the key's ARN; there is no AWS-managed key for Logs). Logs often carry tokens, request bodies and
#   personal data; with a customer-managed key, reading them also takes kms:Decrypt on the key, and revoking the
#   key's grant revokes access to the logs.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html
# custom:
#   id: DW-AWS-LOGS-001
#   checkov: [CKV_AWS_158]
#   trivy: [AVD-AWS-0017]
#   severity: low
#   category: encryption
#   resource_types: [aws_cloudwatch_log_group]
#   controls: []
#   remediation: |
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/app/orders"
#       retention_in_days = 30
#       kms_key_id        = aws_kms_key.logs.arn
#     }
package driftwarden.rules.aws.logs.log_group_no_cmk

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "log group has no KMS key, so its data is encrypted with keys CloudWatch Logs owns, not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_key_id")
}
