# METADATA
# title: ElastiCache replication group accepts unencrypted connections
# description: |
#   Without in-transit encryption, clients and the group's nodes exchange commands and data in plain text; with
#   transit_encryption_mode preferred, the group accepts both encrypted and unencrypted connections. A group
#   created without transit_encryption_enabled has it off (CreateReplicationGroup's default is false).
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#transit_encryption_enabled
# custom:
#   id: DW-AWS-ELASTICACHE-002
#   checkov: [CKV_AWS_30]
#   trivy: [AVD-AWS-0051]
#   severity: high
#   category: encryption
#   resource_types: [aws_elasticache_replication_group]
#   controls: []
#   remediation: |
#     resource "aws_elasticache_replication_group" "cache" {
#       replication_group_id       = "cache"
#       description                = "Session cache"
#       transit_encryption_enabled = true
#       transit_encryption_mode    = "required"
#     }
package driftwarden.rules.aws.elasticache.transit_encryption

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "transit_encryption_enabled", "replication group does not encrypt connections in transit") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "transit_encryption_enabled")
}

deny contains result.finding(rego.metadata.chain(), r, "transit_encryption_mode", "replication group accepts unencrypted connections too (transit_encryption_mode preferred)") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.transit_encryption_enabled == true
	r.attributes.transit_encryption_mode == "preferred"
}
