# METADATA
# title: Key vault does not have purge protection enabled
# description: |
#   Without purge protection, a deleted vault or key can be purged before its soft-delete retention ends, and
#   whatever it encrypted is lost for good. Purge protection cannot be turned off once on.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: DW-AZ-KEYVAULT-001
#   checkov: [CKV_AZURE_110, CKV_AZURE_42]
#   trivy: [AVD-AZU-0016]
#   severity: medium
#   category: encryption
#   resource_types: [azurerm_key_vault]
#   controls: [CIS-AZURE-8.5]
#   remediation: |
#     resource "azurerm_key_vault" "app" {
#       # ...
#       soft_delete_retention_days = 90
#       purge_protection_enabled   = true
#     }
package driftwarden.rules.azure.keyvault.purge_protection

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is false, so a declared vault that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "purge_protection_enabled", "key vault does not have purge protection enabled") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "purge_protection_enabled")
}
