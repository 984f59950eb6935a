# METADATA
# title: KMS key policy allows any principal
# description: |
#   A key policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no Condition opens
#   the key to every AWS account, and with it the data the key protects. Name the principals, or restrict the
#   statement with a condition such as kms:CallerAccount.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: DW-AWS-KMS-001
#   checkov: [CKV_AWS_33]
#   trivy: []
#   severity: critical
#   category: iam
#   resource_types: [aws_kms_key]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "key" {
#       statement {
#         actions   = ["kms:*"]
#         resources = ["*"]
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#       }
#     }
package driftwarden.rules.aws.kms.key_policy_wildcard

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), "key policy allows any principal with no condition") if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	statement.Effect == "Allow"
	iam.wildcard_principal(statement)
	not iam.has_condition(statement)
}
