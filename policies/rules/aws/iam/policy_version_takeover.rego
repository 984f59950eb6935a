# METADATA
# title: IAM policy allows rewriting every managed policy
# description: |
#   iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion on every customer managed policy (a pattern such as
#   "arn:aws:iam::111122223333:policy/*") let the holder give any policy, their own included, a version that allows
#   everything. Name the policies it manages. ("Resource": "*" is DW-AWS-IAM-007's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-017
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0347]
#   remediation: |
#     data "aws_iam_policy_document" "policy_admin" {
#       statement {
#         actions   = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"]
#         resources = ["arn:aws:iam::111122223333:policy/app/*"]
#       }
#     }
package driftwarden.rules.aws.iam.policy_version_takeover

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "iam:CreatePolicyVersion", "service": "iam", "kind": "policy/"},
	{"action": "iam:SetDefaultPolicyVersion", "service": "iam", "kind": "policy/"},
]

# One finding per statement. "*" and "iam:*" are DW-AWS-IAM-024's on these patterns; "Resource": "*" is
# DW-AWS-IAM-007's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "iam:*"})
	granted := access.granted_on_every(entry.statement, targets, false)
	count(granted) > 0
	message := sprintf("allows %s on every managed policy: the holder can rewrite their own permissions", [concat(", ", granted)])
}
