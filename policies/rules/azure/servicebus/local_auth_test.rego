package driftwarden.rules.azure.servicebus.local_auth_test

import data.driftwarden.rules.azure.servicebus.local_auth
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := local_auth.deny with input as {"resources": {r.type: [r]}}
}

test_local_auth_on_is_denied if {
	r := resource("azurerm_servicebus_namespace", "declared", {"local_auth_enabled": true})
	deny(r) == {{"ruleId": "DW-AZ-SERVICEBUS-002", "key": "azurerm_servicebus_namespace.x", "path": "local_auth_enabled", "message": "Service Bus namespace accepts shared access keys: local authentication is enabled"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_servicebus_namespace"] {
		every value in [true] {
			{f.path | some f in deny(resource(type, "live", {"local_auth_enabled": value}))} == {"local_auth_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [false] {
		count(deny(resource("azurerm_servicebus_namespace", "declared", {"local_auth_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_servicebus_namespace", "declared", {"local_auth_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_servicebus_namespace", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_servicebus_namespace", "declared", {"local_auth_enabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_servicebus_namespace", "live", {"name": "x"}))) == 0
}
