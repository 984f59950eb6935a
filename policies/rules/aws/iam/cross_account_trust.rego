# METADATA
# title: IAM role trusts another account without an external id
# description: |
#   A trust policy that lets another AWS account assume the role with no sts:ExternalId condition exposes it to the
#   confused-deputy problem: a third party acting for several customers can be tricked into using its access to the
#   role on someone else's behalf. Require the external id the third party gives you, or restrict the callers to
#   your organisation with aws:PrincipalOrgID. The role's own account is read from its ARN; where that is not known
#   (code before apply) the account a principal names may be the role's own, so the rule does not judge it.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
# custom:
#   id: DW-AWS-IAM-027
#   severity: medium
#   category: iam
#   resource_types: [aws_iam_role]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "vendor_trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::444455556666:root"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "sts:ExternalId"
#           values   = ["the-id-the-vendor-gave-you"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.cross_account_trust

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

restricting := {"sts:externalid", "aws:principalorgid", "aws:principalorgpaths", "aws:sourcearn", "aws:sourceaccount"}

own_account(r) := account if {
	is_string(r.attributes.arn)
	account := split(r.attributes.arn, ":")[4]
	regex.match(`^[0-9]{12}$`, account)
}

# The account a principal names: a bare account id or an IAM ARN in that account.
account_of(principal) := principal if regex.match(`^[0-9]{12}$`, principal)

account_of(principal) := account if {
	parts := split(principal, ":")
	count(parts) == 6
	parts[2] in {"iam", "sts"}
	account := parts[4]
	regex.match(`^[0-9]{12}$`, account)
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("assume_role_policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	own := own_account(r)
	some i, statement in iam.statements(r.attributes.assume_role_policy)
	statement.Effect == "Allow"
	iam.grants(statement, "sts:AssumeRole")
	values.known(object.get(statement, "Condition", {}))
	not access.restricts(statement, restricting)
	others := sort({a |
		some p in values.as_array(statement.Principal.AWS)
		is_string(p)
		a := account_of(p)
		a != own
	})
	count(others) > 0
	message := sprintf("trust policy lets account %s assume the role with no sts:ExternalId or organisation condition", [concat(", ", others)])
}
