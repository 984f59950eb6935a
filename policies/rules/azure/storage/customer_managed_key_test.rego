package driftwarden.rules.azure.storage.customer_managed_key_test

import data.driftwarden.rules.azure.storage.customer_managed_key
import rego.v1

type := "azurerm_storage_account"

resource(origin, attributes) := {"key": "azurerm_storage_account.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := customer_managed_key.deny with input as {"resources": {type: [r]}}
}

cmk := [{"key_vault_key_id": "https://kv-acme.vault.azure.net/keys/storage", "user_assigned_identity_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"}]

test_no_key_is_denied if {
	r := resource("declared", {"name": "stacme", "account_tier": "Standard"})
	deny(r) == {{"ruleId": "DW-AZ-STORAGE-006", "key": "azurerm_storage_account.x", "path": "customer_managed_key", "message": "storage account is encrypted with Microsoft-managed keys, not a customer-managed key"}}
	count(deny(resource("declared", {"customer_managed_key": []}))) == 1
	count(deny(resource("declared", {"customer_managed_key": null}))) == 1
}

test_live_microsoft_managed_keys_are_denied if {
	count(deny(resource("live", {"customer_managed_key": []}))) == 1
}

test_customer_managed_key_passes if {
	count(deny(resource("declared", {"customer_managed_key": cmk}))) == 0
	count(deny(resource("live", {"customer_managed_key": cmk}))) == 0
	count(deny(resource("declared", {"customer_managed_key": [{"managed_hsm_key_id": "https://hsm-acme.managedhsm.azure.net/keys/storage"}]}))) == 0
}

test_a_folded_key_whose_id_is_unknown_passes if {
	count(deny(resource("declared", {"customer_managed_key": [{"key_vault_key_id": {"__unknown": true}}]}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"customer_managed_key": {"__unknown": true}}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("live", {"name": "stacme"}))) == 0
}
