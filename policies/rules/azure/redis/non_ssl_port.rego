# METADATA
# title: Redis cache accepts unencrypted connections on its non-TLS port
# description: |
#   With the non-TLS port (6379) enabled, clients can connect without TLS, so the access key and cached data cross
#   the network in clear text. Only the TLS port (6380) should be open. The provider default is false, so only an
#   explicit true is a violation; azurerm 3.x calls it enable_non_ssl_port.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#non_ssl_port_enabled
# custom:
#   id: DW-AZ-REDIS-001
#   severity: high
#   category: encryption
#   resource_types: [azurerm_redis_cache]
#   controls: []
#   checkov: [CKV_AZURE_91]
#   trivy: []
#   remediation: |
#     resource "azurerm_redis_cache" "app" {
#       # ...
#       non_ssl_port_enabled = false
#     }
package driftwarden.rules.azure.redis.non_ssl_port

import data.driftwarden.lib.result
import rego.v1

# The provider default is false, so only an explicit true is a violation.
deny contains result.finding(rego.metadata.chain(), r, "non_ssl_port_enabled", "Redis cache accepts unencrypted connections on its non-TLS port (6379)") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.non_ssl_port_enabled == true
}
