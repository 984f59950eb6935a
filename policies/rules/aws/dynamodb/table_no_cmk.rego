# METADATA
# title: DynamoDB table is not encrypted with a customer-managed KMS key
# description: |
#   Without a customer-managed key a table is encrypted with an AWS-owned or AWS-managed key, whose key policy,
#   rotation and audit trail you do not control. Use a customer-managed KMS key for tables holding sensitive data.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
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

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption", "table is not encrypted with a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	no_customer_managed_key(r)
}

no_customer_managed_key(r) if values.unset(r, "server_side_encryption")

# server_side_encryption is a one-block list, [{enabled, kms_key_arn}]; an empty kms_key_arn has been dropped.
no_customer_managed_key(r) if {
	some block in values.as_array(r.attributes.server_side_encryption)
	block.enabled == false
}

no_customer_managed_key(r) if {
	some block in values.as_array(r.attributes.server_side_encryption)
	block.enabled == true
	values.is_empty(object.get(block, "kms_key_arn", null))
}
