# METADATA
# title: Redshift cluster is not encrypted with a customer-managed KMS key
# description: |
#   A Redshift cluster with encrypted = false stores its data blocks, metadata and snapshots unencrypted. One
#   without kms_key_id is either unencrypted (what clusters created before 2025 and the aws provider before 6.0
#   default to) or encrypted with an AWS-owned or the AWS-managed aws/redshift key, whose key policy and audit
#   trail are not yours. Encrypt clusters with a customer-managed KMS key.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#encrypted
# custom:
#   id: DW-AWS-REDSHIFT-001
#   checkov: [CKV_AWS_64, CKV_AWS_142]
#   trivy: [AVD-AWS-0084]
#   severity: high
#   category: encryption
#   resource_types: [aws_redshift_cluster]
#   controls: []
#   remediation: |
#     resource "aws_redshift_cluster" "warehouse" {
#       cluster_identifier = "orders-warehouse"
#       node_type          = "ra3.xlplus"
#       encrypted          = true
#       kms_key_id         = aws_kms_key.redshift.arn
#     }
package driftwarden.rules.aws.redshift.cluster_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "encrypted", "cluster is not encrypted at rest") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.encrypted == false
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "cluster is not encrypted with a customer-managed KMS key (no kms_key_id)") if {
	some r in result.resources(rego.metadata.chain())
	encrypted_or_default(r)
	values.unset(r, "kms_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", sprintf("cluster is encrypted with the AWS-managed key %s, not a customer-managed key", [r.attributes.kms_key_id])) if {
	some r in result.resources(rego.metadata.chain())
	encrypted_or_default(r)
	kms_keys.aws_managed(r.attributes.kms_key_id)
}

encrypted_or_default(r) if r.attributes.encrypted == true

encrypted_or_default(r) if values.unset(r, "encrypted")
