# METADATA
# title: PostgreSQL flexible server accepts connections without TLS
# description: |
#   A flexible server requires TLS of every client unless its require_secure_transport server parameter is off;
#   with it off, passwords and data can cross the network in clear text. The platform default is on, so only a
#   parameter set to off (in any case) is a violation: an azurerm_postgresql_flexible_server_configuration named
#   require_secure_transport, or the ARM configurations child of the same name.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/security-tls
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: DW-AZ-POSTGRESQL-002
#   severity: high
#   category: encryption
#   resource_types: [azurerm_postgresql_flexible_server_configuration]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_postgresql_flexible_server_configuration" "tls" {
#       name      = "require_secure_transport"
#       server_id = azurerm_postgresql_flexible_server.db.id
#       value     = "on"
#     }
package driftwarden.rules.azure.postgresql.require_secure_transport

import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "value", "PostgreSQL flexible server accepts connections without TLS (require_secure_transport off)") if {
	some r in result.resources(rego.metadata.chain())
	is_string(r.attributes.name)
	lower(r.attributes.name) == "require_secure_transport"
	is_string(r.attributes.value)
	lower(r.attributes.value) == "off"
}
