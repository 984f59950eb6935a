package driftwarden.rules.azure.authorization.privileged_assignment_broad_scope_test

import data.driftwarden.rules.azure.authorization.privileged_assignment_broad_scope
import rego.v1

type := "azurerm_role_assignment"

sub := "/subscriptions/00000000-0000-0000-0000-000000000000"

mg := "/providers/Microsoft.Management/managementGroups/mg-platform"

owner_id := concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"])

contributor_id := concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"])

uaa_id := concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"])

rbac_admin_id := concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168"])

reader_id := concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"])

resource(origin, attributes) := {"key": "azurerm_role_assignment.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := privileged_assignment_broad_scope.deny with input as {"resources": {type: [r]}}
}

findings(r) := {[f.path, f.message] | some f in deny(r)}

test_owner_at_subscription_is_denied if {
	r := resource("declared", {"scope": sub, "role_definition_id": owner_id, "role_definition_name": "Owner", "principal_id": "p"})
	deny(r) == {{"ruleId": "DW-AZ-IAM-002", "key": "azurerm_role_assignment.x", "path": "role_definition_id", "message": "grants Owner at subscription scope"}}
}

test_contributor_by_name_at_management_group_is_denied if {
	r := resource("live", {"scope": mg, "role_definition_name": "contributor"})
	findings(r) == {["role_definition_name", "grants Contributor at management group scope"]}
}

test_user_access_administrator_by_id_is_denied if {
	r := resource("live", {"scope": upper(sub), "role_definition_id": upper(uaa_id)})
	findings(r) == {["role_definition_id", "grants User Access Administrator at subscription scope"]}
}

test_scope_case_and_trailing_slash_are_ignored if {
	r := resource("declared", {"scope": "/providers/microsoft.management/MANAGEMENTGROUPS/root/", "role_definition_id": concat("", [contributor_id, "/"])})
	findings(r) == {["role_definition_id", "grants Contributor at management group scope"]}
	r2 := resource("declared", {"scope": concat("", [sub, "/"]), "role_definition_name": "USER ACCESS ADMINISTRATOR"})
	findings(r2) == {["role_definition_name", "grants User Access Administrator at subscription scope"]}
}

test_bare_guid_id_is_denied if {
	r := resource("live", {"scope": sub, "role_definition_id": "8E3AF657-A8FF-443C-A75C-2FE8C4BCB635"})
	findings(r) == {["role_definition_id", "grants Owner at subscription scope"]}
}

test_name_is_used_when_id_is_unknown if {
	r := resource("declared", {"scope": sub, "role_definition_id": {"__unknown": true}, "role_definition_name": "Owner"})
	findings(r) == {["role_definition_name", "grants Owner at subscription scope"]}
}

test_resource_group_scope_passes if {
	r := resource("declared", {"scope": concat("", [sub, "/resourceGroups/rg-prod"]), "role_definition_id": owner_id, "role_definition_name": "Owner"})
	count(deny(r)) == 0
}

test_resource_scope_passes if {
	scope := concat("", [sub, "/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts/acmeprod"])
	count(deny(resource("live", {"scope": scope, "role_definition_name": "Owner"}))) == 0
}

test_tenant_root_is_denied if {
	findings(resource("live", {"scope": "/", "role_definition_name": "Owner"})) == {["role_definition_name", "grants Owner at tenant root scope"]}
	findings(resource("declared", {"scope": "/", "role_definition_id": uaa_id})) == {["role_definition_id", "grants User Access Administrator at tenant root scope"]}
}

test_role_based_access_control_administrator_is_denied if {
	r := resource("declared", {"scope": sub, "role_definition_id": rbac_admin_id, "condition": ""})
	findings(r) == {["role_definition_id", "grants Role Based Access Control Administrator at subscription scope"]}
	findings(resource("live", {"scope": mg, "role_definition_name": "Role Based Access Control Administrator"})) == {["role_definition_name", "grants Role Based Access Control Administrator at management group scope"]}
}

test_a_condition_constrains_only_the_access_administrators if {
	condition := "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {ba92f5b4-2d11-453d-a403-e96b0029c9fe}))"
	count(deny(resource("declared", {"scope": sub, "role_definition_id": rbac_admin_id, "condition": condition, "condition_version": "2.0"}))) == 0
	count(deny(resource("declared", {"scope": sub, "role_definition_id": uaa_id, "condition": condition}))) == 0
	findings(resource("declared", {"scope": sub, "role_definition_id": owner_id, "condition": condition})) == {["role_definition_id", "grants Owner at subscription scope"]}
}

test_an_unknown_condition_is_not_judged if {
	count(deny(resource("declared", {"scope": sub, "role_definition_id": uaa_id, "condition": {"__unknown": true}}))) == 0
}

test_other_scopes_pass if {
	count(deny(resource("live", {"scope": "/providers/Microsoft.Management/managementGroups", "role_definition_name": "Owner"}))) == 0
	count(deny(resource("live", {"scope": "//", "role_definition_name": "Owner"}))) == 0
}

test_other_roles_pass if {
	count(deny(resource("declared", {"scope": sub, "role_definition_id": reader_id, "role_definition_name": "Reader"}))) == 0
	count(deny(resource("declared", {"scope": sub, "role_definition_name": "Owner Lookalike"}))) == 0
	count(deny(resource("declared", {"scope": sub, "role_definition_id": concat("", [owner_id, "-x"])}))) == 0
}

test_unknown_values_pass if {
	count(deny(resource("declared", {"scope": {"__unknown": true}, "role_definition_id": owner_id, "role_definition_name": "Owner"}))) == 0
	count(deny(resource("declared", {"scope": sub, "role_definition_id": {"__unknown": true}, "role_definition_name": {"__unknown": true}}))) == 0
}

test_live_without_role_passes if {
	count(deny(resource("live", {"scope": sub, "principal_id": "p"}))) == 0
	count(deny(resource("live", {"role_definition_name": "Owner"}))) == 0
}
