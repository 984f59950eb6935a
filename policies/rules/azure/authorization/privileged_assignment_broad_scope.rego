# METADATA
# title: Privileged role assigned at subscription, management group or tenant root scope
# description: |
#   Owner, Contributor, User Access Administrator and Role Based Access Control Administrator assigned at a
#   subscription, a management group or the tenant root ("/") give their holder control of every resource below it
#   (and, for all but Contributor, the power to grant access to others, themselves included). Assign these roles at
#   a resource group or resource, or use a narrower role. The role is recognised by role_definition_id (the
#   built-in role GUID) first, then by role_definition_name. A User Access Administrator or Role Based Access
#   Control Administrator assignment constrained by a condition (which roles and principals it may assign, the
#   delegation Microsoft recommends) is not a violation; an unknown condition is not judged.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#limit-privileged-administrator-role-assignments
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/delegate-role-assignments-overview
#   - https://learn.microsoft.com/en-us/azure/role-based-access-control/elevate-access-global-admin
# custom:
#   id: DW-AZ-IAM-002
#   severity: high
#   category: iam
#   resource_types: [azurerm_role_assignment]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_role_assignment" "app" {
#       scope                = azurerm_resource_group.app.id
#       role_definition_name = "Storage Blob Data Reader"
#       principal_id         = azurerm_user_assigned_identity.app.principal_id
#     }
package driftwarden.rules.azure.authorization.privileged_assignment_broad_scope

import data.driftwarden.lib.result
import rego.v1

# Built-in role definition GUIDs (the same in every tenant), lower-case.
role_ids := {
	"8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
	"b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
	"18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
	"f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
}

# Roles whose power is to grant access: a condition on the assignment can limit what they may grant.
access_administrators := {"User Access Administrator", "Role Based Access Control Administrator"}

role_names := {lower(name): name | some name in role_ids}

deny contains result.finding(rego.metadata.chain(), r, role.path, sprintf("grants %s at %s scope", [role.name, kind])) if {
	some r in result.resources(rego.metadata.chain())
	kind := scope_kind(r.attributes.scope)
	role := privileged_role(r.attributes)
	not constrained(role.name, r.attributes)
}

constrained(name, attributes) if {
	name in access_administrators
	condition := object.get(attributes, "condition", null)
	not condition in {null, ""}
}

scope_kind(scope) := "subscription" if {
	is_string(scope)
	regex.match(`^/subscriptions/[^/]+/?$`, lower(scope))
}

scope_kind("/") := "tenant root"

scope_kind(scope) := "management group" if {
	is_string(scope)
	regex.match(`^/providers/microsoft\.management/managementgroups/[^/]+/?$`, lower(scope))
}

# The role by its definition id, which is authoritative; by its name only when the id does not name one.
privileged_role(attributes) := {"path": "role_definition_id", "name": name} if {
	name := role_by_id(attributes.role_definition_id)
} else := {"path": "role_definition_name", "name": name} if {
	is_string(attributes.role_definition_name)
	name := role_names[lower(attributes.role_definition_name)]
}

# /subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>, or the bare GUID.
role_by_id(id) := name if {
	is_string(id)
	segments := split(trim_suffix(lower(id), "/"), "/")
	name := role_ids[segments[count(segments) - 1]]
}
