# METADATA
# title: Cosmos DB account accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired across Azure. An account whose minimal TLS version is Tls
#   or Tls11 lets clients negotiate them. The provider default is Tls12.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/self-serve-minimum-tls-enforcement
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#minimal_tls_version
# custom:
#   id: DW-AZ-COSMOSDB-003
#   severity: high
#   category: encryption
#   resource_types: [azurerm_cosmosdb_account]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_cosmosdb_account" "app" {
#       # ...
#       minimal_tls_version = "Tls12"
#     }
package driftwarden.rules.azure.cosmosdb.minimum_tls

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"Tls", "Tls11"}

weak(version) if version in weak_versions

label(version) := version

# The provider default is Tls12, so only an explicit older version is a violation.
deny contains result.finding(rego.metadata.chain(), r, "minimal_tls_version", sprintf("Cosmos DB account accepts %s, older than Tls12", [label(version)])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.minimal_tls_version
	weak(version)
}
