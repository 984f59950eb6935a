# METADATA
# title: Cosmos DB account accepts its primary keys (local authentication)
# description: |
#   While local authentication is enabled, anyone holding one of the account keys has full access to every database,
#   with no identity, no per-user audit and no conditional access. Disable it so that data-plane access goes through
#   Microsoft Entra ID and Cosmos DB RBAC. The provider default is false (keys accepted).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#local_authentication_disabled
# custom:
#   id: DW-AZ-COSMOSDB-002
#   severity: medium
#   category: iam
#   resource_types: [azurerm_cosmosdb_account]
#   controls: []
#   checkov: [CKV_AZURE_140]
#   trivy: []
#   remediation: |
#     resource "azurerm_cosmosdb_account" "app" {
#       # ...
#       local_authentication_disabled = true
#     }
package driftwarden.rules.azure.cosmosdb.local_authentication

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is false, so a declared account that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "local_authentication_disabled", "Cosmos DB account accepts its primary keys: local authentication is not disabled") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "local_authentication_disabled")
}
