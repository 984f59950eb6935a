# METADATA
# title: IAM policy allows privilege escalation
# description: |
#   Some IAM, Lambda and Glue actions on "Resource": "*" let the holder grant themselves more permissions: write or attach
#   policies, take over other users' credentials, or run code as a more privileged role. Scope them to the
#   resources the workload manages, or remove them.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: DW-AWS-IAM-007
#   severity: high
#   category: iam
#   resource_types: [aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_user, aws_iam_group]
#   controls: []
#   checkov: [CKV_AWS_286, CKV_AWS_110]
#   trivy: [AVD-AWS-0347, AVD-AWS-0349, AVD-AWS-0351, AVD-AWS-0352]
#   remediation: |
#     data "aws_iam_policy_document" "ci" {
#       statement {
#         actions   = ["lambda:UpdateFunctionCode"]
#         resources = ["arn:aws:lambda:eu-west-1:111122223333:function:app"]
#       }
#     }
package driftwarden.rules.aws.iam.privilege_escalation

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

# The privilege-escalation actions of the Rhino Security Labs list.
escalation_actions := {
	"iam:CreatePolicyVersion",
	"iam:SetDefaultPolicyVersion",
	"iam:AttachRolePolicy",
	"iam:AttachUserPolicy",
	"iam:AttachGroupPolicy",
	"iam:PutUserPolicy",
	"iam:PutRolePolicy",
	"iam:PutGroupPolicy",
	"iam:UpdateAssumeRolePolicy",
	"iam:CreateAccessKey",
	"iam:CreateLoginProfile",
	"iam:UpdateLoginProfile",
	"iam:AddUserToGroup",
	"lambda:UpdateFunctionCode",
	"glue:UpdateDevEndpoint",
}

# One finding per statement. Statements that allow "*" or "iam:*" are DW-AWS-IAM-001's and DW-AWS-IAM-003's.
deny contains result.finding(rego.metadata.chain(), r, entry.path, message) if {
	some r in result.resources(rego.metadata.chain())
	some entry in iam.allow_identity_statements(r)
	iam.wildcard_resource(entry.statement)
	actions := iam.actions(entry.statement)
	not "*" in actions
	not "iam:*" in actions
	granted := sort({a | some a in escalation_actions; iam.grants(entry.statement, a)})
	count(granted) > 0
	message := sprintf("allows privilege-escalation actions on every resource: %s", [concat(", ", granted)])
}
