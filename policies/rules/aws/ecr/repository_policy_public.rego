# METADATA
# title: ECR repository policy lets anyone use the repository
# description: |
#   A repository policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no condition on
#   the caller's account, organisation, source ARN or network lets every AWS account pull the repository's images,
#   and, with push or policy actions, replace them or take the repository over. A repository has no policy by
#   default (only its own account's principals reach it). Name the accounts, or add aws:PrincipalOrgID or
#   aws:SourceAccount. The repository policy of aws_ecr_repository_policy and of AWS::ECR::Repository's
#   RepositoryPolicyText are judged alike.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository_policy
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html
# custom:
#   id: DW-AWS-ECR-050
#   severity: critical
#   category: iam
#   resource_types: [aws_ecr_repository, aws_ecr_repository_policy]
#   controls: []
#   checkov: [CKV_AWS_32]
#   trivy: [AVD-AWS-0032]
#   remediation: |
#     resource "aws_ecr_repository_policy" "orders_api" {
#       repository = aws_ecr_repository.orders_api.name
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = "*"
#           Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
#           Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
#         }]
#       })
#     }
package driftwarden.rules.aws.ecr.repository_policy_public

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	access.open_to_everyone(statement)
	message := sprintf("repository policy lets anyone (any principal, no condition on the caller) use %s", [concat(", ", iam.actions(statement))])
}
