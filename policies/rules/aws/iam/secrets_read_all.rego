# METADATA
# title: IAM policy allows reading every secret
# description: |
#   secretsmanager:GetSecretValue on every secret ("Resource": "*" or a pattern reaching every secret), with no
#   condition on the secret, lets the holder read every password, key and token the account keeps in Secrets
#   Manager. Name the secrets, or add a resource-tag condition.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html
# custom:
#   id: DW-AWS-IAM-026
#   severity: medium
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
package driftwarden.rules.aws.iam.secrets_read_all

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "secretsmanager:GetSecretValue", "service": "secretsmanager", "kind": "secret:"},
]

# Condition keys that narrow which resources a request reaches, by prefix.
scoping_keys := ["secretsmanager:", "aws:resourcetag/", "aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"]

# An unknown part of the Condition may narrow them.
scoped(statement) if access.condition_unknown(statement)

scoped(statement) if {
	some c in access.conditions(statement)
	some prefix in scoping_keys
	startswith(c.key, prefix)
}

# One finding per statement. "*" and "secretsmanager:*" are DW-AWS-IAM-001's, DW-AWS-IAM-003's and their pattern rules'.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "secretsmanager:*"})
	not scoped(entry.statement)
	granted := access.granted_on_every(entry.statement, targets, true)
	count(granted) > 0
	message := sprintf("allows %s on every secret", [concat(", ", granted)])
}
