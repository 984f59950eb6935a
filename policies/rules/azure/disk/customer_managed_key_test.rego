package driftwarden.rules.azure.disk.customer_managed_key_test

import data.driftwarden.rules.azure.disk.customer_managed_key
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := customer_managed_key.deny with input as {"resources": {r.type: [r]}}
}

test_disk_without_encryption_set_is_denied if {
	r := resource("azurerm_managed_disk", "declared", {"disk_encryption_set_id": ""})
	deny(r) == {{"ruleId": "DW-AZ-DISK-001", "key": "azurerm_managed_disk.x", "path": "disk_encryption_set_id", "message": "managed disk is encrypted with a platform-managed key, not a customer-managed key (no disk encryption set)"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_managed_disk"] {
		every value in ["", null] {
			{f.path | some f in deny(resource(type, "live", {"disk_encryption_set_id": value}))} == {"disk_encryption_set_id"}
		}
	}
}

test_good_values_pass if {
	every value in ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-acme"] {
		count(deny(resource("azurerm_managed_disk", "declared", {"disk_encryption_set_id": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_managed_disk", "declared", {"disk_encryption_set_id": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_managed_disk", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_managed_disk", "declared", {"disk_encryption_set_id": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_managed_disk", "live", {"name": "x"}))) == 0
}
