# METADATA
# title: IAM policy allows passing any role to a new EC2 instance
# description: |
#   iam:PassRole on every role together with ec2:RunInstances lets the holder start an instance with any
#   role's instance profile and read that role's credentials from the instance metadata service. Name the roles it
#   may pass, or restrict iam:PassedToService.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-012
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0350]
#   remediation: |
#     data "aws_iam_policy_document" "launcher" {
#       statement {
#         actions   = ["ec2:RunInstances"]
#         resources = ["*"]
#       }
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = ["arn:aws:iam::111122223333:role/app-instance"]
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["ec2.amazonaws.com"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.pass_role_ec2

import data.driftwarden.lib.access
import data.driftwarden.lib.result
import rego.v1

groups := [["ec2:RunInstances"]]

services := {"ec2.amazonaws.com"}

# One finding per statement that passes every role, when the resource's statements also allow the rest of the path.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	access.grants_each(r, groups)
	some entry in access.pass_role_entries(r, services)
	message := sprintf("allows iam:PassRole on every role with %s: the holder can run a new EC2 instance as any role", [concat(", ", access.granted_of(r, groups))])
}
