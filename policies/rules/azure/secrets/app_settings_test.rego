package driftwarden.rules.azure.secrets.app_settings_test

import data.driftwarden.rules.azure.secrets.app_settings
import rego.v1

masked(shape) := {"__sensitive": "digest", "shape": shape}

deny_with(type, settings) := findings if {
	findings := app_settings.deny with input as {"resources": {type: [{"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": {"name": "x", "app_settings": settings}}]}}
}

test_a_secret_in_an_app_setting_is_reported if {
	deny_with("azurerm_linux_web_app", {"WEBSITE_RUN_FROM_PACKAGE": "1", "Storage": masked("connection-string")}) == {{
		"ruleId": "DW-AZ-SECRETS-001",
		"key": "azurerm_linux_web_app.x",
		"path": "app_settings.Storage",
		"message": "app setting Storage holds a connection string with a password or key in plain text",
	}}
	every type in ["azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app"] {
		count(deny_with(type, {"Stripe:ApiKey": masked("opaque-literal")})) == 1
	}
}

test_references_and_other_settings_pass if {
	count(deny_with("azurerm_linux_web_app", {"DB_PASSWORD": {"__sensitive": "digest"}})) == 0
	count(deny_with("azurerm_linux_web_app", {"FEATURE_FLAGS": masked("opaque-literal")})) == 0
	count(deny_with("azurerm_linux_web_app", {"DB_PASSWORD": {"__unknown": true}})) == 0
	count(deny_with("azurerm_linux_web_app", {"__unknown": true})) == 0
	count(deny_with("azurerm_linux_web_app", null)) == 0
}
