# METADATA
# title: MySQL flexible server is not encrypted with a customer-managed key
# description: |
#   MySQL flexible servers encrypt data, backups and logs at rest with a service-managed key unless a
#   customer_managed_key block names a Key Vault key and the identity that reads it. Where keys must be held and
#   revocable by the organisation, add one (it can only be set when the server is created). A server without the
#   block (the default) uses the service-managed key.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-customer-managed-key
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server#customer_managed_key
# custom:
#   id: DW-AZ-MYSQL-001
#   severity: low
#   category: encryption
#   resource_types: [azurerm_mysql_flexible_server]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_mysql_flexible_server" "app" {
#       # ...
#       identity {
#         type         = "UserAssigned"
#         identity_ids = [azurerm_user_assigned_identity.db.id]
#       }
#       customer_managed_key {
#         key_vault_key_id                  = azurerm_key_vault_key.db.id
#         primary_user_assigned_identity_id = azurerm_user_assigned_identity.db.id
#       }
#     }
package driftwarden.rules.azure.mysql.customer_managed_key

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# No customer_managed_key block (the default) means the service-managed key.
deny contains result.finding(rego.metadata.chain(), r, "customer_managed_key", "MySQL flexible server is encrypted with a service-managed key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "customer_managed_key")
}
