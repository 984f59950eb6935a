package driftwarden.rules.azure.eventhub.local_auth_test

import data.driftwarden.rules.azure.eventhub.local_auth
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := local_auth.deny with input as {"resources": {r.type: [r]}}
}

test_local_auth_on_is_denied if {
	r := resource("azurerm_eventhub_namespace", "declared", {"local_authentication_enabled": true})
	deny(r) == {{"ruleId": "DW-AZ-EVENTHUB-002", "key": "azurerm_eventhub_namespace.x", "path": "local_authentication_enabled", "message": "Event Hubs namespace accepts shared access keys: local authentication is enabled"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_eventhub_namespace"] {
		every value in [true] {
			{f.path | some f in deny(resource(type, "live", {"local_authentication_enabled": value}))} == {"local_authentication_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [false] {
		count(deny(resource("azurerm_eventhub_namespace", "declared", {"local_authentication_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_eventhub_namespace", "declared", {"local_authentication_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_eventhub_namespace", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_eventhub_namespace", "declared", {"local_authentication_enabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_eventhub_namespace", "live", {"name": "x"}))) == 0
}
