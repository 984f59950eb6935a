# METADATA
# title: AKS cluster node disks are not encrypted with a customer-managed key
# description: |
#   The OS and data disks of AKS nodes are encrypted with platform-managed keys unless the cluster names a disk
#   encryption set. Where keys must be held and revocable by the organisation, set disk_encryption_set_id. A cluster
#   without it (the default) uses platform keys.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/azure-disk-customer-managed-keys
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#disk_encryption_set_id
# custom:
#   id: DW-AZ-AKS-001
#   severity: low
#   category: encryption
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: []
#   checkov: [CKV_AZURE_117]
#   trivy: [AVD-AZU-0067]
#   remediation: |
#     resource "azurerm_kubernetes_cluster" "app" {
#       # ...
#       disk_encryption_set_id = azurerm_disk_encryption_set.aks.id
#     }
package driftwarden.rules.azure.aks.disk_encryption_set

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# No disk encryption set (the default) means platform-managed keys.
deny contains result.finding(rego.metadata.chain(), r, "disk_encryption_set_id", "AKS node disks are encrypted with platform-managed keys: no disk encryption set") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "disk_encryption_set_id")
}
