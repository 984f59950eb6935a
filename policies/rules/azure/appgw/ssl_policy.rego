# METADATA
# title: Application Gateway TLS policy allows TLS versions older than 1.2
# description: |
#   The predefined policies AppGwSslPolicy20150501 and AppGwSslPolicy20170401 accept TLS 1.0 and 1.1, and a custom
#   policy can set its minimum protocol to TLSv1_0 or TLSv1_1; clients can then negotiate protocols with known
#   weaknesses. Use AppGwSslPolicy20220101S (or a Custom/CustomV2 policy with TLSv1_2 or later). A gateway with no
#   ssl_policy gets the platform's default policy, which depends on the API version that created it (the 2015
#   policy before 2023-02-01, the 2022 policy since); it is not judged, since the model does not carry that version.
#   The per-listener policies of ssl_profile blocks are not read yet (the catalogue does not map ssl_profile).
# scope: package
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-ssl-policy-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway#ssl_policy
# custom:
#   id: DW-AZ-APPGW-001
#   severity: high
#   category: encryption
#   resource_types: [azurerm_application_gateway]
#   controls: []
#   checkov: [CKV_AZURE_218]
#   trivy: []
#   remediation: |
#     resource "azurerm_application_gateway" "app" {
#       # ...
#       ssl_policy {
#         policy_type = "Predefined"
#         policy_name = "AppGwSslPolicy20220101S"
#       }
#     }
package driftwarden.rules.azure.appgw.ssl_policy

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The predefined policies whose minimum protocol is below TLS 1.2, with that minimum.
weak_predefined := {
	"AppGwSslPolicy20150501": "TLSv1_0",
	"AppGwSslPolicy20170401": "TLSv1_1",
}

weak_protocols := {"TLSv1_0", "TLSv1_1"}

deny contains result.finding(rego.metadata.chain(), r, sprintf("ssl_policy[%d].policy_name", [i]), sprintf("gateway uses the predefined TLS policy %s, which accepts %s", [name, weak_predefined[name]])) if {
	some r in result.resources(rego.metadata.chain())
	some i, policy in values.as_array(r.attributes.ssl_policy)
	predefined(policy)
	name := policy.policy_name
	weak_predefined[name]
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("ssl_policy[%d].min_protocol_version", [i]), sprintf("gateway's custom TLS policy accepts %s, older than TLSv1_2", [version])) if {
	some r in result.resources(rego.metadata.chain())
	some i, policy in values.as_array(r.attributes.ssl_policy)
	custom(policy)
	version := policy.min_protocol_version
	version in weak_protocols
}

# Custom and CustomV2 policies name their protocols; a policy name is read only for a predefined policy (a policy
# with a name and no type is one).
custom(policy) if policy.policy_type in {"Custom", "CustomV2"}

predefined(policy) if object.get(policy, "policy_type", null) in {"Predefined", null}
