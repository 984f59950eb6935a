package driftwarden.rules.azure.compute.vmss_encryption_at_host_test

import data.driftwarden.rules.azure.compute.vmss_encryption_at_host
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := vmss_encryption_at_host.deny with input as {"resources": {r.type: [r]}}
}

test_encryption_at_host_off_is_denied if {
	r := resource("azurerm_linux_virtual_machine_scale_set", "declared", {"encryption_at_host_enabled": false})
	deny(r) == {{"ruleId": "DW-AZ-COMPUTE-002", "key": "azurerm_linux_virtual_machine_scale_set.x", "path": "encryption_at_host_enabled", "message": "virtual machine scale set does not use encryption at host (temporary disk and disk caches are not encrypted on the host)"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"] {
		every value in [false] {
			{f.path | some f in deny(resource(type, "live", {"encryption_at_host_enabled": value}))} == {"encryption_at_host_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [true] {
		count(deny(resource("azurerm_linux_virtual_machine_scale_set", "declared", {"encryption_at_host_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_linux_virtual_machine_scale_set", "declared", {"encryption_at_host_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_linux_virtual_machine_scale_set", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_linux_virtual_machine_scale_set", "declared", {"encryption_at_host_enabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_linux_virtual_machine_scale_set", "live", {"name": "x"}))) == 0
}
