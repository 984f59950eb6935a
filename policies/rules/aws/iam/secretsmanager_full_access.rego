# METADATA
# title: IAM policy allows every Secrets Manager action on every secret
# description: |
#   "secretsmanager:*" on every secret (a pattern such as "arn:aws:secretsmanager:*:111122223333:secret:*") lets
#   the holder read, change and delete every secret and open their resource policies. Name the secrets and actions
#   the workload needs. ("Resource": "*" is DW-AWS-IAM-003's.)
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html
# custom:
#   id: DW-AWS-IAM-023
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["secretsmanager:GetSecretValue"]
#         resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-*"]
#       }
#     }
package driftwarden.rules.aws.iam.secretsmanager_full_access

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

wildcards := {"*", "secretsmanager:*"}

kinds := [{"service": "secretsmanager", "kind": "secret:"}]

# One finding per statement, naming the patterns that reach every resource.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	access.allows_all_of(entry.statement, wildcards)
	patterns := sort({p | some k in kinds; some p in access.every_resource_patterns(entry.statement, k.service, k.kind)})
	count(patterns) > 0
	message := sprintf("allows %s on every secret (%s)", [concat(", ", [a | some a in iam.actions(entry.statement); a in wildcards]), concat(", ", patterns)])
}
