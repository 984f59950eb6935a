package driftwarden.rules.azure.sql.server_minimum_tls_test

import data.driftwarden.rules.azure.sql.server_minimum_tls
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := server_minimum_tls.deny with input as {"resources": {r.type: [r]}}
}

test_tls_1_0_is_denied if {
	r := resource("azurerm_mssql_server", "declared", {"minimum_tls_version": "1.0"})
	deny(r) == {{"ruleId": "DW-AZ-SQL-002", "key": "azurerm_mssql_server.x", "path": "minimum_tls_version", "message": "SQL server accepts TLS 1.0, older than 1.2"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_mssql_server"] {
		every value in ["1.0", "1.1", "Disabled", 1, 1.1] {
			{f.path | some f in deny(resource(type, "live", {"minimum_tls_version": value}))} == {"minimum_tls_version"}
		}
	}
}

test_good_values_pass if {
	every value in ["1.2", "1.3", 1.2] {
		count(deny(resource("azurerm_mssql_server", "declared", {"minimum_tls_version": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_mssql_server", "declared", {"minimum_tls_version": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_passes if {
	count(deny(resource("azurerm_mssql_server", "declared", {"name": "x"}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_mssql_server", "live", {"name": "x"}))) == 0
}

test_disabled_is_named if {
	{f.message | some f in deny(resource("azurerm_mssql_server", "live", {"minimum_tls_version": "Disabled"}))} == {"SQL server accepts TLS 1.0 (no minimum version), older than 1.2"}
}
