# METADATA
# title: IAM role can be assumed by anyone
# description: |
#   A trust policy that allows any principal ("Principal": "*" or {"AWS": "*"}) with no Condition lets every AWS
#   account in the world assume the role and use its permissions. Name the trusted accounts, roles or services.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
# custom:
#   id: DW-AWS-IAM-010
#   checkov: [CKV_AWS_60]
#   trivy: []
#   severity: critical
#   category: iam
#   resource_types: [aws_iam_role]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.role_trust_wildcard

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("assume_role_policy.Statement[%d]", [i]), "trust policy lets any principal assume the role with no condition") if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.assume_role_policy)
	statement.Effect == "Allow"
	iam.wildcard_principal(statement)
	not iam.has_condition(statement)
}
