# METADATA
# title: MSK cluster is not encrypted at rest with a customer-managed KMS key
# description: |
#   MSK always encrypts broker storage; without encryption_info.encryption_at_rest_kms_key_arn it uses the account's
#   AWS-managed aws/kafka key, whose key policy and audit trail are not yours. The key can only be chosen when the
#   cluster is created: use a customer-managed KMS key. State and live reads hold the ARN of the key the cluster
#   uses, aws/kafka's included, which does not say who manages it: they are judged only when they name an aws/
#   alias.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_at_rest_kms_key_arn
# custom:
#   id: DW-AWS-MSK-001
#   checkov: []
#   trivy: [AVD-AWS-0179]
#   severity: low
#   category: encryption
#   resource_types: [aws_msk_cluster]
#   controls: []
#   remediation: |
#     resource "aws_msk_cluster" "events" {
#       cluster_name           = "orders-events"
#       kafka_version          = "3.6.0"
#       number_of_broker_nodes = 3
#       broker_node_group_info {
#         instance_type   = "kafka.m7g.large"
#         client_subnets  = var.subnet_ids
#         security_groups = [aws_security_group.kafka.id]
#       }
#       encryption_info {
#         encryption_at_rest_kms_key_arn = aws_kms_key.kafka.arn
#       }
#     }
package driftwarden.rules.aws.msk.cluster_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

message := "cluster is encrypted at rest with the AWS-managed aws/kafka key, not a customer-managed key"

deny contains result.finding(rego.metadata.chain(), r, "encryption_info", message) if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "encryption_info")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encryption_info[%d].encryption_at_rest_kms_key_arn", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encryption_info)
	values.known(block)
	aws_managed_or_none(block)
}

aws_managed_or_none(block) if values.is_empty(object.get(block, "encryption_at_rest_kms_key_arn", null))

aws_managed_or_none(block) if kms_keys.aws_managed(block.encryption_at_rest_kms_key_arn)
