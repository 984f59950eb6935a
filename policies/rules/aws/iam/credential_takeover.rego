# METADATA
# title: IAM policy allows creating keys or passwords for every IAM user
# description: |
#   iam:CreateAccessKey, iam:CreateLoginProfile and iam:UpdateLoginProfile on every user (a pattern such as
#   "arn:aws:iam::111122223333:user/*") let the holder mint an access key or set a console password for any user,
#   an administrator included, and sign in as them. Scope them to the caller's own user with
#   "arn:aws:iam::111122223333:user/${aws:username}". ("Resource": "*" is DW-AWS-IAM-007's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-016
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_287, CKV_AWS_107, CKV_AWS_286, CKV_AWS_110]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "self_service" {
#       statement {
#         actions   = ["iam:CreateAccessKey", "iam:UpdateLoginProfile"]
#         resources = ["arn:aws:iam::111122223333:user/$${aws:username}"]
#       }
#     }
package driftwarden.rules.aws.iam.credential_takeover

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "iam:CreateAccessKey", "service": "iam", "kind": "user/"},
	{"action": "iam:CreateLoginProfile", "service": "iam", "kind": "user/"},
	{"action": "iam:UpdateLoginProfile", "service": "iam", "kind": "user/"},
]

# One finding per statement. "*" and "iam:*" are DW-AWS-IAM-024's on these patterns; "Resource": "*" is
# DW-AWS-IAM-007's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "iam:*"})
	granted := access.granted_on_every(entry.statement, targets, false)
	count(granted) > 0
	message := sprintf("allows %s on every IAM user: the holder can sign in as any user", [concat(", ", granted)])
}
