# METADATA
# title: IAM role trusts GitHub Actions without limiting the repository
# description: |
#   A role that trusts GitHub's OIDC provider (token.actions.githubusercontent.com) must say which repositories,
#   branches or environments may assume it with a condition on the token's `sub` claim. Without one, or with a
#   pattern such as "*" or "repo:*", a workflow in any repository on GitHub can assume the role.
# scope: package
# related_resources:
#   - https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
# custom:
#   id: DW-AWS-IAM-028
#   severity: critical
#   category: iam
#   resource_types: [aws_iam_role]
#   controls: []
#   checkov: [CKV_AWS_358]
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "github_trust" {
#       statement {
#         actions = ["sts:AssumeRoleWithWebIdentity"]
#         principals {
#           type        = "Federated"
#           identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "token.actions.githubusercontent.com:aud"
#           values   = ["sts.amazonaws.com"]
#         }
#         condition {
#           test     = "StringLike"
#           variable = "token.actions.githubusercontent.com:sub"
#           values   = ["repo:my-org/my-repo:ref:refs/heads/main"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.github_oidc_trust

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

subject := "token.actions.githubusercontent.com:sub"

trusts_github(statement) if {
	some p in values.as_array(statement.Principal.Federated)
	is_string(p)
	endswith(lower(p), "token.actions.githubusercontent.com")
}

# A *Like pattern that any repository's subject matches: "*", "*..." or "repo:*...".
any_repository(v) if {
	is_string(v)
	regex.match(`^(\*|repo:\*)`, v)
}

too_broad(statement) if {
	some c in access.conditions(statement)
	c.key == subject
	contains(lower(c.operator), "like")
	some v in c.values
	any_repository(v)
}

# A clause that only lets tokens through whose subject matches it.
names_subject(statement) if {
	some c in access.conditions(statement)
	c.key == subject
	access.positive_operator(c.operator)
}

problem(statement) := "no condition on the token's subject (token.actions.githubusercontent.com:sub)" if {
	not names_subject(statement)
}

problem(statement) := "a subject pattern that every repository matches" if {
	names_subject(statement)
	too_broad(statement)
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("assume_role_policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.assume_role_policy)
	statement.Effect == "Allow"
	iam.grants(statement, "sts:AssumeRoleWithWebIdentity")
	trusts_github(statement)
	values.known(object.get(statement, "Condition", {}))
	message := sprintf("trust policy lets GitHub Actions workflows assume the role with %s: any repository on GitHub can", [problem(statement)])
}
