# METADATA
# title: Storage account accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired across Azure. A storage account whose minimum TLS version
#   is below 1.2 lets clients negotiate them. Set the minimum to TLS 1.2.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
# custom:
#   id: DW-AZ-STORAGE-002
#   checkov: [CKV_AZURE_44]
#   trivy: [AVD-AZU-0011]
#   severity: high
#   category: encryption
#   resource_types: [azurerm_storage_account]
#   controls: [CIS-AZURE-3.15]
#   remediation: |
#     resource "azurerm_storage_account" "app" {
#       # ...
#       min_tls_version = "TLS1_2"
#     }
package driftwarden.rules.azure.storage.minimum_tls

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"TLS1_0", "TLS1_1"}

deny contains result.finding(rego.metadata.chain(), r, "min_tls_version", sprintf("storage account accepts %s, older than TLS1_2", [version])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.min_tls_version
	version in weak_versions
}
