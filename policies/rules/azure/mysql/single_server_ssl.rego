# METADATA
# title: MySQL single server does not enforce SSL or allows TLS older than 1.2
# description: |
#   A single server with SSL enforcement off accepts clients in clear text, and one whose minimal TLS version is
#   TLS1_0, TLS1_1 or TLSEnforcementDisabled lets clients negotiate protocols with known weaknesses. Enforce SSL
#   and set the minimum to TLS1_2 (the azurerm 3.x default; ssl_enforcement_enabled has no default there, so only
#   an explicit false is judged; an ARM template that leaves either out is not judged). Single server is retired:
#   move to a flexible server.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/mysql/single-server/concepts-ssl-connection-security
#   - https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/mysql_server#ssl_enforcement_enabled
# custom:
#   id: DW-AZ-MYSQL-003
#   severity: high
#   category: encryption
#   resource_types: [azurerm_mysql_server]
#   controls: [CIS-AZURE-4.4.1]
#   checkov: [CKV_AZURE_28, CKV_AZURE_54]
#   trivy: [AVD-AZU-0020, AVD-AZU-0026]
#   remediation: |
#     resource "azurerm_mysql_server" "db" {
#       # ...
#       ssl_enforcement_enabled          = true
#       ssl_minimal_tls_version_enforced = "TLS1_2"
#     }
package driftwarden.rules.azure.mysql.single_server_ssl

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}

deny contains result.finding(rego.metadata.chain(), r, "ssl_enforcement_enabled", "MySQL server accepts connections without TLS (SSL enforcement off)") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.ssl_enforcement_enabled == false
}

deny contains result.finding(rego.metadata.chain(), r, "ssl_minimal_tls_version_enforced", sprintf("MySQL server accepts %s, older than TLS1_2", [version])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.ssl_minimal_tls_version_enforced
	version in weak_versions
}
