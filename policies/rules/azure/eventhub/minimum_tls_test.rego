package driftwarden.rules.azure.eventhub.minimum_tls_test

import data.driftwarden.rules.azure.eventhub.minimum_tls
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := minimum_tls.deny with input as {"resources": {r.type: [r]}}
}

test_tls_1_0_is_denied if {
	r := resource("azurerm_eventhub_namespace", "declared", {"minimum_tls_version": "1.0"})
	deny(r) == {{"ruleId": "DW-AZ-EVENTHUB-001", "key": "azurerm_eventhub_namespace.x", "path": "minimum_tls_version", "message": "Event Hubs namespace accepts TLS 1.0, older than 1.2"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_eventhub_namespace"] {
		every value in ["1.0", "1.1", 1, 1.1] {
			{f.path | some f in deny(resource(type, "live", {"minimum_tls_version": value}))} == {"minimum_tls_version"}
		}
	}
}

test_good_values_pass if {
	every value in ["1.2", 1.2] {
		count(deny(resource("azurerm_eventhub_namespace", "declared", {"minimum_tls_version": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_eventhub_namespace", "declared", {"minimum_tls_version": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_passes if {
	count(deny(resource("azurerm_eventhub_namespace", "declared", {"name": "x"}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_eventhub_namespace", "live", {"name": "x"}))) == 0
}
