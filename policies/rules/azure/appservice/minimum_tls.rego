# METADATA
# title: App Service app accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired across Azure. An app whose minimum TLS version is below
#   1.2 lets clients negotiate them. Set the minimum to 1.2.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-tls-versions
# custom:
#   id: DW-AZ-APPSERVICE-002
#   checkov: [CKV_AZURE_15]
#   trivy: [AVD-AZU-0006]
#   severity: high
#   category: encryption
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   controls: [CIS-AZURE-9.3]
#   remediation: |
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       site_config {
#         minimum_tls_version = "1.2"
#       }
#     }
package driftwarden.rules.azure.appservice.minimum_tls

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

weak_versions := {"1.0", "1.1"}

# site_config is a one-element list of blocks, as Terraform stores it.
deny contains result.finding(rego.metadata.chain(), r, sprintf("site_config[%d].minimum_tls_version", [i]), sprintf("app accepts TLS %s, older than 1.2", [version])) if {
	some r in result.resources(rego.metadata.chain())
	some i, site_config in values.as_array(r.attributes.site_config)
	version := site_config.minimum_tls_version
	version in weak_versions
}
