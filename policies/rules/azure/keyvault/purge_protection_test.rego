package driftwarden.rules.azure.keyvault.purge_protection_test

import data.driftwarden.rules.azure.keyvault.purge_protection
import rego.v1

resource(origin, attributes) := {"key": "azurerm_key_vault.x", "type": "azurerm_key_vault", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := purge_protection.deny with input as {"resources": {"azurerm_key_vault": [r]}}
}

test_disabled_is_denied if {
	deny(resource("live", {"purge_protection_enabled": false})) == {{"ruleId": "DW-AZ-KEYVAULT-001", "key": "azurerm_key_vault.x", "path": "purge_protection_enabled", "message": "key vault does not have purge protection enabled"}}
}

test_declared_without_it_is_denied_since_the_default_is_false if {
	count(deny(resource("declared", {"sku_name": "standard"}))) == 1
}

test_enabled_passes if {
	count(deny(resource("declared", {"purge_protection_enabled": true}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"purge_protection_enabled": {"__unknown": true}}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("live", {"sku_name": "standard"}))) == 0
}
