package driftwarden.rules.azure.sql.server_tde_customer_managed_key_test

import data.driftwarden.rules.azure.sql.server_tde_customer_managed_key
import rego.v1

type := "azurerm_mssql_server_transparent_data_encryption"

resource(origin, attributes) := {"key": "azurerm_mssql_server_transparent_data_encryption.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := server_tde_customer_managed_key.deny with input as {"resources": {type: [r]}}
}

server := "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql"

test_service_managed_key_is_denied if {
	r := resource("declared", {"server_id": server})
	deny(r) == {{"ruleId": "DW-AZ-SQL-003", "key": "azurerm_mssql_server_transparent_data_encryption.x", "path": "key_vault_key_id", "message": "SQL server's TDE protector is the service-managed key, not a customer-managed key"}}
	count(deny(resource("declared", {"server_id": server, "key_vault_key_id": "", "managed_hsm_key_id": null}))) == 1
	count(deny(resource("live", {"server_id": server, "key_vault_key_id": null, "managed_hsm_key_id": null}))) == 1
}

test_customer_managed_keys_pass if {
	count(deny(resource("declared", {"server_id": server, "key_vault_key_id": "https://kv.vault.azure.net/keys/tde/0123"}))) == 0
	count(deny(resource("declared", {"server_id": server, "managed_hsm_key_id": "https://hsm.managedhsm.azure.net/keys/tde/0123"}))) == 0
	count(deny(resource("live", {"server_id": server, "key_vault_key_id": null, "managed_hsm_key_id": "https://hsm.managedhsm.azure.net/keys/tde"}))) == 0
}

test_unknown_key_passes if {
	count(deny(resource("declared", {"server_id": server, "key_vault_key_id": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"server_id": server, "managed_hsm_key_id": {"__unknown": true}}))) == 0
}

test_live_without_the_key_type_passes if {
	count(deny(resource("live", {"server_id": server}))) == 0
	count(deny(resource("live", {"server_id": server, "key_vault_key_id": null}))) == 0
}
