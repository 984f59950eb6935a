# METADATA
# title: DynamoDB table is not encrypted with a customer-managed KMS key
# description: |
#   DynamoDB encrypts every table. Without a server_side_encryption block (or with enabled = false) it uses a key
#   DynamoDB owns; with enabled = true and no kms_key_arn (or the alias alias/aws/dynamodb) the AWS-managed key
#   aws/dynamodb. You control neither key's policy, rotation or audit trail. Use a customer-managed KMS key for
#   tables holding sensitive data. Terraform state records the key an enabled table got as an ARN, which is taken as
#   customer-managed: an ARN does not say which kind of key it names.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#server_side_encryption
# custom:
#   id: DW-AWS-DYNAMODB-001
#   checkov: [CKV_AWS_119]
#   trivy: [AVD-AWS-0025]
#   severity: low
#   category: encryption
#   resource_types: [aws_dynamodb_table]
#   controls: []
#   remediation: |
#     resource "aws_dynamodb_table" "orders" {
#       name         = "orders"
#       billing_mode = "PAY_PER_REQUEST"
#       hash_key     = "id"
#       attribute {
#         name = "id"
#         type = "S"
#       }
#       server_side_encryption {
#         enabled     = true
#         kms_key_arn = aws_kms_key.dynamodb.arn
#       }
#     }
package driftwarden.rules.aws.dynamodb.table_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption", message(owned)) if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "server_side_encryption")
}

# server_side_encryption is a one-block list, [{enabled, kms_key_arn}]; an empty kms_key_arn has been dropped.
deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption", message(block_key(block))) if {
	some r in result.resources(rego.metadata.chain())
	some block in values.as_array(r.attributes.server_side_encryption)
}

message(key) := sprintf("table is encrypted with %s, not a customer-managed KMS key", [key])

owned := "the AWS-owned key DynamoDB uses by default"

block_key(block) := owned if block.enabled == false

block_key(block) := kms.described_key(key, "dynamodb") if {
	block.enabled == true
	key := object.get(block, "kms_key_arn", null)
	kms.aws_managed_key(key, "dynamodb")
}
