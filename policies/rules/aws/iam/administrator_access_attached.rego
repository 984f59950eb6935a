# METADATA
# title: AdministratorAccess attached to a user, role or group
# description: |
#   The AWS managed AdministratorAccess policy allows every action on every resource. Whoever holds it can do
#   anything in the account, including removing every other control. Attach a policy scoped to the job instead.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
# custom:
#   id: DW-AWS-IAM-009
#   checkov: [CKV_AWS_274, CKV_AWS_275]
#   trivy: []
#   severity: high
#   category: iam
#   resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_iam_user, aws_iam_group]
#   controls: [CIS-AWS-1.16]
#   remediation: |
#     resource "aws_iam_role_policy_attachment" "app" {
#       role       = aws_iam_role.app.name
#       policy_arn = aws_iam_policy.app.arn   # not arn:aws:iam::aws:policy/AdministratorAccess
#     }
package driftwarden.rules.aws.iam.administrator_access_attached

import data.driftwarden.lib.result
import rego.v1

attachment_types := {
	"aws_iam_role_policy_attachment",
	"aws_iam_user_policy_attachment",
	"aws_iam_group_policy_attachment",
	"aws_iam_policy_attachment",
}

deny contains result.finding(rego.metadata.chain(), r, "policy_arn", "attaches the AdministratorAccess managed policy") if {
	some r in result.resources(rego.metadata.chain())
	r.type in attachment_types
	administrator_access(r.attributes.policy_arn)
}

# A role's managed_policy_arns; a CloudFormation user's or group's ManagedPolicyArns.
deny contains result.finding(rego.metadata.chain(), r, sprintf("managed_policy_arns[%d]", [i]), sprintf("attaches the AdministratorAccess managed policy to the %s", [holders[r.type]])) if {
	some r in result.resources(rego.metadata.chain())
	some i, arn in object.get(r.attributes, "managed_policy_arns", [])
	administrator_access(arn)
}

holders := {"aws_iam_role": "role", "aws_iam_user": "user", "aws_iam_group": "group"}

# The AWS managed policy, in any partition (aws, aws-us-gov, aws-cn, ...).
administrator_access(arn) if {
	is_string(arn)
	regex.match(`^arn:aws(-[a-z]+)*:iam::aws:policy/AdministratorAccess$`, arn)
}
