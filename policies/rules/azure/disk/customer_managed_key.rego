# METADATA
# title: Managed disk is not encrypted with a customer-managed key
# description: |
#   Managed disks are always encrypted at rest, by default with a platform-managed key. Where keys must be held and
#   rotated by the organisation (and revocable), the disk needs a disk encryption set that wraps its key with a
#   customer-managed key in Key Vault. A disk with no disk_encryption_set_id (the provider default) uses the
#   platform key.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk#disk_encryption_set_id
# custom:
#   id: DW-AZ-DISK-001
#   severity: low
#   category: encryption
#   resource_types: [azurerm_managed_disk]
#   controls: [CIS-AZURE-7.3]
#   checkov: [CKV_AZURE_93]
#   trivy: []
#   remediation: |
#     resource "azurerm_managed_disk" "data" {
#       # ...
#       disk_encryption_set_id = azurerm_disk_encryption_set.cmk.id
#     }
package driftwarden.rules.azure.disk.customer_managed_key

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# No disk encryption set (the default) means the platform-managed key.
deny contains result.finding(rego.metadata.chain(), r, "disk_encryption_set_id", "managed disk is encrypted with a platform-managed key, not a customer-managed key (no disk encryption set)") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "disk_encryption_set_id")
}
