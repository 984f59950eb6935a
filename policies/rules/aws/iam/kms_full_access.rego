# METADATA
# title: IAM policy allows every KMS action on every key
# description: |
#   "kms:*" on every key (a pattern such as "arn:aws:kms:*:111122223333:key/*") lets the holder decrypt with,
#   disable, schedule for deletion and rewrite the policy of every key, and so reach or destroy all data the keys
#   protect. Name the keys and actions the workload needs. ("Resource": "*" is DW-AWS-IAM-003's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html
# custom:
#   id: DW-AWS-IAM-022
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
#         resources = ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
#       }
#     }
package driftwarden.rules.aws.iam.kms_full_access

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

wildcards := {"*", "kms:*"}

kinds := [{"service": "kms", "kind": "key/"}]

# One finding per statement, naming the patterns that reach every resource.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	access.allows_all_of(entry.statement, wildcards)
	patterns := sort({p | some k in kinds; some p in access.every_resource_patterns(entry.statement, k.service, k.kind)})
	count(patterns) > 0
	message := sprintf("allows %s on every KMS key (%s)", [concat(", ", [a | some a in iam.actions(entry.statement); a in wildcards]), concat(", ", patterns)])
}
