# METADATA
# title: Service Bus namespace accepts shared access signatures (local authentication)
# description: |
#   While local authentication is enabled, anyone holding a shared access key or SAS token of the namespace can send
#   and receive, with no identity and no per-user audit; the RootManageSharedAccessKey rule grants full control.
#   Disable it so that access goes through Microsoft Entra ID and Azure RBAC. The provider default is true
#   (enabled).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/service-bus-messaging/disable-local-authentication
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#local_auth_enabled
# custom:
#   id: DW-AZ-SERVICEBUS-002
#   severity: medium
#   category: iam
#   resource_types: [azurerm_servicebus_namespace]
#   controls: []
#   checkov: [CKV_AZURE_203]
#   trivy: []
#   remediation: |
#     resource "azurerm_servicebus_namespace" "app" {
#       # ...
#       local_auth_enabled = false
#     }
package driftwarden.rules.azure.servicebus.local_auth

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is true, so a declared namespace that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "local_auth_enabled", "Service Bus namespace accepts shared access keys: local authentication is enabled") if {
	some r in result.resources(rego.metadata.chain())
	enabled(r)
}

enabled(r) if r.attributes.local_auth_enabled == true

enabled(r) if values.unset(r, "local_auth_enabled")
