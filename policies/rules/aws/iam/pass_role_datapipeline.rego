# METADATA
# title: IAM policy allows passing any role to a new Data Pipeline
# description: |
#   iam:PassRole on every role together with datapipeline:CreatePipeline and
#   datapipeline:PutPipelineDefinition lets the holder define a pipeline that runs commands as any role. Name the
#   roles it may pass, or restrict iam:PassedToService.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-iam-roles.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-015
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "pipelines" {
#       statement {
#         actions   = ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"]
#         resources = ["*"]
#       }
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = ["arn:aws:iam::111122223333:role/DataPipelineDefaultRole"]
#       }
#     }
package driftwarden.rules.aws.iam.pass_role_datapipeline

import data.driftwarden.lib.access
import data.driftwarden.lib.result
import rego.v1

groups := [["datapipeline:CreatePipeline"], ["datapipeline:PutPipelineDefinition"]]

services := {"datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com", "ec2.amazonaws.com"}

# One finding per statement that passes every role, when the resource's statements also allow the rest of the path.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	access.grants_each(r, groups)
	some entry in access.pass_role_entries(r, services)
	message := sprintf("allows iam:PassRole on every role with %s: the holder can run a new Data Pipeline as any role", [concat(", ", access.granted_of(r, groups))])
}
