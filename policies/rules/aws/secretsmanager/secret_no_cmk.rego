# METADATA
# title: Secrets Manager secret is not encrypted with a customer-managed KMS key
# description: |
#   A secret without kms_key_id is encrypted with the account's AWS-managed aws/secretsmanager key, whose key
#   policy lets every principal of the account that may read the secret decrypt it, and which cannot be shared
#   with another account. Use a customer-managed key to control who can decrypt the secret and to audit it.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret
# custom:
#   id: DW-AWS-SECRETSMANAGER-001
#   checkov: [CKV_AWS_149]
#   trivy: [AVD-AWS-0098]
#   severity: low
#   category: encryption
#   resource_types: [aws_secretsmanager_secret]
#   controls: []
#   remediation: |
#     resource "aws_secretsmanager_secret" "db" {
#       name       = "orders/db"
#       kms_key_id = aws_kms_key.secrets.arn
#     }
package driftwarden.rules.aws.secretsmanager.secret_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "secret is encrypted with the AWS-managed aws/secretsmanager key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "kms_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", sprintf("secret is encrypted with the AWS-managed key %s, not a customer-managed key", [r.attributes.kms_key_id])) if {
	some r in result.resources(rego.metadata.chain())
	kms_keys.aws_managed(r.attributes.kms_key_id)
}
