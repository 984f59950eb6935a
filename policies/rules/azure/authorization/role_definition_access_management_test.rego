package driftwarden.rules.azure.authorization.role_definition_access_management_test

import data.driftwarden.rules.azure.authorization.role_definition_access_management
import rego.v1

type := "azurerm_role_definition"

resource(origin, attributes) := {"key": "azurerm_role_definition.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := role_definition_access_management.deny with input as {"resources": {type: [r]}}
}

messages(r) := {[f.path, f.message] | some f in deny(r)}

test_authorization_wildcard_is_denied if {
	r := resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*", "Microsoft.Web/sites/read"], "not_actions": []}]})
	deny(r) == {
		{"ruleId": "DW-AZ-IAM-003", "key": "azurerm_role_definition.x", "path": "permissions[0].actions", "message": "custom role can grant access: \"Microsoft.Authorization/*\" allows microsoft.authorization/roleassignments/write"},
		{"ruleId": "DW-AZ-IAM-003", "key": "azurerm_role_definition.x", "path": "permissions[0].actions", "message": "custom role can grant access: \"Microsoft.Authorization/*\" allows microsoft.authorization/roledefinitions/write"},
	}
}

test_exact_action_in_any_case_is_denied if {
	r := resource("live", {"permissions": [{"actions": ["Microsoft.Storage/*/read"]}, {"actions": ["microsoft.authorization/ROLEASSIGNMENTS/write"]}]})
	messages(r) == {["permissions[1].actions", "custom role can grant access: \"microsoft.authorization/ROLEASSIGNMENTS/write\" allows microsoft.authorization/roleassignments/write"]}
}

test_write_wildcards_are_denied if {
	count(deny(resource("declared", {"permissions": [{"actions": ["*/write"]}]}))) == 2
	count(deny(resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*/write"]}]}))) == 2
	count(deny(resource("declared", {"permissions": {"actions": ["Microsoft.Authorization/roleAssignments/*"]}}))) == 1
}

test_not_actions_exclude if {
	r := resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*"], "not_actions": ["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"]}]})
	count(deny(r)) == 0
	partly := resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*"], "not_actions": ["Microsoft.Authorization/roleDefinitions/write"]}]})
	messages(partly) == {["permissions[0].actions", "custom role can grant access: \"Microsoft.Authorization/*\" allows microsoft.authorization/roleassignments/write"]}
}

test_full_wildcard_is_left_to_iam_001 if {
	count(deny(resource("declared", {"permissions": [{"actions": ["*"]}]}))) == 0
}

test_reads_and_other_providers_pass if {
	r := resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*/read", "Microsoft.Authorization/policyAssignments/write", "Microsoft.Compute/*"], "data_actions": ["*"]}]})
	count(deny(r)) == 0
}

test_unknown_values_pass if {
	count(deny(resource("declared", {"permissions": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": {"__unknown": true}}]}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": [{"__unknown": true}]}]}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*"], "not_actions": {"__unknown": true}}]}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": ["Microsoft.Authorization/*"], "not_actions": [{"__unknown": true}]}]}))) == 0
}

test_live_without_permissions_passes if {
	count(deny(resource("live", {"name": "reader"}))) == 0
	count(deny(resource("live", {"permissions": null}))) == 0
}
