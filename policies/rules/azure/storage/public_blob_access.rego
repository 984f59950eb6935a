# METADATA
# title: Storage account allows anonymous public access to blobs
# description: |
#   When nested items may be public, any container can be made readable by anyone on the internet without
#   authorisation. Disallow anonymous access at the account level, so no container can expose its blobs. azurerm
#   3.0 and later default allow_nested_items_to_be_public to true; ARM's allowBlobPublicAccess defaults to false
#   from api-version 2023-01-01.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#allow_nested_items_to_be_public
#   - https://github.com/Azure/azure-rest-api-specs/blob/main/specification/storage/resource-manager/Microsoft.Storage/stable/2023-01-01/storage.json
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
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "allow_nested_items_to_be_public", "storage account allows anonymous public access to blobs") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.allow_nested_items_to_be_public == true
}

# Left out of the code: azurerm 3.0 and later (3.x and 4.x) default allow_nested_items_to_be_public to true and send
# it (2.x named it allow_blob_public_access, which the catalogue reads as this attribute). An ARM template's
# absent allowBlobPublicAccess is its api-version's default, filled in by the storage account's platform defaults
# (false from 2023-01-01, unknown before), so it never reaches here unset.
deny contains result.finding(rego.metadata.chain(), r, "allow_nested_items_to_be_public", "storage account allows anonymous public access to blobs (allow_nested_items_to_be_public is left out, and azurerm 3.0 and later default it to true)") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "allow_nested_items_to_be_public")
}
