# METADATA
# title: Backup vault is not encrypted with a customer-managed KMS key
# description: |
#   A vault without kms_key_arn encrypts its recovery points with the account's AWS-managed aws/backup key, whose key
#   policy and audit trail are not yours and which cannot be shared to restore in another account. The key can only
#   be chosen when the vault is created: use a customer-managed KMS key. State and live reads hold the ARN of the key
#   the vault uses, aws/backup's included, which does not say who manages it: they are judged only when they name
#   an aws/ alias.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault#kms_key_arn
# custom:
#   id: DW-AWS-BACKUP-001
#   checkov: [CKV_AWS_166]
#   trivy: []
#   severity: low
#   category: encryption
#   resource_types: [aws_backup_vault]
#   controls: []
#   remediation: |
#     resource "aws_backup_vault" "orders" {
#       name        = "orders"
#       kms_key_arn = aws_kms_key.backup.arn
#     }
package driftwarden.rules.aws.backup.vault_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_arn", "vault is encrypted with the AWS-managed aws/backup key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_key_arn")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_arn", sprintf("vault is encrypted with the AWS-managed key %s, not a customer-managed key", [r.attributes.kms_key_arn])) if {
	some r in result.resources(rego.metadata.chain())
	kms_keys.aws_managed(r.attributes.kms_key_arn)
}
