# METADATA
# title: Event Hubs namespace accepts shared access signatures (local authentication)
# description: |
#   While local authentication is enabled, anyone holding a shared access key or SAS token of the namespace can send
#   and receive, with no identity and no per-user audit; the RootManageSharedAccessKey rule grants full control.
#   Disable it so that access goes through Microsoft Entra ID and Azure RBAC. The provider default is true
#   (enabled).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/event-hubs/authenticate-shared-access-signature#disabling-localsas-key-authentication
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventhub_namespace#local_authentication_enabled
# custom:
#   id: DW-AZ-EVENTHUB-002
#   severity: medium
#   category: iam
#   resource_types: [azurerm_eventhub_namespace]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_eventhub_namespace" "app" {
#       # ...
#       local_authentication_enabled = false
#     }
package driftwarden.rules.azure.eventhub.local_auth

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is true, so a declared namespace that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "local_authentication_enabled", "Event Hubs namespace accepts shared access keys: local authentication is enabled") if {
	some r in result.resources(rego.metadata.chain())
	enabled(r)
}

enabled(r) if r.attributes.local_authentication_enabled == true

enabled(r) if values.unset(r, "local_authentication_enabled")
