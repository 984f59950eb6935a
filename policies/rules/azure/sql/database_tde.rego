# METADATA
# title: SQL database has transparent data encryption disabled
# description: |
#   Transparent data encryption encrypts the database, its backups and its transaction log files at rest. With it
#   off, anyone who obtains the files or a backup can read the data.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview
# custom:
#   id: DW-AZ-SQL-001
#   checkov: [CKV2_AZURE_25]
#   trivy: []
#   severity: high
#   category: encryption
#   resource_types: [azurerm_mssql_database]
#   controls: [CIS-AZURE-4.1.5]
#   remediation: |
#     resource "azurerm_mssql_database" "app" {
#       # ...
#       transparent_data_encryption_enabled = true
#     }
package driftwarden.rules.azure.sql.database_tde

import data.driftwarden.lib.result
import rego.v1

# The provider default is true, so only an explicit false is a violation.
deny contains result.finding(rego.metadata.chain(), r, "transparent_data_encryption_enabled", "database has transparent data encryption disabled") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.transparent_data_encryption_enabled == false
}
