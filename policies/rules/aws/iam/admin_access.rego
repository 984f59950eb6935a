# METADATA
# title: IAM policy grants full administrative access
# description: |
#   A statement that allows every action ("Action": "*") on every resource ("Resource": "*") makes its holder an
#   administrator of the account. Grant the actions and resources the workload needs instead.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: DW-AWS-IAM-001
#   checkov: [CKV_AWS_62, CKV_AWS_1]
#   trivy: [AVD-AWS-0057]
#   severity: critical
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: [CIS-AWS-1.16]
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["arn:aws:s3:::my-bucket/*"]
#       }
#     }
package driftwarden.rules.aws.iam.admin_access

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, entry.path, "allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\")") if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	"*" in iam.actions(entry.statement)
	iam.wildcard_resource(entry.statement)
}
