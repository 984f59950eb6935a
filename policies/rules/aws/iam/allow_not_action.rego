# METADATA
# title: IAM policy allows with NotAction
# description: |
#   An Allow statement with NotAction grants every action except the ones listed, including every action AWS adds
#   later. List the allowed actions with Action instead.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: DW-AWS-IAM-004
#   severity: medium
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject"]          # not not_actions
#         resources = ["arn:aws:s3:::my-bucket/*"]
#       }
#     }
package driftwarden.rules.aws.iam.allow_not_action

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, entry.path, "allows every action except those in NotAction") if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	some action in iam.field(entry.statement, "NotAction")
	is_string(action)
}
