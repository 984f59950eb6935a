# METADATA
# title: Kinesis stream is not encrypted with a customer-managed KMS key
# description: |
#   A Kinesis data stream without server-side encryption (encryption_type NONE, the provider's default) stores its
#   records in plain text for the whole retention period; one encrypted with the AWS-managed alias/aws/kinesis key
#   leaves its key policy and audit trail to AWS. Encrypt streams with a customer-managed KMS key.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#encryption_type
# custom:
#   id: DW-AWS-KINESIS-001
#   checkov: [CKV_AWS_43, CKV_AWS_185]
#   trivy: [AVD-AWS-0064]
#   severity: medium
#   category: encryption
#   resource_types: [aws_kinesis_stream]
#   controls: []
#   remediation: |
#     resource "aws_kinesis_stream" "events" {
#       name            = "orders-events"
#       encryption_type = "KMS"
#       kms_key_id      = aws_kms_key.kinesis.arn
#       stream_mode_details {
#         stream_mode = "ON_DEMAND"
#       }
#     }
package driftwarden.rules.aws.kinesis.stream_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encryption_type", "stream is not encrypted at rest (encryption_type NONE)") if {
	some r in result.resources(rego.metadata.chain())
	not_encrypted(r)
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "stream is encrypted with the AWS-managed alias/aws/kinesis key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.encryption_type == "KMS"
	aws_managed_or_none(r)
}

not_encrypted(r) if r.attributes.encryption_type == "NONE"

not_encrypted(r) if values.unset(r, "encryption_type")

aws_managed_or_none(r) if values.unset(r, "kms_key_id")

aws_managed_or_none(r) if kms_keys.aws_managed(r.attributes.kms_key_id)
