package driftwarden.rules.azure.appservice.https_only_test

import data.driftwarden.rules.azure.appservice.https_only
import rego.v1

app_types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"]

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := https_only.deny with input as {"resources": {r.type: [r]}}
}

test_http_allowed_is_denied if {
	deny(resource("azurerm_linux_web_app", "declared", {"https_only": false})) == {{"ruleId": "DW-AZ-APPSERVICE-001", "key": "azurerm_linux_web_app.x", "path": "https_only", "message": "app accepts plain http requests"}}
}

test_every_app_type_is_read if {
	every type in app_types {
		count(deny(resource(type, "live", {"https_only": false}))) == 1
	}
}

test_declared_without_it_is_denied_since_the_default_is_false if {
	count(deny(resource("azurerm_windows_function_app", "declared", {"name": "fn"}))) == 1
}

test_https_only_passes if {
	count(deny(resource("azurerm_windows_web_app", "declared", {"https_only": true}))) == 0
}

test_unknown_passes if {
	count(deny(resource("azurerm_linux_function_app", "declared", {"https_only": {"__unknown": true}}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_linux_web_app", "live", {"name": "web"}))) == 0
}

test_the_older_app_types_are_read if {
	{f.path | some f in deny(resource("azurerm_app_service", "declared", {"https_only": false}))} == {"https_only"}
	{f.path | some f in deny(resource("azurerm_function_app", "declared", {"name": "jobs"}))} == {"https_only"}
	count(deny(resource("azurerm_function_app", "declared", {"https_only": true}))) == 0
}

test_other_types_are_not_read if {
	count(deny(resource("azurerm_app_service_plan", "declared", {"https_only": false}))) == 0
}
