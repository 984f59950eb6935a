# METADATA
# title: AKS cluster keeps its local admin account
# description: |
#   While local accounts are enabled, the cluster-admin kubeconfig (listClusterAdminCredential) grants full,
#   unaudited access to the cluster that bypasses Microsoft Entra ID and cannot be revoked per user. Disable local
#   accounts and use Entra ID integration. Local accounts are enabled by default (the provider default is false).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#local_account_disabled
# custom:
#   id: DW-AZ-AKS-002
#   severity: medium
#   category: iam
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: []
#   checkov: [CKV_AZURE_141]
#   trivy: []
#   remediation: |
#     resource "azurerm_kubernetes_cluster" "app" {
#       # ...
#       local_account_disabled = true
#       azure_active_directory_role_based_access_control {
#         azure_rbac_enabled = true
#       }
#     }
package driftwarden.rules.azure.aks.local_accounts

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# Local accounts are on by default, so a declared cluster that leaves this out is a violation too.
deny contains result.finding(rego.metadata.chain(), r, "local_account_disabled", "AKS cluster keeps its local admin account: local accounts are not disabled") if {
	some r in result.resources(rego.metadata.chain())
	values.is_false(r, "local_account_disabled")
}
