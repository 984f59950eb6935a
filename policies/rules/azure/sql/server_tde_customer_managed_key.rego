# METADATA
# title: SQL server transparent data encryption uses the service-managed key
# description: |
#   Transparent data encryption protects every database of a logical server with the server's TDE protector, by
#   default a key Azure manages (serverKeyType ServiceManaged). Where keys must be held, rotated and revocable by
#   the organisation, the protector must be a customer-managed key in Key Vault or Managed HSM. An
#   azurerm_mssql_server_transparent_data_encryption without key_vault_key_id and managed_hsm_key_id (the
#   provider default), or an ARM encryptionProtector with serverKeyType ServiceManaged, keeps the service-managed
#   key. A server whose protector is set on azurerm_mssql_server itself (transparent_data_encryption_key_vault_key_id)
#   is not judged here.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-byok-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_transparent_data_encryption
#   - https://learn.microsoft.com/en-us/rest/api/sql/encryption-protectors/get
# custom:
#   id: DW-AZ-SQL-003
#   severity: low
#   category: encryption
#   resource_types: [azurerm_mssql_server_transparent_data_encryption]
#   controls: [CIS-AZURE-4.1.3]
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_mssql_server_transparent_data_encryption" "sql" {
#       server_id             = azurerm_mssql_server.sql.id
#       key_vault_key_id      = azurerm_key_vault_key.tde.id
#       auto_rotation_enabled = true
#     }
package driftwarden.rules.azure.sql.server_tde_customer_managed_key

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "key_vault_key_id", "SQL server's TDE protector is the service-managed key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "key_vault_key_id")
	values.unset(r, "managed_hsm_key_id")
}
