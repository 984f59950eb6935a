# METADATA
# title: EFS file system is not encrypted at rest
# description: |
#   An EFS file system created without encryption stores its files unencrypted, and encryption cannot be turned on
#   later: create an encrypted file system and copy the data across.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: DW-AWS-EFS-001
#   checkov: [CKV_AWS_42]
#   trivy: [AVD-AWS-0037]
#   severity: high
#   category: encryption
#   resource_types: [aws_efs_file_system]
#   controls: [CIS-AWS-2.4.1]
#   remediation: |
#     resource "aws_efs_file_system" "shared" {
#       creation_token = "shared"
#       encrypted      = true
#       kms_key_id     = aws_kms_key.efs.arn
#     }
package driftwarden.rules.aws.efs.file_system_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encrypted", "file system is not encrypted at rest") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "encrypted")
}
