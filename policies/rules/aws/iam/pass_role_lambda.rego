# METADATA
# title: IAM policy allows passing any role to a new Lambda function and running it
# description: |
#   iam:PassRole on every role together with lambda:CreateFunction and lambda:InvokeFunction (or
#   lambda:CreateEventSourceMapping, which runs the function from a stream or queue) lets the holder create a function
#   with the most privileged role in the account and run code as that role. Name the roles it may pass, or restrict
#   iam:PassedToService to the services it really hands roles to.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/lambda-permissions.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-011
#   severity: critical
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0348]
#   remediation: |
#     data "aws_iam_policy_document" "deploy" {
#       statement {
#         actions   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
#         resources = ["arn:aws:lambda:eu-west-1:111122223333:function:app-*"]
#       }
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = ["arn:aws:iam::111122223333:role/app-lambda"]
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["lambda.amazonaws.com"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.pass_role_lambda

import data.driftwarden.lib.access
import data.driftwarden.lib.result
import rego.v1

groups := [["lambda:CreateFunction"], ["lambda:InvokeFunction", "lambda:CreateEventSourceMapping"]]

services := {"lambda.amazonaws.com"}

# One finding per statement that passes every role, when the resource's statements also allow the rest of the path.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	access.grants_each(r, groups)
	some entry in access.pass_role_entries(r, services)
	message := sprintf("allows iam:PassRole on every role with %s: the holder can run a new Lambda function as any role", [concat(", ", access.granted_of(r, groups))])
}
