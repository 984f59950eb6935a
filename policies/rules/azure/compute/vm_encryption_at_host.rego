# METADATA
# title: Virtual machine does not use encryption at host
# description: |
#   Without encryption at host, the temporary disk and the OS and data disk caches of a virtual machine are stored
#   on the VM host unencrypted by the server-side encryption that protects the managed disks themselves. Encryption
#   at host encrypts them at rest and in the flow to the Storage service. The provider default is false.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#encryption_at_host_enabled
# custom:
#   id: DW-AZ-COMPUTE-001
#   severity: medium
#   category: encryption
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_linux_virtual_machine" "app" {
#       # ...
#       encryption_at_host_enabled = true
#     }
package driftwarden.rules.azure.compute.vm_encryption_at_host

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is false, so a declared machine that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "encryption_at_host_enabled", "virtual machine does not use encryption at host (temporary disk and disk caches are not encrypted on the host)") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "encryption_at_host_enabled")
}
