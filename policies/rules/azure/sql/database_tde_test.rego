package driftwarden.rules.azure.sql.database_tde_test

import data.driftwarden.rules.azure.sql.database_tde
import rego.v1

resource(origin, attributes) := {"key": "azurerm_mssql_database.x", "type": "azurerm_mssql_database", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := database_tde.deny with input as {"resources": {"azurerm_mssql_database": [r]}}
}

test_tde_disabled_is_denied if {
	deny(resource("declared", {"transparent_data_encryption_enabled": false})) == {{"ruleId": "DW-AZ-SQL-001", "key": "azurerm_mssql_database.x", "path": "transparent_data_encryption_enabled", "message": "database has transparent data encryption disabled"}}
	count(deny(resource("live", {"transparent_data_encryption_enabled": false}))) == 1
}

test_tde_enabled_passes if {
	count(deny(resource("declared", {"transparent_data_encryption_enabled": true}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"transparent_data_encryption_enabled": {"__unknown": true}}))) == 0
}

test_absent_passes_since_the_default_is_true if {
	count(deny(resource("live", {"sku_name": "S0"}))) == 0
	count(deny(resource("declared", {"sku_name": "S0"}))) == 0
}
