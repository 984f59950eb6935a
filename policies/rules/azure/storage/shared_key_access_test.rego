package driftwarden.rules.azure.storage.shared_key_access_test

import data.driftwarden.rules.azure.storage.shared_key_access
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := shared_key_access.deny with input as {"resources": {r.type: [r]}}
}

test_shared_key_on_is_denied if {
	r := resource("azurerm_storage_account", "declared", {"shared_access_key_enabled": true})
	deny(r) == {{"ruleId": "DW-AZ-STORAGE-005", "key": "azurerm_storage_account.x", "path": "shared_access_key_enabled", "message": "storage account accepts Shared Key authorization (account keys and the SAS they sign)"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_storage_account"] {
		every value in [true] {
			{f.path | some f in deny(resource(type, "live", {"shared_access_key_enabled": value}))} == {"shared_access_key_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [false] {
		count(deny(resource("azurerm_storage_account", "declared", {"shared_access_key_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_storage_account", "declared", {"shared_access_key_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_storage_account", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_storage_account", "declared", {"shared_access_key_enabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_storage_account", "live", {"name": "x"}))) == 0
}
