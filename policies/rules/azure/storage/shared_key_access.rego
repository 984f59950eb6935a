# METADATA
# title: Storage account accepts Shared Key authorization
# description: |
#   While Shared Key access is allowed, either account key (and every SAS signed with it) grants full access to all
#   data in the account, with no identity behind the request and no way to revoke one holder short of rotating the
#   key. Disallow it so that requests are authorised with Microsoft Entra ID. The provider default is true, as is
#   the platform's (an absent allowSharedKeyAccess is null, which means true).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#shared_access_key_enabled
# custom:
#   id: DW-AZ-STORAGE-005
#   severity: medium
#   category: iam
#   resource_types: [azurerm_storage_account]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       shared_access_key_enabled       = false
#       default_to_oauth_authentication = true
#     }
package driftwarden.rules.azure.storage.shared_key_access

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider and platform default is true, so a declared account that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "shared_access_key_enabled", "storage account accepts Shared Key authorization (account keys and the SAS they sign)") if {
	some r in result.resources(rego.metadata.chain())
	enabled(r)
}

enabled(r) if r.attributes.shared_access_key_enabled == true

enabled(r) if values.unset(r, "shared_access_key_enabled")
