# METADATA
# title: EBS encryption by default is turned off
# description: |
#   With EBS encryption by default on, EC2 encrypts every new volume and snapshot copy in the region, whatever the
#   launch request says; turned off, any volume created without encrypted = true is stored in the clear. The
#   setting is per account and region. aws_ebs_encryption_by_default's enabled defaults to true; only a declared
#   or recorded false is judged (an account that declares nothing cannot be judged from code).
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default
# custom:
#   id: DW-AWS-EBS-003
#   checkov: [CKV_AWS_106]
#   trivy: []
#   severity: medium
#   category: encryption
#   resource_types: [aws_ebs_encryption_by_default]
#   controls: [CIS-AWS-2.2.1]
#   remediation: |
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
package driftwarden.rules.aws.ebs.encryption_by_default_disabled

import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "enabled", "EBS encryption by default is turned off, so new volumes are encrypted only when they ask to be") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.enabled == false
}
