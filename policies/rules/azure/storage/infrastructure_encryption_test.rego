package driftwarden.rules.azure.storage.infrastructure_encryption_test

import data.driftwarden.rules.azure.storage.infrastructure_encryption
import rego.v1

resource(origin, attributes) := {"key": "azurerm_storage_account.x", "type": "azurerm_storage_account", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := infrastructure_encryption.deny with input as {"resources": {"azurerm_storage_account": [r]}}
}

test_disabled_is_denied if {
	deny(resource("live", {"infrastructure_encryption_enabled": false})) == {{"ruleId": "DW-AZ-STORAGE-004", "key": "azurerm_storage_account.x", "path": "infrastructure_encryption_enabled", "message": "storage account does not use infrastructure encryption"}}
}

test_declared_without_it_is_denied_since_the_default_is_false if {
	count(deny(resource("declared", {"min_tls_version": "TLS1_2"}))) == 1
	count(deny(resource("declared", {"infrastructure_encryption_enabled": null}))) == 1
}

test_enabled_passes if {
	count(deny(resource("declared", {"infrastructure_encryption_enabled": true}))) == 0
	count(deny(resource("live", {"infrastructure_encryption_enabled": true}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"infrastructure_encryption_enabled": {"__unknown": true, "reason": "not-reported"}}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("live", {"min_tls_version": "TLS1_2"}))) == 0
}
