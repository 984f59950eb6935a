# METADATA
# title: RDS cluster storage is not encrypted
# description: |
#   An Aurora or Multi-AZ DB cluster without storage encryption keeps its data, backups and snapshots unencrypted.
#   Encryption can only be set at creation: restore an encrypted copy of a cluster snapshot.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
# custom:
#   id: DW-AWS-RDS-002
#   checkov: [CKV_AWS_96]
#   trivy: [AVD-AWS-0079]
#   severity: high
#   category: encryption
#   resource_types: [aws_rds_cluster]
#   controls: [CIS-AWS-2.3.1]
#   remediation: |
#     resource "aws_rds_cluster" "app" {
#       cluster_identifier = "app"
#       engine             = "aurora-postgresql"
#       storage_encrypted  = true
#       kms_key_id         = aws_kms_key.rds.arn
#     }
package driftwarden.rules.aws.rds.cluster_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "storage_encrypted", "database cluster storage is not encrypted") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "storage_encrypted")
}
