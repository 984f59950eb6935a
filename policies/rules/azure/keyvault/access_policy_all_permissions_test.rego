package driftwarden.rules.azure.keyvault.access_policy_all_permissions_test

import data.driftwarden.rules.azure.keyvault.access_policy_all_permissions
import rego.v1

resource(origin, policies) := {"key": "azurerm_key_vault.x", "type": "azurerm_key_vault", "id": "x", "origin": origin, "attributes": {"access_policy": policies}}

deny(r) := findings if {
	findings := access_policy_all_permissions.deny with input as {"resources": {r.type: [r]}}
}

separate(attributes) := {"key": "azurerm_key_vault_access_policy.p", "type": "azurerm_key_vault_access_policy", "id": "p", "origin": "declared", "attributes": attributes}

every_secret := ["Backup", "Delete", "Get", "List", "Purge", "Recover", "Restore", "Set"]

every_key := [
	"Backup", "Create", "Decrypt", "Delete", "Encrypt", "Get", "GetRotationPolicy", "Import", "List", "Purge",
	"Recover", "Release", "Restore", "Rotate", "SetRotationPolicy", "Sign", "UnwrapKey", "Update", "Verify", "WrapKey",
]

every_certificate := [
	"Backup", "Create", "Delete", "DeleteIssuers", "Get", "GetIssuers", "Import", "List", "ListIssuers",
	"ManageContacts", "ManageIssuers", "Purge", "Recover", "Restore", "SetIssuers", "Update",
]

test_every_secret_permission_is_denied if {
	deny(resource("declared", [{"object_id": "o", "secret_permissions": every_secret}])) == {{"ruleId": "DW-AZ-KEYVAULT-002", "key": "azurerm_key_vault.x", "path": "access_policy[0].secret_permissions", "message": "access policy grants every secret permission"}}
}

test_every_key_and_certificate_permission_in_any_case_is_denied if {
	lower_keys := [lower(p) | some p in every_key]
	paths := {f.path | some f in deny(resource("live", [{"key_permissions": lower_keys, "certificate_permissions": every_certificate}]))}
	paths == {"access_policy[0].key_permissions", "access_policy[0].certificate_permissions"}
}

test_arm_all_is_denied if {
	paths := {f.path | some f in deny(resource("declared", [{"secret_permissions": ["get"]}, {"key_permissions": ["all"]}]))}
	paths == {"access_policy[1].key_permissions"}
}

test_all_but_one_passes if {
	count(deny(resource("declared", [{"secret_permissions": array.slice(every_secret, 1, 8)}]))) == 0
}

test_the_older_sixteen_key_permissions_without_rotation_pass if {
	older := [p | some p in every_key; not p in {"GetRotationPolicy", "Release", "Rotate", "SetRotationPolicy"}]
	count(deny(resource("declared", [{"key_permissions": older}]))) == 0
}

test_an_unknown_element_never_completes_the_set if {
	partial := array.concat(array.slice(every_secret, 1, 8), [{"__unknown": true}])
	count(deny(resource("declared", [{"secret_permissions": partial}]))) == 0
}

test_unknown_lists_and_blocks_pass if {
	count(deny(resource("declared", [{"secret_permissions": {"__unknown": true}}]))) == 0
	count(deny(resource("declared", {"__unknown": true}))) == 0
	count(deny(resource("declared", [{"__unknown": true}]))) == 0
}

test_no_access_policy_passes if {
	count(deny({"key": "azurerm_key_vault.x", "type": "azurerm_key_vault", "id": "x", "origin": "declared", "attributes": {"sku_name": "standard"}})) == 0
	count(deny(resource("declared", []))) == 0
	count(deny(resource("declared", [{"object_id": "o"}]))) == 0
}

test_storage_permissions_are_not_judged if {
	count(deny(resource("declared", [{"storage_permissions": ["all"]}]))) == 0
}

test_separate_policy_with_every_certificate_permission_is_denied if {
	deny(separate({"certificate_permissions": every_certificate, "key_permissions": ["Get"]})) == {{"ruleId": "DW-AZ-KEYVAULT-002", "key": "azurerm_key_vault_access_policy.p", "path": "certificate_permissions", "message": "access policy grants every certificate permission"}}
}

test_separate_narrow_or_unknown_policy_passes if {
	count(deny(separate({"key_permissions": ["Get", "WrapKey", "UnwrapKey"], "secret_permissions": ["Get"]}))) == 0
	count(deny(separate({"key_permissions": {"__unknown": true}}))) == 0
	count(deny(separate({"object_id": "o"}))) == 0
}

test_a_separate_policy_is_not_read_as_a_vault if {
	count(deny(separate({"access_policy": [{"secret_permissions": every_secret}]}))) == 0
}
