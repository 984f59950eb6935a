# METADATA
# title: SNS topic is not encrypted with a customer-managed KMS key
# description: |
#   SNS does not encrypt a topic unless it has a KMS key (DW-AWS-SNS-001 reports that), and
#   kms_master_key_id = "alias/aws/sns" uses the AWS-managed key, whose policy is not yours: publishers such as
#   CloudWatch alarms, EventBridge or another account cannot be granted it. Use a customer-managed key for topics
#   carrying sensitive data.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic
# custom:
#   id: DW-AWS-SNS-002
#   checkov: []
#   trivy: [AVD-AWS-0136]
#   severity: low
#   category: encryption
#   resource_types: [aws_sns_topic]
#   controls: []
#   remediation: |
#     resource "aws_sns_topic" "alerts" {
#       name              = "alerts"
#       kms_master_key_id = aws_kms_key.sns.arn
#     }
package driftwarden.rules.aws.sns.topic_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_master_key_id", "topic has no KMS key, so it is not encrypted with a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_master_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_master_key_id", sprintf("topic is encrypted with %s, not a customer-managed KMS key", [kms.described_key(key, "sns")])) if {
	some r in result.resources(rego.metadata.chain())
	key := r.attributes.kms_master_key_id
	not values.is_empty(key)
	kms.aws_managed_key(key, "sns")
}
