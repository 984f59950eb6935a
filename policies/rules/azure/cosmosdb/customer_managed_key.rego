# METADATA
# title: Cosmos DB account is not encrypted with a customer-managed key
# description: |
#   Cosmos DB encrypts data at rest with service-managed keys by default. Where keys must be held, rotated and
#   revocable by the organisation, set key_vault_key_id to a Key Vault key (a versionless key id, for automatic
#   rotation). An account with no key_vault_key_id (the default) uses the service-managed key.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-customer-managed-keys
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#key_vault_key_id
# custom:
#   id: DW-AZ-COSMOSDB-001
#   severity: low
#   category: encryption
#   resource_types: [azurerm_cosmosdb_account]
#   controls: []
#   checkov: [CKV_AZURE_100]
#   trivy: []
#   remediation: |
#     resource "azurerm_cosmosdb_account" "app" {
#       # ...
#       key_vault_key_id = azurerm_key_vault_key.cosmos.versionless_id
#     }
package driftwarden.rules.azure.cosmosdb.customer_managed_key

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# No key_vault_key_id (the default) means the service-managed key.
deny contains result.finding(rego.metadata.chain(), r, "key_vault_key_id", "Cosmos DB account is encrypted with a service-managed key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "key_vault_key_id")
}
