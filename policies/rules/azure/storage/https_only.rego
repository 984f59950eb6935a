# METADATA
# title: Storage account accepts unencrypted HTTP traffic
# description: |
#   With secure transfer off, the storage account accepts requests over plain HTTP and SMB without encryption, so
#   data and shared keys or SAS tokens can be read in transit. Require secure transfer (HTTPS only).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
# custom:
#   id: DW-AZ-STORAGE-001
#   checkov: [CKV_AZURE_3]
#   trivy: [AVD-AZU-0008]
#   severity: high
#   category: encryption
#   resource_types: [azurerm_storage_account]
#   controls: [CIS-AZURE-3.1]
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       https_traffic_only_enabled = true
#     }
package driftwarden.rules.azure.storage.https_only

import data.driftwarden.lib.result
import rego.v1

# The provider default is true, so only an explicit false is a violation.
deny contains result.finding(rego.metadata.chain(), r, "https_traffic_only_enabled", "storage account accepts unencrypted http traffic") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.https_traffic_only_enabled == false
}
