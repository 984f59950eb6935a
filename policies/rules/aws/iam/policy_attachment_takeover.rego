# METADATA
# title: IAM policy allows granting policies to every user, role or group
# description: |
#   iam:Attach*Policy and iam:Put*Policy on every user, role or group, and iam:AddUserToGroup on every group,
#   let the holder attach AdministratorAccess to themselves or join the administrators' group. Name the identities
#   it manages, under a path of their own. ("Resource": "*" is DW-AWS-IAM-007's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-attach-detach.html
#   - https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-018
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0349, AVD-AWS-0351]
#   remediation: |
#     data "aws_iam_policy_document" "role_admin" {
#       statement {
#         actions   = ["iam:AttachRolePolicy", "iam:PutRolePolicy"]
#         resources = ["arn:aws:iam::111122223333:role/app/*"]
#       }
#     }
package driftwarden.rules.aws.iam.policy_attachment_takeover

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "iam:AttachUserPolicy", "service": "iam", "kind": "user/"},
	{"action": "iam:PutUserPolicy", "service": "iam", "kind": "user/"},
	{"action": "iam:AttachRolePolicy", "service": "iam", "kind": "role/"},
	{"action": "iam:PutRolePolicy", "service": "iam", "kind": "role/"},
	{"action": "iam:AttachGroupPolicy", "service": "iam", "kind": "group/"},
	{"action": "iam:PutGroupPolicy", "service": "iam", "kind": "group/"},
	{"action": "iam:AddUserToGroup", "service": "iam", "kind": "group/"},
]

# One finding per statement. "*" and "iam:*" are DW-AWS-IAM-024's on these patterns; "Resource": "*" is
# DW-AWS-IAM-007's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "iam:*"})
	granted := access.granted_on_every(entry.statement, targets, false)
	count(granted) > 0
	message := sprintf("allows %s on every user, role or group they apply to: the holder can grant themselves any permission", [concat(", ", granted)])
}
