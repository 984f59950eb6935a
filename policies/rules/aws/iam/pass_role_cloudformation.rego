# METADATA
# title: IAM policy allows passing any role to a new CloudFormation stack
# description: |
#   iam:PassRole on every role together with cloudformation:CreateStack lets the holder create a stack that
#   runs as any role, and so create any resource that role may, such as an administrator user. Name the roles it
#   may pass, or restrict iam:PassedToService.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-014
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "deployer" {
#       statement {
#         actions   = ["cloudformation:CreateStack"]
#         resources = ["arn:aws:cloudformation:eu-west-1:111122223333:stack/app-*/*"]
#       }
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = ["arn:aws:iam::111122223333:role/app-stack"]
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["cloudformation.amazonaws.com"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.pass_role_cloudformation

import data.driftwarden.lib.access
import data.driftwarden.lib.result
import rego.v1

groups := [["cloudformation:CreateStack"]]

services := {"cloudformation.amazonaws.com"}

# One finding per statement that passes every role, when the resource's statements also allow the rest of the path.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	access.grants_each(r, groups)
	some entry in access.pass_role_entries(r, services)
	message := sprintf("allows iam:PassRole on every role with %s: the holder can run a new CloudFormation stack as any role", [concat(", ", access.granted_of(r, groups))])
}
