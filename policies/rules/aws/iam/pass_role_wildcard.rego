# METADATA
# title: IAM policy allows passing any role
# description: |
#   iam:PassRole on "Resource": "*" lets the holder hand any role in the account, however privileged, to a service
#   such as EC2, Lambda or CloudFormation, and so act with that role's permissions. Name the roles it may pass.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: DW-AWS-IAM-006
#   checkov: []
#   trivy: [AVD-AWS-0342]
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "deploy" {
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = ["arn:aws:iam::111122223333:role/app-task"]
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["ecs-tasks.amazonaws.com"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.pass_role_wildcard

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

# "Action": "*" on "*" is DW-AWS-IAM-001's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, "allows iam:PassRole on every role (\"Resource\": \"*\")") if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	iam.wildcard_resource(entry.statement)
	not "*" in iam.actions(entry.statement)
	iam.grants(entry.statement, "iam:PassRole")
}
