# METADATA
# title: IAM policy allows every action on a specific resource
# description: |
#   A statement that allows every action ("Action": "*") on a named resource grants all present and future
#   operations on it, including deleting it and changing who else may use it. List the actions the workload needs.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: DW-AWS-IAM-002
#   checkov: [CKV_AWS_63, CKV_AWS_49]
#   trivy: []
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["arn:aws:s3:::my-bucket/*"]
#       }
#     }
package driftwarden.rules.aws.iam.wildcard_action

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

# "*" on "*" is DW-AWS-IAM-001. Every Resource element must be known, or an unknown one could be "*".
deny contains result.finding(rego.metadata.chain(), r, entry.path, "allows every action (\"Action\": \"*\") on a specific resource") if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	"*" in iam.actions(entry.statement)
	known_specific_resources(entry.statement)
}

known_specific_resources(statement) if {
	resources := iam.field(statement, "Resource")
	count(resources) > 0
	every resource in resources {
		is_string(resource)
		resource != "*"
	}
}
