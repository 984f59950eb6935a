# METADATA
# title: App Service app accepts plain HTTP requests
# description: |
#   Unless HTTPS only is on, a web or function app serves requests over plain HTTP, so traffic and credentials
#   can be read or changed in transit. Turn on HTTPS only to redirect HTTP requests to HTTPS.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
# custom:
#   id: DW-AZ-APPSERVICE-001
#   checkov: [CKV_AZURE_14]
#   trivy: [AVD-AZU-0072]
#   severity: high
#   category: encryption
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   controls: [CIS-AZURE-9.2]
#   remediation: |
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       https_only = true
#     }
package driftwarden.rules.azure.appservice.https_only

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The provider default is false, so a declared app that leaves it out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "https_only", "app accepts plain http requests") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "https_only")
}
