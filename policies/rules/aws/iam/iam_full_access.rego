# METADATA
# title: IAM policy allows every IAM action on every user, role, group or policy
# description: |
#   "iam:*" (or "*") on every user, role, group or managed policy (a pattern such as "arn:aws:iam::111122223333:*"
#   or "arn:aws:iam::*:role/*") lets the holder grant themselves any permission through those identities. Name
#   the IAM actions and identities it manages. ("Resource": "*" is DW-AWS-IAM-001's and DW-AWS-IAM-003's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
# custom:
#   id: DW-AWS-IAM-024
#   severity: critical
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "role_admin" {
#       statement {
#         actions   = ["iam:GetRole", "iam:TagRole"]
#         resources = ["arn:aws:iam::111122223333:role/app/*"]
#       }
#     }
package driftwarden.rules.aws.iam.iam_full_access

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

wildcards := {"*", "iam:*"}

kinds := [{"service": "iam", "kind": "user/"}, {"service": "iam", "kind": "role/"}, {"service": "iam", "kind": "group/"}, {"service": "iam", "kind": "policy/"}]

# One finding per statement, naming the patterns that reach every resource.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	access.allows_all_of(entry.statement, wildcards)
	patterns := sort({p | some k in kinds; some p in access.every_resource_patterns(entry.statement, k.service, k.kind)})
	count(patterns) > 0
	message := sprintf("allows %s on every IAM user, role, group or policy (%s)", [concat(", ", [a | some a in iam.actions(entry.statement); a in wildcards]), concat(", ", patterns)])
}
