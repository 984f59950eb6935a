package driftwarden.rules.azure.cosmosdb.customer_managed_key_test

import data.driftwarden.rules.azure.cosmosdb.customer_managed_key
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := customer_managed_key.deny with input as {"resources": {r.type: [r]}}
}

test_account_without_key_is_denied if {
	r := resource("azurerm_cosmosdb_account", "declared", {"key_vault_key_id": ""})
	deny(r) == {{"ruleId": "DW-AZ-COSMOSDB-001", "key": "azurerm_cosmosdb_account.x", "path": "key_vault_key_id", "message": "Cosmos DB account is encrypted with a service-managed key, not a customer-managed key"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_cosmosdb_account"] {
		every value in ["", null] {
			{f.path | some f in deny(resource(type, "live", {"key_vault_key_id": value}))} == {"key_vault_key_id"}
		}
	}
}

test_good_values_pass if {
	every value in ["https://kv-acme-keys.vault.azure.net/keys/cmk"] {
		count(deny(resource("azurerm_cosmosdb_account", "declared", {"key_vault_key_id": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"key_vault_key_id": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"key_vault_key_id": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "live", {"name": "x"}))) == 0
}
