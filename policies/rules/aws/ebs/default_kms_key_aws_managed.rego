# METADATA
# title: Default EBS encryption key is the AWS-managed key
# description: |
#   aws_ebs_default_kms_key sets the key EC2 encrypts new volumes with when they name none. Setting it to the
#   AWS-managed key (alias/aws/ebs) keeps the default EBS has without it: a key whose policy is not yours, so
#   snapshots cannot be shared with another account. Point the default at a customer-managed key. A key ARN
#   (key/...) is taken as customer-managed: an ARN does not say which kind of key it names.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_default_kms_key
# custom:
#   id: DW-AWS-EBS-004
#   checkov: []
#   trivy: []
#   severity: low
#   category: encryption
#   resource_types: [aws_ebs_default_kms_key]
#   controls: []
#   remediation: |
#     resource "aws_ebs_default_kms_key" "this" {
#       key_arn = aws_kms_key.ebs.arn
#     }
package driftwarden.rules.aws.ebs.default_kms_key_aws_managed

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "key_arn", sprintf("the default EBS key is %s, not a customer-managed KMS key", [kms.described_key(key, "ebs")])) if {
	some r in result.resources(rego.metadata.chain())
	key := r.attributes.key_arn
	not values.is_empty(key)
	kms.aws_managed_key(key, "ebs")
}
