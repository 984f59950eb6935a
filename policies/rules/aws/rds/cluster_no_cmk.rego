# METADATA
# title: RDS cluster storage is not encrypted with a customer-managed KMS key
# description: |
#   Encrypted DB cluster storage without kms_key_id uses the AWS-managed key aws/rds, whose key policy is not yours: its
#   snapshots cannot be shared with another account, and you cannot revoke access to the data through the key.
#   The key is chosen at creation and cannot be changed later, so set a customer-managed key before the first
#   apply. Terraform state and AWS Config record the key as an ARN, which is taken as customer-managed: an ARN does
#   not say which kind of key it names. Unencrypted storage is DW-AWS-RDS-002's.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster
# custom:
#   id: DW-AWS-RDS-004
#   checkov: [CKV_AWS_327]
#   trivy: []
#   severity: low
#   category: encryption
#   resource_types: [aws_rds_cluster]
#   controls: []
#   remediation: |
#     resource "aws_rds_cluster" "orders" {
#       cluster_identifier = "orders"
#       engine             = "aurora-postgresql"
#       storage_encrypted  = true
#       kms_key_id         = aws_kms_key.rds.arn
#     }
package driftwarden.rules.aws.rds.cluster_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "DB cluster storage has no KMS key id, so it is encrypted with the AWS-managed key alias/aws/rds, not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.storage_encrypted == true
	values.unset(r, "kms_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", sprintf("DB cluster storage is encrypted with %s, not a customer-managed KMS key", [kms.described_key(key, "rds")])) if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.storage_encrypted == true
	key := r.attributes.kms_key_id
	not values.is_empty(key)
	kms.aws_managed_key(key, "rds")
}
