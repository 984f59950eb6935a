# METADATA
# title: IAM policy allows every action of a service on every resource
# description: |
#   A service-wide wildcard such as "s3:*" or "iam:*" on "Resource": "*" grants every operation of that service,
#   including the ones added later, on every resource in the account. Name the actions and resources the workload
#   needs.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
# custom:
#   id: DW-AWS-IAM-003
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:ListBucket"]
#         resources = ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]
#       }
#     }
package driftwarden.rules.aws.iam.service_wildcard

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

# One finding per statement, naming its service wildcards. A statement that also allows "*" is DW-AWS-IAM-001's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	iam.wildcard_resource(entry.statement)
	actions := iam.actions(entry.statement)
	not "*" in actions
	wildcards := sort({a | some a in actions; regex.match(`^[a-z0-9-]+:\*$`, a)})
	count(wildcards) > 0
	message := sprintf("allows service-wide wildcard actions on every resource: %s", [concat(", ", wildcards)])
}
