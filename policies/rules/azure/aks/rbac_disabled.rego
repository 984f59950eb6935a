# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: |
#   Without Kubernetes role-based access control every authenticated user and service account is unrestricted inside
#   the cluster, and least privilege cannot be applied. RBAC cannot be turned on after creation. The provider
#   default is true, so only an explicit false is a violation.
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/concepts-identity#kubernetes-rbac
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#role_based_access_control_enabled
# custom:
#   id: DW-AZ-AKS-003
#   severity: high
#   category: iam
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: []
#   checkov: [CKV_AZURE_5]
#   trivy: [AVD-AZU-0042]
#   remediation: |
#     resource "azurerm_kubernetes_cluster" "app" {
#       # ...
#       role_based_access_control_enabled = true
#     }
package driftwarden.rules.azure.aks.rbac_disabled

import data.driftwarden.lib.result
import rego.v1

# The provider default is true, so only an explicit false is a violation.
deny contains result.finding(rego.metadata.chain(), r, "role_based_access_control_enabled", "AKS cluster has Kubernetes RBAC disabled") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.role_based_access_control_enabled == false
}
