# METADATA
# title: Redis cache accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired for Azure Cache for Redis. A cache whose minimum TLS
#   version is below 1.2 lets clients negotiate them. The provider default is 1.2, so only an explicit older version
#   is a violation.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-remove-tls-10-11
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#minimum_tls_version
# custom:
#   id: DW-AZ-REDIS-002
#   severity: high
#   category: encryption
#   resource_types: [azurerm_redis_cache]
#   controls: []
#   checkov: [CKV_AZURE_148]
#   trivy: []
#   remediation: |
#     resource "azurerm_redis_cache" "app" {
#       # ...
#       minimum_tls_version = "1.2"
#     }
package driftwarden.rules.azure.redis.minimum_tls

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"1.0", "1.1"}

# HCL lets a version be written as a number (minimum_tls_version = 1.0); Terraform stores it as a string.
weak(version) if version in weak_versions

weak(version) if version in {1, 1.1}

label(version) := version if is_string(version)

label(1) := "1.0"

label(1.1) := "1.1"

# The provider default is 1.2, so only an explicit older version is a violation.
deny contains result.finding(rego.metadata.chain(), r, "minimum_tls_version", sprintf("Redis cache accepts TLS %s, older than 1.2", [label(version)])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.minimum_tls_version
	weak(version)
}
