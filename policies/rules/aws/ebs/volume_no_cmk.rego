# METADATA
# title: EBS volume is not encrypted with a customer-managed KMS key
# description: |
#   An encrypted volume without kms_key_id uses the account's default EBS key, which is the AWS-managed key
#   aws/ebs unless the account's default was changed (aws_ebs_default_kms_key); its key policy is not yours, so the
#   volume's snapshots cannot be shared with another account. Give the volume a customer-managed key. Terraform
#   state and AWS Config record the key the volume got, as an ARN, which is taken as customer-managed: an ARN does
#   not say which kind of key it names. An unencrypted volume is DW-AWS-EBS-001's.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://docs.aws.amazon.com/ebs/latest/userguide/work-with-ebs-encr.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume
# custom:
#   id: DW-AWS-EBS-002
#   checkov: [CKV_AWS_189]
#   trivy: [AVD-AWS-0027]
#   severity: low
#   category: encryption
#   resource_types: [aws_ebs_volume]
#   controls: []
#   remediation: |
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
package driftwarden.rules.aws.ebs.volume_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", "volume has no KMS key id, so it is encrypted with the account's default EBS key (alias/aws/ebs unless changed), not a customer-managed KMS key") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.encrypted == true
	values.unset(r, "kms_key_id")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_id", sprintf("volume is encrypted with %s, not a customer-managed KMS key", [kms.described_key(key, "ebs")])) if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.encrypted == true
	key := r.attributes.kms_key_id
	not values.is_empty(key)
	kms.aws_managed_key(key, "ebs")
}
