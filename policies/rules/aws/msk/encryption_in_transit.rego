# METADATA
# title: MSK cluster accepts plaintext client connections or does not encrypt traffic between brokers
# description: |
#   With client_broker PLAINTEXT or TLS_PLAINTEXT, clients may send and read records unencrypted; with in_cluster
#   false, brokers replicate data to each other in plain text. MSK's defaults, when encryption_in_transit is left
#   out, are TLS and true.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_in_transit
# custom:
#   id: DW-AWS-MSK-002
#   checkov: [CKV_AWS_81]
#   trivy: [AVD-AWS-0073]
#   severity: high
#   category: encryption
#   resource_types: [aws_msk_cluster]
#   controls: []
#   remediation: |
#     resource "aws_msk_cluster" "events" {
#       # ...
#       encryption_info {
#         encryption_in_transit {
#           client_broker = "TLS"
#           in_cluster    = true
#         }
#       }
#     }
package driftwarden.rules.aws.msk.encryption_in_transit

import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.client_broker", [path]), sprintf("cluster accepts plaintext client connections (client_broker %s)", [transit.client_broker])) if {
	some r in result.resources(rego.metadata.chain())
	some path, transit in in_transit(r)
	transit.client_broker in {"PLAINTEXT", "TLS_PLAINTEXT"}
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.in_cluster", [path]), "traffic between the cluster's brokers is not encrypted (in_cluster is false)") if {
	some r in result.resources(rego.metadata.chain())
	some path, transit in in_transit(r)
	transit.in_cluster == false
}

# encryption_info and its encryption_in_transit are one-block lists in state.
in_transit(r) := {sprintf("encryption_info[%d].encryption_in_transit[%d]", [i, j]): transit |
	some i, info in r.attributes.encryption_info
	some j, transit in info.encryption_in_transit
} if is_array(r.attributes.encryption_info)
