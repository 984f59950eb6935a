package driftwarden.rules.azure.storage.public_blob_access_test

import data.driftwarden.rules.azure.storage.public_blob_access
import rego.v1

resource(origin, attributes) := {"key": "azurerm_storage_account.x", "type": "azurerm_storage_account", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := public_blob_access.deny with input as {"resources": {"azurerm_storage_account": [r]}}
}

test_public_nested_items_are_denied if {
	deny(resource("declared", {"allow_nested_items_to_be_public": true})) == {{"ruleId": "DW-AZ-STORAGE-003", "key": "azurerm_storage_account.x", "path": "allow_nested_items_to_be_public", "message": "storage account allows anonymous public access to blobs"}}
	count(deny(resource("live", {"allow_nested_items_to_be_public": true}))) == 1
}

test_private_passes if {
	count(deny(resource("declared", {"allow_nested_items_to_be_public": false}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"allow_nested_items_to_be_public": {"__unknown": true}}))) == 0
}

test_absent_in_code_is_the_provider_default_true if {
	{f.message | some f in deny(resource("declared", {"min_tls_version": "TLS1_2"}))} == {"storage account allows anonymous public access to blobs (allow_nested_items_to_be_public is left out, and azurerm 3.0 and later default it to true)"}
	count(deny(resource("declared", {"allow_nested_items_to_be_public": null}))) == 1
}

test_absent_live_is_not_reported if {
	count(deny(resource("live", {"min_tls_version": "TLS1_2"}))) == 0
}
