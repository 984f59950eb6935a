# METADATA
# title: EKS cluster does not encrypt Kubernetes secrets with a KMS key
# description: |
#   Without an encryption_config for "secrets", Kubernetes secrets are stored in etcd with only the EBS volume
#   encryption EKS applies to everything; anyone who can read etcd or its snapshots reads them. Envelope encryption
#   with a customer-managed KMS key (the provider's key_arn) adds a key whose policy and audit trail you control.
#   EKS has no such encryption by default.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config
# custom:
#   id: DW-AWS-EKS-001
#   checkov: [CKV_AWS_58]
#   trivy: [AVD-AWS-0039]
#   severity: high
#   category: encryption
#   resource_types: [aws_eks_cluster]
#   controls: []
#   remediation: |
#     resource "aws_eks_cluster" "main" {
#       name     = "main"
#       role_arn = aws_iam_role.eks.arn
#       vpc_config {
#         subnet_ids = var.subnet_ids
#       }
#       encryption_config {
#         resources = ["secrets"]
#         provider {
#           key_arn = aws_kms_key.eks.arn
#         }
#       }
#     }
package driftwarden.rules.aws.eks.secrets_not_encrypted

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

message := "cluster does not encrypt Kubernetes secrets with a KMS key (no encryption_config for secrets)"

deny contains result.finding(rego.metadata.chain(), r, "encryption_config", message) if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "encryption_config")
}

deny contains result.finding(rego.metadata.chain(), r, "encryption_config", message) if {
	some r in result.resources(rego.metadata.chain())
	blocks := r.attributes.encryption_config
	is_array(blocks)
	count(blocks) > 0
	every block in blocks {
		fully_known(block)
		not encrypts_secrets(block)
	}
}

encrypts_secrets(block) if {
	"secrets" in values.as_array(block.resources)
	some p in values.as_array(block.provider)
	is_string(p.key_arn)
	p.key_arn != ""
}

fully_known(block) if {
	values.known(block)
	values.known(block.resources)
	every entry in values.as_array(block.resources) {
		values.known(entry)
	}
	values.known(object.get(block, "provider", null))
	every p in values.as_array(object.get(block, "provider", [])) {
		values.known(p)
		values.known(object.get(p, "key_arn", null))
	}
}
