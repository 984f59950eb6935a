package driftwarden.rules.azure.cosmosdb.minimum_tls_test

import data.driftwarden.rules.azure.cosmosdb.minimum_tls
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := minimum_tls.deny with input as {"resources": {r.type: [r]}}
}

test_tls_1_0_is_denied if {
	r := resource("azurerm_cosmosdb_account", "declared", {"minimal_tls_version": "Tls"})
	deny(r) == {{"ruleId": "DW-AZ-COSMOSDB-003", "key": "azurerm_cosmosdb_account.x", "path": "minimal_tls_version", "message": "Cosmos DB account accepts Tls, older than Tls12"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_cosmosdb_account"] {
		every value in ["Tls", "Tls11"] {
			{f.path | some f in deny(resource(type, "live", {"minimal_tls_version": value}))} == {"minimal_tls_version"}
		}
	}
}

test_good_values_pass if {
	every value in ["Tls12"] {
		count(deny(resource("azurerm_cosmosdb_account", "declared", {"minimal_tls_version": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"minimal_tls_version": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "declared", {"name": "x"}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_cosmosdb_account", "live", {"name": "x"}))) == 0
}
