# METADATA
# title: Front Door custom domain accepts TLS older than 1.2
# description: |
#   A Front Door (Standard/Premium) custom domain whose minimum TLS version is TLS10 lets clients negotiate TLS 1.0
#   and 1.1, which have known weaknesses; Azure retired them for Front Door on 1 March 2025. azurerm's
#   tls.minimum_tls_version takes TLS10 or TLS12 and defaults to TLS12, so only a domain that sets TLS10 (in
#   Terraform or as the ARM customDomains child's tlsSettings.minimumTlsVersion) is a violation; one that leaves it
#   out is clean, and an unknown value is never judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_frontdoor_custom_domain#minimum_tls_version
#   - https://learn.microsoft.com/en-us/azure/templates/microsoft.cdn/profiles/customdomains
#   - https://azure.microsoft.com/updates/v2/update-retirement-tls1-0-tls1-1-versions-azure-services/
# custom:
#   id: DW-AZ-FRONTDOOR-001
#   severity: medium
#   category: encryption
#   resource_types: [azurerm_cdn_frontdoor_custom_domain]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "azurerm_cdn_frontdoor_custom_domain" "www" {
#       # ...
#       tls {
#         certificate_type    = "ManagedCertificate"
#         minimum_tls_version = "TLS12"
#       }
#     }
package driftwarden.rules.azure.frontdoor.custom_domain_tls

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# AfdMinimumTlsVersion: TLS10 or TLS12 (later api-versions add none older). ARM compares enum values in any case.
weak_versions := {"tls10": "1.0"}

# tls is a one-element list of blocks, as Terraform stores it.
deny contains result.finding(rego.metadata.chain(), r, sprintf("tls[%d].minimum_tls_version", [i]), sprintf("Front Door custom domain accepts TLS %s, older than 1.2 (minimum_tls_version %s)", [weak_versions[lower(version)], version])) if {
	some r in result.resources(rego.metadata.chain())
	some i, tls in values.as_array(r.attributes.tls)
	version := tls.minimum_tls_version
	is_string(version)
	weak_versions[lower(version)]
}
