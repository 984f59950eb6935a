package driftwarden.rules.azure.authorization.role_definition_wildcard_test

import data.driftwarden.rules.azure.authorization.role_definition_wildcard
import rego.v1

type := "azurerm_role_definition"

resource(origin, attributes) := {"key": "azurerm_role_definition.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := role_definition_wildcard.deny with input as {"resources": {type: [r]}}
}

test_wildcard_action_is_denied if {
	r := resource("declared", {"permissions": [{"actions": ["*"], "not_actions": null}]})
	deny(r) == {{"ruleId": "DW-AZ-IAM-001", "key": "azurerm_role_definition.x", "path": "permissions[0].actions", "message": "custom role allows every action (\"*\")"}}
}

test_wildcard_in_second_block_is_denied if {
	r := resource("live", {"permissions": [{"actions": ["Microsoft.Storage/*/read"]}, {"actions": ["*", "Microsoft.Web/sites/read"]}]})
	{f.path | some f in deny(r)} == {"permissions[1].actions"}
}

test_single_block_object_is_denied if {
	r := resource("declared", {"permissions": {"actions": ["*"]}})
	{f.path | some f in deny(r)} == {"permissions[0].actions"}
}

test_scoped_actions_pass if {
	r := resource("declared", {"permissions": [{"actions": ["Microsoft.Storage/*", "Microsoft.Compute/virtualMachines/*"]}]})
	count(deny(r)) == 0
}

test_wildcard_not_action_or_data_action_passes if {
	r := resource("declared", {"permissions": [{"actions": ["Microsoft.Web/sites/read"], "not_actions": ["*"], "data_actions": ["*"]}]})
	count(deny(r)) == 0
}

test_unknown_values_pass if {
	count(deny(resource("declared", {"permissions": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": {"__unknown": true, "reason": "computed"}}]}))) == 0
	count(deny(resource("declared", {"permissions": [{"actions": [{"__unknown": true}]}]}))) == 0
}

test_live_without_permissions_passes if {
	count(deny(resource("live", {"name": "reader"}))) == 0
	count(deny(resource("live", {"permissions": null}))) == 0
}

test_other_types_are_not_read if {
	r := {"key": "azurerm_role_assignment.x", "type": "azurerm_role_assignment", "id": "x", "origin": "declared", "attributes": {"permissions": [{"actions": ["*"]}]}}
	count(role_definition_wildcard.deny) == 0 with input as {"resources": {"azurerm_role_assignment": [r]}}
}
