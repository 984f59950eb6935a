# METADATA
# title: RDS DB instance storage is not encrypted
# description: |
#   An RDS instance without storage encryption keeps its data, automated backups, read replicas and snapshots
#   unencrypted. Encryption can only be set at creation: restore an encrypted copy of a snapshot.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
# custom:
#   id: DW-AWS-RDS-001
#   checkov: [CKV_AWS_16]
#   trivy: [AVD-AWS-0080]
#   severity: high
#   category: encryption
#   resource_types: [aws_db_instance]
#   controls: [CIS-AWS-2.3.1]
#   remediation: |
#     resource "aws_db_instance" "app" {
#       identifier        = "app"
#       engine            = "postgres"
#       instance_class    = "db.t4g.medium"
#       allocated_storage = 50
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.rds.arn
#     }
package driftwarden.rules.aws.rds.instance_unencrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "storage_encrypted", "database instance storage is not encrypted") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "storage_encrypted")
}
