# METADATA
# title: IAM policy allows every S3 action on every bucket
# description: |
#   "s3:*" on every bucket or every object ("arn:aws:s3:::*", "arn:aws:s3:::*/*") lets the holder read, change
#   and delete all data in the account's buckets, and rewrite their policies and settings. Name the actions and
#   buckets the workload needs. ("Resource": "*" is DW-AWS-IAM-003's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
# custom:
#   id: DW-AWS-IAM-021
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: []
#   trivy: [AVD-AWS-0345]
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["arn:aws:s3:::app-data/*"]
#       }
#     }
package driftwarden.rules.aws.iam.s3_full_access

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

wildcards := {"*", "s3:*"}

kinds := [{"service": "s3", "kind": ""}, {"service": "s3", "kind": "dwprobe-bucket/"}]

# One finding per statement, naming the patterns that reach every resource.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	access.allows_all_of(entry.statement, wildcards)
	patterns := sort({p | some k in kinds; some p in access.every_resource_patterns(entry.statement, k.service, k.kind)})
	count(patterns) > 0
	message := sprintf("allows %s on every S3 bucket (%s)", [concat(", ", [a | some a in iam.actions(entry.statement); a in wildcards]), concat(", ", patterns)])
}
