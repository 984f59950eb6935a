# METADATA
# title: Storage account is not encrypted with a customer-managed key
# description: |
#   Storage accounts are always encrypted at rest, by default with Microsoft-managed keys (encryption.keySource
#   Microsoft.Storage). Where keys must be held, rotated and revocable by the organisation, the account needs a
#   customer-managed key in Key Vault or Managed HSM: a customer_managed_key block, or a separate
#   azurerm_storage_account_customer_managed_key (folded into the account), or ARM encryption.keySource
#   Microsoft.Keyvault. An account that leaves both out (the provider and platform default) uses Microsoft's keys.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/customer-managed-keys-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#customer_managed_key
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_customer_managed_key
#   - https://learn.microsoft.com/en-us/azure/templates/microsoft.storage/storageaccounts#encryption
# custom:
#   id: DW-AZ-STORAGE-006
#   severity: low
#   category: encryption
#   resource_types: [azurerm_storage_account]
#   controls: [CIS-AZURE-3.12]
#   checkov: [CKV2_AZURE_1]
#   trivy: [AVD-AZU-0060]
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       identity {
#         type         = "UserAssigned"
#         identity_ids = [azurerm_user_assigned_identity.storage.id]
#       }
#       customer_managed_key {
#         key_vault_key_id          = azurerm_key_vault_key.storage.versionless_id
#         user_assigned_identity_id = azurerm_user_assigned_identity.storage.id
#       }
#     }
package driftwarden.rules.azure.storage.customer_managed_key

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# No customer_managed_key block (the default) means Microsoft-managed keys; a live account reports an empty one.
deny contains result.finding(rego.metadata.chain(), r, "customer_managed_key", "storage account is encrypted with Microsoft-managed keys, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "customer_managed_key")
}
