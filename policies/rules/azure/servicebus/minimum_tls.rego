# METADATA
# title: Service Bus namespace accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are retired across Azure. A Service Bus namespace whose minimum TLS
#   version is below 1.2 lets clients negotiate them. The provider default is 1.2, so only an explicit older version
#   is a violation.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/service-bus-messaging/transport-layer-security-enforce-minimum-version
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#minimum_tls_version
# custom:
#   id: DW-AZ-SERVICEBUS-001
#   severity: high
#   category: encryption
#   resource_types: [azurerm_servicebus_namespace]
#   controls: []
#   checkov: [CKV_AZURE_205]
#   trivy: []
#   remediation: |
#     resource "azurerm_servicebus_namespace" "app" {
#       # ...
#       minimum_tls_version = "1.2"
#     }
package driftwarden.rules.azure.servicebus.minimum_tls

import data.driftwarden.lib.result
import rego.v1

weak_versions := {"1.0", "1.1"}

# HCL lets a version be written as a number (minimum_tls_version = 1.0); Terraform stores it as a string.
weak(version) if version in weak_versions

weak(version) if version in {1, 1.1}

label(version) := version if is_string(version)

label(1) := "1.0"

label(1.1) := "1.1"

# The provider default is 1.2, so only an explicit older version is a violation.
deny contains result.finding(rego.metadata.chain(), r, "minimum_tls_version", sprintf("Service Bus namespace accepts TLS %s, older than 1.2", [label(version)])) if {
	some r in result.resources(rego.metadata.chain())
	version := r.attributes.minimum_tls_version
	weak(version)
}
