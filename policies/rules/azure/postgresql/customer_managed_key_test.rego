package driftwarden.rules.azure.postgresql.customer_managed_key_test

import data.driftwarden.rules.azure.postgresql.customer_managed_key
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := customer_managed_key.deny with input as {"resources": {r.type: [r]}}
}

test_server_without_key_is_denied if {
	r := resource("azurerm_postgresql_flexible_server", "declared", {"customer_managed_key": []})
	deny(r) == {{"ruleId": "DW-AZ-POSTGRESQL-001", "key": "azurerm_postgresql_flexible_server.x", "path": "customer_managed_key", "message": "PostgreSQL flexible server is encrypted with a service-managed key, not a customer-managed key"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_postgresql_flexible_server"] {
		every value in [[], null] {
			{f.path | some f in deny(resource(type, "live", {"customer_managed_key": value}))} == {"customer_managed_key"}
		}
	}
}

test_good_values_pass if {
	every value in [[{"key_vault_key_id": "https://kv-acme-keys.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef"}]] {
		count(deny(resource("azurerm_postgresql_flexible_server", "declared", {"customer_managed_key": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_postgresql_flexible_server", "declared", {"customer_managed_key": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_postgresql_flexible_server", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_postgresql_flexible_server", "declared", {"customer_managed_key": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_postgresql_flexible_server", "live", {"name": "x"}))) == 0
}
