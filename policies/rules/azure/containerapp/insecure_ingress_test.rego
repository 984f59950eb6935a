package driftwarden.rules.azure.containerapp.insecure_ingress_test

import data.driftwarden.rules.azure.containerapp.insecure_ingress
import rego.v1

resource(origin, attributes) := {"key": "azurerm_container_app.x", "type": "azurerm_container_app", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := insecure_ingress.deny with input as {"resources": {"azurerm_container_app": [r]}}
}

test_insecure_ingress_is_denied if {
	r := resource("declared", {"ingress": [{"external_enabled": true, "target_port": 8080, "allow_insecure_connections": true}]})
	deny(r) == {{"ruleId": "DW-AZ-CONTAINERAPP-001", "key": "azurerm_container_app.x", "path": "ingress[0].allow_insecure_connections", "message": "container app ingress accepts plain HTTP (allow_insecure_connections)"}}
	count(deny(resource("live", {"ingress": {"allow_insecure_connections": true}}))) == 1
}

test_secure_ingress_passes if {
	count(deny(resource("declared", {"ingress": [{"external_enabled": true, "allow_insecure_connections": false}]}))) == 0
}

test_no_ingress_passes if {
	count(deny(resource("declared", {"ingress": []}))) == 0
	count(deny(resource("declared", {"name": "x"}))) == 0
	count(deny(resource("live", {"ingress": null}))) == 0
}

test_absent_flag_passes_since_the_default_is_false if {
	count(deny(resource("declared", {"ingress": [{"external_enabled": true, "target_port": 80}]}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"ingress": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"ingress": [{"allow_insecure_connections": {"__unknown": true}}]}))) == 0
}
