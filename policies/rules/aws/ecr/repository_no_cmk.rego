# METADATA
# title: ECR repository is not encrypted with a customer-managed KMS key
# description: |
#   ECR encrypts images with AES-256 keys that Amazon S3 manages (encryption_type AES256, the default), or with KMS:
#   a KMS repository without kms_key uses the AWS-managed aws/ecr key. With either, the key policy, rotation and
#   audit trail of the images' key are not yours. Use KMS with a customer-managed key; it can only be set when the
#   repository is created.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository
# custom:
#   id: DW-AWS-ECR-001
#   checkov: [CKV_AWS_136]
#   trivy: [AVD-AWS-0033]
#   severity: low
#   category: encryption
#   resource_types: [aws_ecr_repository]
#   controls: []
#   remediation: |
#     resource "aws_ecr_repository" "api" {
#       name = "orders/api"
#       encryption_configuration {
#         encryption_type = "KMS"
#         kms_key         = aws_kms_key.ecr.arn
#       }
#     }
package driftwarden.rules.aws.ecr.repository_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

kms_types := {"KMS", "KMS_DSSE"}

deny contains result.finding(rego.metadata.chain(), r, "encryption_configuration", "repository is encrypted with AES256 keys that AWS manages (the default), not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "encryption_configuration")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encryption_configuration[%d].encryption_type", [i]), "repository is encrypted with AES256 keys that AWS manages, not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encryption_configuration)
	block.encryption_type == "AES256"
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encryption_configuration[%d].kms_key", [i]), "repository is encrypted with the AWS-managed aws/ecr key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encryption_configuration)
	block.encryption_type in kms_types
	values.is_empty(object.get(block, "kms_key", null))
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("encryption_configuration[%d].kms_key", [i]), sprintf("repository is encrypted with the AWS-managed key %s, not a customer-managed key", [block.kms_key])) if {
	some r in result.resources(rego.metadata.chain())
	some i, block in values.as_array(r.attributes.encryption_configuration)
	block.encryption_type in kms_types
	kms_keys.aws_managed(block.kms_key)
}
