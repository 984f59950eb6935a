package driftwarden.rules.azure.aks.rbac_disabled_test

import data.driftwarden.rules.azure.aks.rbac_disabled
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := rbac_disabled.deny with input as {"resources": {r.type: [r]}}
}

test_rbac_off_is_denied if {
	r := resource("azurerm_kubernetes_cluster", "declared", {"role_based_access_control_enabled": false})
	deny(r) == {{"ruleId": "DW-AZ-AKS-003", "key": "azurerm_kubernetes_cluster.x", "path": "role_based_access_control_enabled", "message": "AKS cluster has Kubernetes RBAC disabled"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_kubernetes_cluster"] {
		every value in [false] {
			{f.path | some f in deny(resource(type, "live", {"role_based_access_control_enabled": value}))} == {"role_based_access_control_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [true] {
		count(deny(resource("azurerm_kubernetes_cluster", "declared", {"role_based_access_control_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_kubernetes_cluster", "declared", {"role_based_access_control_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_passes if {
	count(deny(resource("azurerm_kubernetes_cluster", "declared", {"name": "x"}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_kubernetes_cluster", "live", {"name": "x"}))) == 0
}
