# METADATA
# title: IAM policy allows replacing the code of every Lambda function or Glue endpoint
# description: |
#   lambda:UpdateFunctionCode on every function, and glue:UpdateDevEndpoint on every development endpoint, let
#   the holder run their own code with the function's or endpoint's role, whatever that role may do. Name the
#   functions and endpoints it deploys. ("Resource": "*" is DW-AWS-IAM-007's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html
#   - https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateDevEndpoint.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-020
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "deploy" {
#       statement {
#         actions   = ["lambda:UpdateFunctionCode"]
#         resources = ["arn:aws:lambda:eu-west-1:111122223333:function:app-*"]
#       }
#     }
package driftwarden.rules.aws.iam.code_takeover

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "lambda:UpdateFunctionCode", "service": "lambda", "kind": "function:"},
	{"action": "glue:UpdateDevEndpoint", "service": "glue", "kind": "devEndpoint/"},
]

# One finding per statement; "Resource": "*" is DW-AWS-IAM-007's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	granted := access.granted_on_every(entry.statement, targets, false)
	count(granted) > 0
	message := sprintf("allows %s on every function or development endpoint they apply to: the holder can run code as their roles", [concat(", ", granted)])
}
