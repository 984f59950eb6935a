# METADATA
# title: ElastiCache replication group is not encrypted at rest with a customer-managed KMS key
# description: |
#   A Redis OSS or Valkey replication group without at-rest encryption keeps its data on disk, its swap and its
#   backups in S3 unencrypted. Left out, at_rest_encryption_enabled is false for Redis OSS (the provider's engine
#   when none is set) and true for Valkey, and it cannot be changed after creation. Encrypted without kms_key_id,
#   the group uses a key ElastiCache manages rather than a customer-managed one whose policy and audit trail you
#   control.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group
# custom:
#   id: DW-AWS-ELASTICACHE-001
#   checkov: [CKV_AWS_29]
#   trivy: [AVD-AWS-0045]
#   severity: high
#   category: encryption
#   resource_types: [aws_elasticache_replication_group]
#   controls: []
#   remediation: |
#     resource "aws_elasticache_replication_group" "cache" {
#       replication_group_id       = "orders-cache"
#       description                = "orders session cache"
#       engine                     = "valkey"
#       node_type                  = "cache.r7g.large"
#       num_cache_clusters         = 2
#       at_rest_encryption_enabled = true
#       kms_key_id                 = aws_kms_key.cache.arn
#       transit_encryption_enabled = true
#     }
package driftwarden.rules.aws.elasticache.replication_group_at_rest

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "at_rest_encryption_enabled", "replication group is not encrypted at rest") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.at_rest_encryption_enabled == false
}

deny contains result.finding(rego.metadata.chain(), r, "at_rest_encryption_enabled", "replication group is not encrypted at rest (at_rest_encryption_enabled defaults to false for Redis OSS)") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "at_rest_encryption_enabled")
	redis(r)
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "replication group is encrypted at rest with a key ElastiCache manages, not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	encrypted(r)
	aws_managed_or_none(r)
}

# The provider creates a Redis OSS group when engine is not set.
redis(r) if values.unset(r, "engine")

redis(r) if lower(r.attributes.engine) == "redis"

encrypted(r) if r.attributes.at_rest_encryption_enabled == true

encrypted(r) if {
	values.unset(r, "at_rest_encryption_enabled")
	lower(r.attributes.engine) == "valkey"
}

aws_managed_or_none(r) if values.unset(r, "kms_key_id")

aws_managed_or_none(r) if kms_keys.aws_managed(r.attributes.kms_key_id)
