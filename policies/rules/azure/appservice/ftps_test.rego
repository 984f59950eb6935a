package driftwarden.rules.azure.appservice.ftps_test

import data.driftwarden.rules.azure.appservice.ftps
import rego.v1

app_types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"]

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := ftps.deny with input as {"resources": {r.type: [r]}}
}

test_all_allowed_is_denied if {
	r := resource("azurerm_linux_web_app", "declared", {"site_config": [{"ftps_state": "AllAllowed", "always_on": true}]})
	deny(r) == {{"ruleId": "DW-AZ-APPSERVICE-003", "key": "azurerm_linux_web_app.x", "path": "site_config[0].ftps_state", "message": "app accepts plain FTP (ftps_state AllAllowed)"}}
}

test_every_app_type_is_read if {
	every type in app_types {
		{f.path | some f in deny(resource(type, "live", {"site_config": [{"ftps_state": "AllAllowed"}]}))} == {"site_config[0].ftps_state"}
	}
}

test_single_block_object_is_denied if {
	r := resource("azurerm_app_service", "declared", {"site_config": {"ftps_state": "AllAllowed"}})
	{f.path | some f in deny(r)} == {"site_config[0].ftps_state"}
}

test_ftps_only_and_disabled_pass if {
	count(deny(resource("azurerm_windows_web_app", "declared", {"site_config": [{"ftps_state": "FtpsOnly"}]}))) == 0
	count(deny(resource("azurerm_windows_web_app", "declared", {"site_config": [{"ftps_state": "Disabled"}]}))) == 0
}

test_unknown_passes if {
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"ftps_state": {"__unknown": true}}]}))) == 0
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": {"__unknown": true}}))) == 0
}

test_absent_passes if {
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"always_on": true}]}))) == 0
	count(deny(resource("azurerm_app_service", "declared", {"https_only": true}))) == 0
	count(deny(resource("azurerm_app_service", "declared", {"site_config": [{"always_on": true}]}))) == 0
	count(deny(resource("azurerm_linux_web_app", "live", {"site_config": null}))) == 0
	count(deny(resource("azurerm_linux_function_app", "declared", {"name": "jobs"}))) == 0
}

test_function_app_default_all_allowed_is_denied if {
	{f.path | some f in deny(resource("azurerm_function_app", "declared", {"name": "jobs"}))} == {"site_config"}
	{f.path | some f in deny(resource("azurerm_function_app", "declared", {"site_config": []}))} == {"site_config"}
	r := resource("azurerm_function_app", "declared", {"site_config": [{"always_on": true, "ftps_state": null}]})
	deny(r) == {{"ruleId": "DW-AZ-APPSERVICE-003", "key": "azurerm_function_app.x", "path": "site_config[0].ftps_state", "message": "function app accepts plain FTP (ftps_state defaults to AllAllowed)"}}
}

test_function_app_default_is_not_judged_live_or_unknown if {
	count(deny(resource("azurerm_function_app", "live", {"site_config": [{"always_on": true}]}))) == 0
	count(deny(resource("azurerm_function_app", "live", {"name": "jobs"}))) == 0
	count(deny(resource("azurerm_function_app", "declared", {"site_config": {"__unknown": true}}))) == 0
	count(deny(resource("azurerm_function_app", "declared", {"site_config": [{"__unknown": true}]}))) == 0
	count(deny(resource("azurerm_function_app", "declared", {"site_config": [{"ftps_state": {"__unknown": true}}]}))) == 0
	count(deny(resource("azurerm_function_app", "declared", {"site_config": [{"ftps_state": "FtpsOnly"}]}))) == 0
}
