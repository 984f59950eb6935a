# METADATA
# title: KMS key policy allows any principal
# description: |
#   A key policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no condition on the
#   caller's account, organisation, source or network opens the key to every AWS account, and with it the data the
#   key protects. A condition that names no caller (aws:SecureTransport) does not close it. Name the principals, or
#   restrict the statement with kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID or aws:SourceAccount: the same
#   judgement as the queue, topic, repository, secret and Lambda policies (driftwarden.lib.access).
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
#   - https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
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

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	access.open_to_everyone(statement)
	message := sprintf("key policy lets anyone (any principal, no condition on the caller) use %s", [concat(", ", iam.actions(statement))])
}
