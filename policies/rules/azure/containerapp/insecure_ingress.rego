# METADATA
# title: Container App ingress accepts plain HTTP
# description: |
#   Container Apps ingress redirects HTTP to HTTPS unless insecure connections are allowed; with
#   allow_insecure_connections on, requests and their credentials reach the app over plain HTTP. Leave it off (the
#   provider and platform default) so that clients are redirected to HTTPS.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/container-apps/ingress-overview#http
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_app#allow_insecure_connections
# custom:
#   id: DW-AZ-CONTAINERAPP-001
#   severity: high
#   category: encryption
#   resource_types: [azurerm_container_app]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_container_app" "app" {
#       # ...
#       ingress {
#         external_enabled           = true
#         target_port                = 8080
#         allow_insecure_connections = false
#         traffic_weight {
#           latest_revision = true
#           percentage      = 100
#         }
#       }
#     }
package driftwarden.rules.azure.containerapp.insecure_ingress

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# ingress is a one-element list of blocks; the default is false, so only an explicit true is a violation.
deny contains result.finding(rego.metadata.chain(), r, sprintf("ingress[%d].allow_insecure_connections", [i]), "container app ingress accepts plain HTTP (allow_insecure_connections)") if {
	some r in result.resources(rego.metadata.chain())
	some i, ingress in values.as_array(r.attributes.ingress)
	ingress.allow_insecure_connections == true
}
