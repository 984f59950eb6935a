package driftwarden.rules.azure.aks.local_accounts_test

import data.driftwarden.rules.azure.aks.local_accounts
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := local_accounts.deny with input as {"resources": {r.type: [r]}}
}

test_local_accounts_on_is_denied if {
	r := resource("azurerm_kubernetes_cluster", "declared", {"local_account_disabled": false})
	deny(r) == {{"ruleId": "DW-AZ-AKS-002", "key": "azurerm_kubernetes_cluster.x", "path": "local_account_disabled", "message": "AKS cluster keeps its local admin account: local accounts are not disabled"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_kubernetes_cluster"] {
		every value in [false] {
			{f.path | some f in deny(resource(type, "live", {"local_account_disabled": value}))} == {"local_account_disabled"}
		}
	}
}

test_good_values_pass if {
	every value in [true] {
		count(deny(resource("azurerm_kubernetes_cluster", "declared", {"local_account_disabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_kubernetes_cluster", "declared", {"local_account_disabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_denied if {
	count(deny(resource("azurerm_kubernetes_cluster", "declared", {"name": "x"}))) == 1
	count(deny(resource("azurerm_kubernetes_cluster", "declared", {"local_account_disabled": null}))) == 1
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_kubernetes_cluster", "live", {"name": "x"}))) == 0
}
