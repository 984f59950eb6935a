# METADATA
# title: SQL server accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired for Azure SQL. A logical server whose minimum TLS version
#   is 1.0, 1.1 or Disabled (no minimum) lets clients negotiate them. The provider default is 1.2, so only an
#   explicit older version or Disabled is a violation.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#minimum_tls_version
# custom:
#   id: DW-AZ-SQL-002
#   severity: high
#   category: encryption
#   resource_types: [azurerm_mssql_server]
#   controls: []
#   checkov: [CKV_AZURE_52]
#   trivy: [AVD-AZU-0026]
#   remediation: |
#     resource "azurerm_mssql_server" "app" {
#       # ...
#       minimum_tls_version = "1.2"
#     }
package driftwarden.rules.azure.sql.server_minimum_tls

import data.driftwarden.lib.result
import rego.v1

# Disabled is no minimum at all (ARM's None).
weak_versions := {"1.0", "1.1", "Disabled"}

# HCL lets a version be written as a number (minimum_tls_version = 1.0); Terraform stores it as a string.
weak(version) if version in weak_versions

weak(version) if version in {1, 1.1}

label("Disabled") := "1.0 (no minimum version)"

label(version) := version if {
	is_string(version)
	version != "Disabled"
}

label(1) := "1.0"

label(1.1) := "1.1"

# The provider default is 1.2, so only an explicit older version is a violation.
deny contains result.finding(rego.metadata.chain(), r, "minimum_tls_version", sprintf("SQL server accepts TLS %s, older than 1.2", [label(version)])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.minimum_tls_version
	weak(version)
}
