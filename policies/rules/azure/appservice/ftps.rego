# METADATA
# title: App Service app accepts plain FTP
# description: |
#   With the FTP state AllAllowed, an app accepts deployments and file access over plain FTP, so the publishing
#   credentials and the files cross the network in clear text. Require FTPS (FtpsOnly), or turn FTP off (Disabled)
#   when deployments go through a pipeline. Only an explicit AllAllowed is a violation: the newer app types default
#   to Disabled, and azurerm_app_service and azurerm_function_app (azurerm 2.x and 3.x) leave it to the platform.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftps_state
#   - https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/app_service#ftps_state
# custom:
#   id: DW-AZ-APPSERVICE-003
#   severity: medium
#   category: encryption
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   controls: [CIS-AZURE-9.10]
#   checkov: [CKV_AZURE_78]
#   trivy: [AVD-AZU-0071]
#   remediation: |
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       site_config {
#         ftps_state = "Disabled"
#       }
#     }
package driftwarden.rules.azure.appservice.ftps

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# site_config is a one-element list of blocks, as Terraform stores it.
deny contains result.finding(rego.metadata.chain(), r, sprintf("site_config[%d].ftps_state", [i]), "app accepts plain FTP (ftps_state AllAllowed)") if {
	some r in result.resources(rego.metadata.chain())
	some i, site_config in values.as_array(r.attributes.site_config)
	site_config.ftps_state == "AllAllowed"
}
