# METADATA
# title: Custom role definition can grant access (Microsoft.Authorization writes)
# description: |
#   A custom role whose actions match Microsoft.Authorization/roleAssignments/write or roleDefinitions/write
#   (through Microsoft.Authorization/*, */write or the exact action) lets its holder assign any role, Owner
#   included, at its assignable scopes, or rewrite a role it already holds: a path from any grant of the role to
#   full control. Azure action patterns match case-insensitively, with * standing for any characters (dots and
#   slashes too); an action excluded by a matching not_actions pattern is not granted. The "*" action itself is
#   DW-AZ-IAM-001's finding, not repeated here. Trivy's AVD-AZU-0052 flags roleDefinitions/write (and "*").
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#actions
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/resource-provider-operations#microsoftauthorization
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#limit-privileged-administrator-role-assignments
#   - https://github.com/aquasecurity/trivy-checks/blob/main/checks/cloud/azure/authorization/prevent_custom_role_creation.rego
# custom:
#   id: DW-AZ-IAM-003
#   severity: high
#   category: iam
#   resource_types: [azurerm_role_definition]
#   controls: []
#   checkov: []
#   trivy: [AVD-AZU-0052]
#   remediation: |
#     resource "azurerm_role_definition" "app" {
#       name  = "app-operator"
#       scope = data.azurerm_subscription.current.id
#       permissions {
#         actions     = ["Microsoft.Authorization/*/read", "Microsoft.Web/sites/*"]
#         not_actions = []
#       }
#       assignable_scopes = [data.azurerm_subscription.current.id]
#     }
package driftwarden.rules.azure.authorization.role_definition_access_management

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The actions that hand out access, lower-case.
access_actions := {
	"microsoft.authorization/roleassignments/write",
	"microsoft.authorization/roledefinitions/write",
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("permissions[%d].actions", [i]), sprintf("custom role can grant access: \"%s\" allows %s", [pattern, action])) if {
	some r in result.resources(rego.metadata.chain())
	some i, permission in values.as_array(r.attributes.permissions)
	is_array(permission.actions)
	some pattern in permission.actions
	is_string(pattern)
	pattern != "*"
	some action in access_actions
	glob.match(lower(pattern), null, action)
	not excluded(permission, action)
}

# A not_actions pattern that matches removes the action; not_actions that are not known say nothing either way, so
# the action counts as excluded and the permission is not judged.
excluded(permission, action) if {
	some pattern in values.as_array(object.get(permission, "not_actions", []))
	is_string(pattern)
	glob.match(lower(pattern), null, action)
}

excluded(permission, _) if values.is_unknown(object.get(permission, "not_actions", []))

excluded(permission, _) if {
	some pattern in values.as_array(object.get(permission, "not_actions", []))
	values.is_unknown(pattern)
}
