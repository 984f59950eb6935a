package driftwarden.rules.azure.storage.https_only_test

import data.driftwarden.rules.azure.storage.https_only
import rego.v1

resource(origin, attributes) := {"key": "azurerm_storage_account.x", "type": "azurerm_storage_account", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := https_only.deny with input as {"resources": {"azurerm_storage_account": [r]}}
}

test_http_allowed_is_denied if {
	deny(resource("declared", {"https_traffic_only_enabled": false})) == {{"ruleId": "DW-AZ-STORAGE-001", "key": "azurerm_storage_account.x", "path": "https_traffic_only_enabled", "message": "storage account accepts unencrypted http traffic"}}
	count(deny(resource("live", {"https_traffic_only_enabled": false}))) == 1
}

test_https_only_passes if {
	count(deny(resource("declared", {"https_traffic_only_enabled": true}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"https_traffic_only_enabled": {"__unknown": true}}))) == 0
}

test_absent_passes_since_the_default_is_true if {
	count(deny(resource("live", {"min_tls_version": "TLS1_2"}))) == 0
	count(deny(resource("declared", {"min_tls_version": "TLS1_2"}))) == 0
	count(deny(resource("declared", {"https_traffic_only_enabled": null}))) == 0
}
