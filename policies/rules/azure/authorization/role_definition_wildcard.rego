# METADATA
# title: Custom role definition allows every action
# description: |
#   A custom role whose permissions include the action "*" can do anything at its assignable scopes, including
#   granting access to others: a custom subscription administrator. Grant the actions the role needs, or use a
#   built-in role whose assignments are reviewed.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles
# custom:
#   id: DW-AZ-IAM-001
#   checkov: [CKV_AZURE_39]
#   trivy: [AVD-AZU-0030]
#   severity: high
#   category: iam
#   resource_types: [azurerm_role_definition]
#   controls: [CIS-AZURE-1.23]
#   remediation: |
#     resource "azurerm_role_definition" "app" {
#       name  = "app-operator"
#       scope = data.azurerm_subscription.current.id
#       permissions {
#         actions     = ["Microsoft.Storage/storageAccounts/read", "Microsoft.Web/sites/restart/action"]
#         not_actions = []
#       }
#       assignable_scopes = [data.azurerm_subscription.current.id]
#     }
package driftwarden.rules.azure.authorization.role_definition_wildcard

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("permissions[%d].actions", [i]), "custom role allows every action (\"*\")") if {
	some r in result.resources(rego.metadata.chain())
	some i, permission in values.as_array(r.attributes.permissions)
	is_array(permission.actions)
	"*" in permission.actions
}
