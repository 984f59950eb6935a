# METADATA
# title: IAM role trusts an OIDC provider without limiting the subject
# description: |
#   A role that trusts an IAM OIDC identity provider (an EKS cluster's issuer for IRSA, GitLab, Terraform Cloud,
#   any OIDC issuer) must say which identities may assume it with a condition on the token's `sub` claim. Without
#   one, every identity the provider issues tokens for (every service account in the cluster, every project on the
#   GitLab instance) can assume the role. A Cognito identity pool trust needs its `aud` condition instead. GitHub's
#   provider is DW-AWS-IAM-028's.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
#   - https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
#   - https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
# custom:
#   id: DW-AWS-IAM-029
#   severity: high
#   category: iam
#   resource_types: [aws_iam_role]
#   controls: []
#   checkov: []
#   trivy: []
#   remediation: |
#     data "aws_iam_policy_document" "irsa_trust" {
#       statement {
#         actions = ["sts:AssumeRoleWithWebIdentity"]
#         principals {
#           type        = "Federated"
#           identifiers = [aws_iam_openid_connect_provider.cluster.arn]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "${replace(aws_iam_openid_connect_provider.cluster.url, "https://", "")}:sub"
#           values   = ["system:serviceaccount:app:app"]
#         }
#       }
#     }
package driftwarden.rules.aws.iam.oidc_trust_subject

import data.driftwarden.lib.access
import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

# The condition key each trusted provider needs: "<issuer>:sub" for an IAM OIDC provider, the audience for Cognito.
required_keys(statement) := {key |
	some p in values.as_array(statement.Principal.Federated)
	is_string(p)
	key := required_key(p)
}

required_key(p) := "cognito-identity.amazonaws.com:aud" if lower(p) == "cognito-identity.amazonaws.com"

required_key(p) := sprintf("%s:sub", [lower(issuer)]) if {
	parts := split(p, ":oidc-provider/")
	count(parts) == 2
	issuer := parts[1]
	not endswith(lower(issuer), "token.actions.githubusercontent.com")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("assume_role_policy.Statement[%d]", [i]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.assume_role_policy)
	statement.Effect == "Allow"
	iam.grants(statement, "sts:AssumeRoleWithWebIdentity")
	values.known(object.get(statement, "Condition", {}))
	missing := sort({key | some key in required_keys(statement); not access.restricts(statement, {key})})
	count(missing) > 0
	message := sprintf("trust policy lets every identity of the OIDC provider assume the role: no condition on %s", [concat(", ", missing)])
}
