# METADATA
# title: IAM policy allows with NotResource
# description: |
#   An Allow statement with NotResource grants its actions on every resource except the ones listed, including
#   every resource created later. List the allowed resources with Resource instead.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
# custom:
#   id: DW-AWS-IAM-005
#   severity: medium
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["arn:aws:s3:::my-bucket/*"]   # not not_resources
#       }
#     }
package driftwarden.rules.aws.iam.allow_not_resource

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, entry.path, "allows its actions on every resource except those in NotResource") if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	some resource in iam.field(entry.statement, "NotResource")
	is_string(resource)
}
