# METADATA
# title: App Service or Function app setting holds a plaintext secret
# description: |
#   App settings are shown to everyone with read access to the app's configuration (Microsoft.Web/sites/config/
#   list/action, the portal), and sit in Terraform state, plans and the code. A setting that holds an access key, a
#   private key, a token, a connection string with a password or account key, or a password-like literal under a
#   name such as DB_PASSWORD is a plaintext secret. A Key Vault reference (@Microsoft.KeyVault(SecretUri=...)) is
#   the way to pass one, and is clean. The message names the setting and the kind, never the value.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/app-service-key-vault-references
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-common
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#app_settings
# custom:
#   id: DW-AZ-SECRETS-001
#   severity: high
#   category: secrets
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_linux_web_app" "api" {
#       # ...
#       app_settings = {
#         DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})"
#       }
#     }
package driftwarden.rules.azure.secrets.app_settings

import data.driftwarden.lib.result
import data.driftwarden.lib.secrets
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("app_settings.%s", [name]), message) if {
	some r in result.resources(rego.metadata.chain())
	some name, value in r.attributes.app_settings
	kind := secrets.held(name, value)
	message := sprintf("app setting %s holds %s in plain text", [name, secrets.kinds[kind]])
}
