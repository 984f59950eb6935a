# METADATA
# title: Storage account allows anonymous public access to blobs
# description: |
#   When nested items may be public, any container can be made readable by anyone on the internet without
#   authorisation. Disallow anonymous access at the account level, so no container can expose its blobs.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: DW-AZ-STORAGE-003
#   checkov: [CKV_AZURE_190]
#   trivy: []
#   severity: high
#   category: encryption
#   resource_types: [azurerm_storage_account]
#   controls: [CIS-AZURE-3.7]
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       allow_nested_items_to_be_public = false
#     }
package driftwarden.rules.azure.storage.public_blob_access

import data.driftwarden.lib.result
import rego.v1

# The provider default is false (azurerm 4.x), so only an explicit true is a violation.
deny contains result.finding(rego.metadata.chain(), r, "allow_nested_items_to_be_public", "storage account allows anonymous public access to blobs") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.allow_nested_items_to_be_public == true
}
