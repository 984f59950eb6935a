# METADATA
# title: Key vault access policy grants every permission
# description: |
#   An access policy that holds every key, secret or certificate permission lets its principal read, change, delete
#   and purge everything of that kind in the vault, against least privilege. Nothing is granted by default: a
#   permission list left out grants none.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_access_policy
#   - https://learn.microsoft.com/en-us/azure/templates/microsoft.keyvault/vaults
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/assign-access-policy
# custom:
#   id: DW-AZ-KEYVAULT-002
#   checkov: []
#   trivy: []
#   severity: high
#   category: iam
#   resource_types: [azurerm_key_vault, azurerm_key_vault_access_policy]
#   controls: []
#   remediation: |
#     resource "azurerm_key_vault" "app" {
#       # ...
#       access_policy {
#         tenant_id          = data.azurerm_client_config.current.tenant_id
#         object_id          = azurerm_user_assigned_identity.app.principal_id
#         secret_permissions = ["Get", "List"]
#       }
#     }
package driftwarden.rules.azure.keyvault.access_policy_all_permissions

import data.driftwarden.lib.result
import rego.v1

# Every value the azurerm 4.x provider accepts for each list, lower-cased (website/docs/r/key_vault.html.markdown
# and key_vault_access_policy.html.markdown; Azure compares them case-insensitively). A list that holds all of them,
# or ARM's "all", grants every permission of its kind.
permissions := {
	"key_permissions": {
		"backup", "create", "decrypt", "delete", "encrypt", "get", "getrotationpolicy", "import", "list", "purge",
		"recover", "release", "restore", "rotate", "setrotationpolicy", "sign", "unwrapkey", "update", "verify",
		"wrapkey",
	},
	"secret_permissions": {"backup", "delete", "get", "list", "purge", "recover", "restore", "set"},
	"certificate_permissions": {
		"backup", "create", "delete", "deleteissuers", "get", "getissuers", "import", "list", "listissuers",
		"managecontacts", "manageissuers", "purge", "recover", "restore", "setissuers", "update",
	},
}

kinds := {"key_permissions": "key", "secret_permissions": "secret", "certificate_permissions": "certificate"}

# The access_policy blocks of azurerm_key_vault.
deny contains result.finding(rego.metadata.chain(), r, sprintf("access_policy[%d].%s", [i, name]), message(name)) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "azurerm_key_vault"
	policies := r.attributes.access_policy
	is_array(policies)
	some i, policy in policies
	some name, _ in permissions
	grants_every(policy[name], permissions[name])
}

# azurerm_key_vault_access_policy, one policy managed apart from the vault.
deny contains result.finding(rego.metadata.chain(), r, name, message(name)) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "azurerm_key_vault_access_policy"
	some name, _ in permissions
	grants_every(r.attributes[name], permissions[name])
}

message(name) := sprintf("access policy grants every %s permission", [kinds[name]])

# Only the known strings count: an unknown element never completes the set.
held(list) := {lower(p) | some p in list; is_string(p)}

grants_every(list, _) if {
	is_array(list)
	"all" in held(list)
}

grants_every(list, every_value) if {
	is_array(list)
	count(every_value - held(list)) == 0
}
