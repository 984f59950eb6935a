# METADATA
# title: OpenSearch domain does not encrypt traffic between its nodes
# description: |
#   Without node-to-node encryption, requests and data travel between the domain's nodes in plain text inside the
#   VPC or the service network. A domain created without node_to_node_encryption has it disabled. Elasticsearch
#   versions before 6.0 cannot enable it and are not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#node_to_node_encryption
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticsearch_domain#node_to_node_encryption
# custom:
#   id: DW-AWS-OPENSEARCH-002
#   checkov: [CKV_AWS_6]
#   trivy: [AVD-AWS-0043]
#   severity: high
#   category: encryption
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: []
#   remediation: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "search"
#       engine_version = "OpenSearch_2.13"
#       node_to_node_encryption {
#         enabled = true
#       }
#     }
package driftwarden.rules.aws.opensearch.node_to_node_encryption

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "node_to_node_encryption", "domain does not set node_to_node_encryption, so traffic between its nodes is not encrypted") if {
	some r in result.resources(rego.metadata.chain())
	supports_encryption(r)
	values.unset(r, "node_to_node_encryption")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("node_to_node_encryption[%d].enabled", [i]), "node-to-node encryption is disabled") if {
	some r in result.resources(rego.metadata.chain())
	supports_encryption(r)
	is_array(r.attributes.node_to_node_encryption)
	some i, block in r.attributes.node_to_node_encryption
	block.enabled == false
}

# Node-to-node encryption needs OpenSearch, or Elasticsearch 6.0 or later (engine_version Elasticsearch_X.Y on
# aws_opensearch_domain, elasticsearch_version X.Y on aws_elasticsearch_domain).
supports_encryption(r) if {
	not regex.match(`^Elasticsearch_[1-5]\.`, object.get(r.attributes, "engine_version", ""))
	not regex.match(`^[1-5]\.`, object.get(r.attributes, "elasticsearch_version", ""))
}
