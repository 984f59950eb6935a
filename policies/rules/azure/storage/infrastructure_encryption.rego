# METADATA
# title: Storage account does not use infrastructure encryption
# description: |
#   Infrastructure encryption adds a second layer of AES-256 encryption at the infrastructure level, with a
#   different key, beneath the service-level encryption. It can only be enabled when the account is created.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable
# custom:
#   id: DW-AZ-STORAGE-004
#   checkov: []
#   trivy: [AVD-AZU-0061]
#   severity: low
#   category: encryption
#   resource_types: [azurerm_storage_account]
#   controls: [CIS-AZURE-3.2]
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       infrastructure_encryption_enabled = true # forces a new account
#     }
package driftwarden.rules.azure.storage.infrastructure_encryption

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is false, so a declared account that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "infrastructure_encryption_enabled", "storage account does not use infrastructure encryption") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "infrastructure_encryption_enabled")
}
