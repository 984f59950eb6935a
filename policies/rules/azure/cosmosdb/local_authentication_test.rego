package driftwarden.rules.azure.cosmosdb.local_authentication_test

import data.driftwarden.rules.azure.cosmosdb.local_authentication
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := local_authentication.deny with input as {"resources": {r.type: [r]}}
}

test_local_authentication_on_is_denied if {
	r := resource("azurerm_cosmosdb_account", "declared", {"local_authentication_disabled": false})
	deny(r) == {{"ruleId": "DW-AZ-COSMOSDB-002", "key": "azurerm_cosmosdb_account.x", "path": "local_authentication_disabled", "message": "Cosmos DB account accepts its primary keys: local authentication is not disabled"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_cosmosdb_account"] {
		every value in [false] {
			{f.path | some f in deny(resource(type, "live", {"local_authentication_disabled": value}))} == {"local_authentication_disabled"}
		}
	}
}

test_good_values_pass if {
	every value in [true] {
		count(deny(resource("azurerm_cosmosdb_account", "declared", {"local_authentication_disabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"local_authentication_disabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"local_authentication_disabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "live", {"name": "x"}))) == 0
}
