# METADATA
# title: IAM policy allows decrypting with every KMS key
# description: |
#   kms:Decrypt or kms:ReEncryptFrom on every key ("Resource": "*" or a pattern reaching every key), with no
#   condition on the key or the calling service, lets the holder decrypt data protected by any key in the account
#   that trusts IAM policies. AWS Security Hub's KMS.1 and KMS.2 controls flag the same. Name the keys, or add a
#   kms:ViaService or resource-tag condition.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html
#   - https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html
# custom:
#   id: DW-AWS-IAM-025
#   severity: medium
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["kms:Decrypt"]
#         resources = ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
#       }
#     }
package driftwarden.rules.aws.iam.kms_decrypt_all_keys

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

targets := [
	{"action": "kms:Decrypt", "service": "kms", "kind": "key/"},
	{"action": "kms:ReEncryptFrom", "service": "kms", "kind": "key/"},
]

# Condition keys that narrow which resources a request reaches, by prefix.
scoping_keys := ["kms:", "aws:resourcetag/", "aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"]

# An unknown part of the Condition may narrow them.
scoped(statement) if access.condition_unknown(statement)

scoped(statement) if {
	some c in access.conditions(statement)
	some prefix in scoping_keys
	startswith(c.key, prefix)
}

# One finding per statement. "*" and "kms:*" are DW-AWS-IAM-001's, DW-AWS-IAM-003's and their pattern rules'.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	not access.allows_all_of(entry.statement, {"*", "kms:*"})
	not scoped(entry.statement)
	granted := access.granted_on_every(entry.statement, targets, true)
	count(granted) > 0
	message := sprintf("allows %s on every KMS key", [concat(", ", granted)])
}
