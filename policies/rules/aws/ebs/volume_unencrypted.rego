# METADATA
# title: EBS volume is not encrypted
# description: |
#   An unencrypted EBS volume stores its data, and the snapshots taken from it, in the clear. Encryption cannot be
#   turned on for an existing volume: create an encrypted copy from a snapshot, and enable EBS encryption by default
#   for the region.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: DW-AWS-EBS-001
#   checkov: [CKV_AWS_3]
#   trivy: [AVD-AWS-0026]
#   severity: high
#   category: encryption
#   resource_types: [aws_ebs_volume]
#   controls: [CIS-AWS-2.2.1]
#   remediation: |
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
package driftwarden.rules.aws.ebs.volume_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encrypted", "volume is not encrypted") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "encrypted")
}
