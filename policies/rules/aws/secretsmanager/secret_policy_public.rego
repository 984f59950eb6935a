# METADATA
# title: Secrets Manager secret policy lets anyone use the secret
# description: |
#   A secret's resource policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no
#   condition on the caller's account, organisation, source ARN or network lets every AWS account read the secret
#   (secretsmanager:GetSecretValue), or change and delete it, whatever actions it allows. A secret has no resource
#   policy by default. Name the principals, or add aws:PrincipalOrgID or aws:PrincipalAccount; Secrets Manager's
#   block_public_policy (BlockPublicPolicy) refuses such a policy when it is put. The secret's own `policy`, a separate
#   aws_secretsmanager_secret_policy and AWS::SecretsManager::ResourcePolicy are judged alike.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/determine-acccess_examine-iam-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_policy
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-resourcepolicy.html
# custom:
#   id: DW-AWS-SECRETSMANAGER-050
#   severity: critical
#   category: iam
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_policy]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     resource "aws_secretsmanager_secret_policy" "db" {
#       secret_arn          = aws_secretsmanager_secret.db.arn
#       block_public_policy = true
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { AWS = aws_iam_role.app.arn }
#           Action    = "secretsmanager:GetSecretValue"
#           Resource  = "*"
#         }]
#       })
#     }
package driftwarden.rules.aws.secretsmanager.secret_policy_public

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	access.open_to_everyone(statement)
	message := sprintf("secret policy lets anyone (any principal, no condition on the caller) use %s", [concat(", ", iam.actions(statement))])
}
