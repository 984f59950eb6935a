# METADATA
# title: MySQL flexible server does not require secure transport
# description: |
#   A flexible server requires TLS of every client unless its require_secure_transport server parameter is OFF;
#   with it off, passwords and data can cross the network in clear text. Its tls_version parameter lists the
#   protocols clients may negotiate: TLSv1 and TLSv1.1 have known weaknesses. The platform defaults are ON and
#   TLSv1.2, so only a parameter set otherwise is a violation: an azurerm_mysql_flexible_server_configuration (or
#   the ARM configurations child) named require_secure_transport with value OFF or 0 (any case), or named
#   tls_version with a value that lists TLSv1 or TLSv1.1.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-networking#tls-and-ssl
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration
# custom:
#   id: DW-AZ-MYSQL-002
#   severity: high
#   category: encryption
#   resource_types: [azurerm_mysql_flexible_server_configuration]
#   controls: [CIS-AZURE-4.4.1, CIS-AZURE-4.4.2]
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_mysql_flexible_server_configuration" "tls" {
#       name                = "require_secure_transport"
#       resource_group_name = azurerm_mysql_flexible_server.db.resource_group_name
#       server_name         = azurerm_mysql_flexible_server.db.name
#       value               = "ON"
#     }
#
#     resource "azurerm_mysql_flexible_server_configuration" "tls_version" {
#       name                = "tls_version"
#       resource_group_name = azurerm_mysql_flexible_server.db.resource_group_name
#       server_name         = azurerm_mysql_flexible_server.db.name
#       value               = "TLSv1.2,TLSv1.3"
#     }
package driftwarden.rules.azure.mysql.flexible_secure_transport

import data.driftwarden.lib.result
import rego.v1

# tls_version is a MySQL SET: a comma-separated list; these are the members older than TLSv1.2.
weak_versions := {"tlsv1": "TLSv1", "tlsv1.1": "TLSv1.1"}

parameter(r, name) if {
	is_string(r.attributes.name)
	lower(r.attributes.name) == name
}

deny contains result.finding(rego.metadata.chain(), r, "value", "MySQL flexible server accepts connections without TLS (require_secure_transport OFF)") if {
	some r in result.resources(rego.metadata.chain())
	parameter(r, "require_secure_transport")
	is_string(r.attributes.value)
	lower(trim_space(r.attributes.value)) in {"off", "0"}
}

deny contains result.finding(rego.metadata.chain(), r, "value", sprintf("MySQL flexible server accepts %s, older than TLSv1.2 (tls_version)", [concat(" and ", weak)])) if {
	some r in result.resources(rego.metadata.chain())
	parameter(r, "tls_version")
	is_string(r.attributes.value)
	weak := sort({weak_versions[lower(trim_space(v))] | some v in split(r.attributes.value, ",")})
	count(weak) > 0
}
