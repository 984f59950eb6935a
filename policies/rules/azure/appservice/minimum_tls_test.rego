package driftwarden.rules.azure.appservice.minimum_tls_test

import data.driftwarden.rules.azure.appservice.minimum_tls
import rego.v1

app_types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app"]

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := minimum_tls.deny with input as {"resources": {r.type: [r]}}
}

test_tls_1_0_is_denied if {
	r := resource("azurerm_linux_web_app", "declared", {"site_config": [{"minimum_tls_version": "1.0", "always_on": true}]})
	deny(r) == {{"ruleId": "DW-AZ-APPSERVICE-002", "key": "azurerm_linux_web_app.x", "path": "site_config[0].minimum_tls_version", "message": "app accepts TLS 1.0, older than 1.2"}}
}

test_every_app_type_is_read if {
	every type in app_types {
		{f.path | some f in deny(resource(type, "live", {"site_config": [{"minimum_tls_version": "1.1"}]}))} == {"site_config[0].minimum_tls_version"}
	}
}

test_single_block_object_is_denied if {
	r := resource("azurerm_windows_web_app", "live", {"site_config": {"minimum_tls_version": "1.1"}})
	{f.path | some f in deny(r)} == {"site_config[0].minimum_tls_version"}
}

test_tls_1_2_passes if {
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"minimum_tls_version": "1.2"}]}))) == 0
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"minimum_tls_version": "1.3"}]}))) == 0
}

test_unknown_passes if {
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"minimum_tls_version": {"__unknown": true}}]}))) == 0
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": {"__unknown": true}}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_linux_web_app", "live", {"site_config": [{"always_on": true}]}))) == 0
	count(deny(resource("azurerm_linux_web_app", "live", {"https_only": true}))) == 0
	count(deny(resource("azurerm_linux_web_app", "live", {"site_config": null}))) == 0
}

test_the_older_app_types_are_read_by_their_attribute_name if {
	every type in ["azurerm_app_service", "azurerm_function_app"] {
		deny(resource(type, "declared", {"site_config": [{"min_tls_version": "1.1"}]})) == {{"ruleId": "DW-AZ-APPSERVICE-002", "key": sprintf("%s.x", [type]), "path": "site_config[0].min_tls_version", "message": "app accepts TLS 1.1, older than 1.2"}}
		count(deny(resource(type, "declared", {"site_config": [{"min_tls_version": "1.2"}]}))) == 0
		count(deny(resource(type, "declared", {"site_config": [{"minimum_tls_version": "1.0"}]}))) == 0
	}
	count(deny(resource("azurerm_linux_web_app", "declared", {"site_config": [{"min_tls_version": "1.0"}]}))) == 0
}
