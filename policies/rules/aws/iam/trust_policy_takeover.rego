# METADATA
# title: IAM policy allows rewriting the trust policy of every role
# description: |
#   iam:UpdateAssumeRolePolicy on every role (a pattern such as "arn:aws:iam::111122223333:role/*") lets the
#   holder make any role, an administrator's included, trust them, and then assume it. Name the roles it manages.
#   ("Resource": "*" is DW-AWS-IAM-007's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-019
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0352]
#   remediation: |
#     data "aws_iam_policy_document" "role_admin" {
#       statement {
#         actions   = ["iam:UpdateAssumeRolePolicy"]
#         resources = ["arn:aws:iam::111122223333:role/app/*"]
#       }
#     }
package driftwarden.rules.aws.iam.trust_policy_takeover

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "iam:UpdateAssumeRolePolicy", "service": "iam", "kind": "role/"},
]

# One finding per statement. "*" and "iam:*" are DW-AWS-IAM-024's on these patterns; "Resource": "*" is
# DW-AWS-IAM-007's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "iam:*"})
	granted := access.granted_on_every(entry.statement, targets, false)
	count(granted) > 0
	message := sprintf("allows %s on every role: the holder can make any role trust them", [concat(", ", granted)])
}
