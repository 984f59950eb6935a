# METADATA
# title: App Service app accepts plain FTP
# description: |
#   With the FTP state AllAllowed, an app accepts deployments and file access over plain FTP, so the publishing
#   credentials and the files cross the network in clear text. Require FTPS (FtpsOnly), or turn FTP off (Disabled)
#   when deployments go through a pipeline. The linux/windows web and function apps default to Disabled;
#   azurerm_function_app (azurerm 2.x and 3.x) defaults to AllAllowed, so a declared one that leaves ftps_state out
#   is a violation too; azurerm_app_service leaves it to the platform (Optional and Computed), and is judged only
#   on an explicit AllAllowed.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftps_state
#   - https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/app_service#ftps_state
#   - https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/function_app#ftps_state
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

# azurerm_function_app's ftps_state defaults to AllAllowed: a declared app whose site_config leaves it out, or that
# has no site_config block, accepts plain FTP.
deny contains result.finding(rego.metadata.chain(), r, path, "function app accepts plain FTP (ftps_state defaults to AllAllowed)") if {
	some r in result.resources(rego.metadata.chain())
	r.type == "azurerm_function_app"
	r.origin == "declared"
	some path in default_ftps_paths(r)
}

default_ftps_paths(r) := {"site_config"} if {
	values.unset(r, "site_config")
} else := {sprintf("site_config[%d].ftps_state", [i]) |
	some i, site_config in values.as_array(r.attributes.site_config)
	is_object(site_config)
	not values.is_unknown(site_config)
	object.get(site_config, "ftps_state", null) == null
}
