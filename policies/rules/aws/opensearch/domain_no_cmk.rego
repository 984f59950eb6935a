# METADATA
# title: OpenSearch domain is not encrypted at rest with a customer-managed KMS key
# description: |
#   An OpenSearch or Elasticsearch domain without encrypt_at_rest (disabled by default) stores its indices, logs,
#   swap files and automated snapshots unencrypted; one encrypted without kms_key_id uses the AWS-managed aws/es
#   key, whose key policy and audit trail are not yours. Encryption at rest can be turned on later but never off;
#   set it with a customer-managed key. A state or live read names the aws/es key by its key ARN, which does not
#   say who manages it, so those reads are judged only on whether the domain is encrypted.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#encrypt_at_rest
#   - https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_opensearchservice.EncryptionAtRestOptions.html
# custom:
#   id: DW-AWS-OPENSEARCH-001
#   checkov: [CKV_AWS_5, CKV_AWS_247]
#   trivy: [AVD-AWS-0048]
#   severity: high
#   category: encryption
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: []
#   remediation: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "orders-search"
#       engine_version = "OpenSearch_2.11"
#       encrypt_at_rest {
#         enabled    = true
#         kms_key_id = aws_kms_key.search.arn
#       }
#     }
package driftwarden.rules.aws.opensearch.domain_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encrypt_at_rest", "domain is not encrypted at rest (no encrypt_at_rest, disabled by default)") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "encrypt_at_rest")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encrypt_at_rest[%d].enabled", [i]), "domain is not encrypted at rest") if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encrypt_at_rest)
	block.enabled == false
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encrypt_at_rest[%d].kms_key_id", [i]), "domain is encrypted at rest with the AWS-managed aws/es key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encrypt_at_rest)
	block.enabled == true
	aws_managed_or_none(block)
}

aws_managed_or_none(block) if values.is_empty(object.get(block, "kms_key_id", null))

aws_managed_or_none(block) if kms_keys.aws_managed(block.kms_key_id)
