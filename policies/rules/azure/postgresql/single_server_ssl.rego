# METADATA
# title: PostgreSQL single server does not enforce TLS 1.2
# description: |
#   A single server with SSL enforcement off accepts clients in clear text, and one whose minimal TLS version is
#   TLS1_0, TLS1_1 or TLSEnforcementDisabled lets clients negotiate protocols with known weaknesses. Enforce SSL
#   and set the minimum to TLS1_2 (the azurerm 3.x default; ssl_enforcement_enabled has no default there, so only
#   an explicit false is judged; an ARM template that leaves either out is not judged). Single server is retired:
#   move to a flexible server (DW-AZ-POSTGRESQL-002).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-ssl-connection-security
#   - https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/postgresql_server#ssl_enforcement_enabled
# custom:
#   id: DW-AZ-POSTGRESQL-003
#   severity: high
#   category: encryption
#   resource_types: [azurerm_postgresql_server]
#   controls: [CIS-AZURE-4.3.1]
#   checkov: [CKV_AZURE_29, CKV_AZURE_147]
#   trivy: [AVD-AZU-0020, AVD-AZU-0026]
#   remediation: |
#     resource "azurerm_postgresql_server" "db" {
#       # ...
#       ssl_enforcement_enabled          = true
#       ssl_minimal_tls_version_enforced = "TLS1_2"
#     }
package driftwarden.rules.azure.postgresql.single_server_ssl

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}

deny contains result.finding(rego.metadata.chain(), r, "ssl_enforcement_enabled", "PostgreSQL server accepts connections without TLS (SSL enforcement off)") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.ssl_enforcement_enabled == false
}

deny contains result.finding(rego.metadata.chain(), r, "ssl_minimal_tls_version_enforced", sprintf("PostgreSQL server accepts %s, older than TLS1_2", [version])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.ssl_minimal_tls_version_enforced
	version in weak_versions
}
