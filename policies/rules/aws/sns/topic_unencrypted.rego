# METADATA
# title: SNS topic is not encrypted at rest
# description: |
#   A topic without a KMS key stores its messages unencrypted while they await delivery. Set kms_master_key_id to a
#   customer-managed key (or alias/aws/sns) to turn on server-side encryption.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: DW-AWS-SNS-001
#   checkov: [CKV_AWS_26]
#   trivy: [AVD-AWS-0095]
#   severity: high
#   category: encryption
#   resource_types: [aws_sns_topic]
#   controls: []
#   remediation: |
#     resource "aws_sns_topic" "alerts" {
#       name              = "alerts"
#       kms_master_key_id = aws_kms_key.sns.id
#     }
package driftwarden.rules.aws.sns.topic_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_master_key_id", "topic has no KMS key for server-side encryption") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_master_key_id")
}
