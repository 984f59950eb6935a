# METADATA
# title: IAM policy attached directly to a user
# description: |
#   Permissions granted to users one by one drift apart and are easy to miss when people change roles. Attach
#   policies to groups or roles and make users members of the groups.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html
# custom:
#   id: DW-AWS-IAM-008
#   checkov: [CKV_AWS_40]
#   trivy: [AVD-AWS-0143]
#   severity: low
#   category: iam
#   resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment, aws_iam_user, aws_iam_policy]
#   controls: [CIS-AWS-1.15]
#   remediation: |
#     resource "aws_iam_group_policy_attachment" "developers" {
#       group      = aws_iam_group.developers.name
#       policy_arn = aws_iam_policy.app.arn
#     }
#
#     resource "aws_iam_user_group_membership" "alice" {
#       user   = aws_iam_user.alice.name
#       groups = [aws_iam_group.developers.name]
#     }
package driftwarden.rules.aws.iam.user_attached_policy

import data.driftwarden.lib.result
import rego.v1

messages := {
	"aws_iam_user_policy": "defines an inline policy directly on a user",
	"aws_iam_user_policy_attachment": "attaches a managed policy directly to a user",
}

deny contains result.finding(rego.metadata.chain(), r, "", messages[r.type]) if {
	some r in result.resources(rego.metadata.chain())
}

# A CloudFormation user's own Policies and ManagedPolicyArns.
deny contains result.finding(rego.metadata.chain(), r, sprintf("inline_policy[%d]", [i]), messages.aws_iam_user_policy) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_iam_user"
	some i, _ in object.get(r.attributes, "inline_policy", [])
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("managed_policy_arns[%d]", [i]), messages.aws_iam_user_policy_attachment) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_iam_user"
	some i, arn in object.get(r.attributes, "managed_policy_arns", [])
	is_string(arn)
}

# aws_iam_policy_attachment, and a CloudFormation policy's Users.
# A user whose name is not known yet (`[aws_iam_user.ci.name]`, CloudFormation's `!Ref` of a user without a
# UserName) is still a user; a list that is wholly unknown (`var.users`) may be empty.
deny contains result.finding(rego.metadata.chain(), r, "users", "attaches the policy directly to users") if {
	some r in result.resources(rego.metadata.chain())
	r.type in {"aws_iam_policy_attachment", "aws_iam_policy"}
	users := object.get(r.attributes, "users", [])
	is_array(users)
	some user in users
	user != null
}
