package driftwarden.rules.azure.storage.minimum_tls_test

import data.driftwarden.rules.azure.storage.minimum_tls
import rego.v1

resource(origin, attributes) := {"key": "azurerm_storage_account.x", "type": "azurerm_storage_account", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := minimum_tls.deny with input as {"resources": {"azurerm_storage_account": [r]}}
}

test_tls_1_0_is_denied if {
	deny(resource("declared", {"min_tls_version": "TLS1_0"})) == {{"ruleId": "DW-AZ-STORAGE-002", "key": "azurerm_storage_account.x", "path": "min_tls_version", "message": "storage account accepts TLS1_0, older than TLS1_2"}}
}

test_tls_1_1_is_denied if {
	{f.message | some f in deny(resource("live", {"min_tls_version": "TLS1_1"}))} == {"storage account accepts TLS1_1, older than TLS1_2"}
}

test_tls_1_2_passes if {
	count(deny(resource("declared", {"min_tls_version": "TLS1_2"}))) == 0
	count(deny(resource("live", {"min_tls_version": "TLS1_3"}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"min_tls_version": {"__unknown": true}}))) == 0
}

test_absent_passes if {
	count(deny(resource("live", {"https_traffic_only_enabled": true}))) == 0
	count(deny(resource("declared", {"https_traffic_only_enabled": true}))) == 0
}
