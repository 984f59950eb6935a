package driftwarden.rules.aws.iam.oidc_trust_subject_test

import data.driftwarden.rules.aws.iam.oidc_trust_subject
import rego.v1

eks := "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"

trust(federated, condition) := {"Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"], "Principal": {"Federated": [federated]}, "Condition": condition}

provider(issuer) := sprintf("arn:aws:iam::111122223333:oidc-provider/%s", [issuer])

deny_with(statements) := findings if {
	findings := oidc_trust_subject.deny with input as {"resources": {"aws_iam_role": [{"key": "aws_iam_role.x", "type": "aws_iam_role", "id": "x", "origin": "declared", "attributes": {"assume_role_policy": {"Statement": statements}}}]}}
}

test_an_eks_trust_with_only_the_audience_is_reported if {
	deny_with([trust(provider(eks), {"StringEquals": {sprintf("%s:aud", [eks]): ["sts.amazonaws.com"]}})]) == {{
		"ruleId": "DW-AWS-IAM-029",
		"key": "aws_iam_role.x",
		"path": "assume_role_policy.Statement[0]",
		"message": "trust policy lets every identity of the OIDC provider assume the role: no condition on oidc.eks.eu-west-1.amazonaws.com/id/exampled539d4633e53de1b71example:sub",
	}}
}

test_a_subject_condition_passes_whatever_the_key_s_case if {
	count(deny_with([trust(provider(eks), {"StringEquals": {sprintf("%s:sub", [eks]): ["system:serviceaccount:app:app"]}})])) == 0
	count(deny_with([trust(provider("gitlab.com"), {"StringLike": {"gitlab.com:sub": ["project_path:my-group/app:*"]}})])) == 0
}

test_a_bare_wildcard_or_a_negated_subject_is_reported if {
	count(deny_with([trust(provider("app.terraform.io"), {"StringLike": {"app.terraform.io:sub": ["*"]}})])) == 1
	count(deny_with([trust(provider("gitlab.com"), {"StringNotEquals": {"gitlab.com:sub": ["x"]}})])) == 1
}

test_cognito_needs_its_audience if {
	count(deny_with([trust("cognito-identity.amazonaws.com", {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": ["authenticated"]}})])) == 1
	count(deny_with([trust("cognito-identity.amazonaws.com", {"StringEquals": {"cognito-identity.amazonaws.com:aud": ["eu-west-1:12345678-abcd-1234-abcd-123456789012"]}})])) == 0
}

test_github_saml_and_other_trusts_are_not_this_rule_s if {
	count(deny_with([trust(provider("token.actions.githubusercontent.com"), {})])) == 0
	count(deny_with([trust("arn:aws:iam::111122223333:saml-provider/okta", {})])) == 0
	count(deny_with([object.union(trust(provider(eks), {}), {"Action": ["sts:AssumeRole"]})])) == 0
}

test_unknown_values_pass if {
	count(deny_with([trust(provider(eks), {"__unknown": true})])) == 0
	count(deny_with([trust({"__unknown": true}, {})])) == 0
	count(deny_with([trust(provider(eks), {"StringEquals": {sprintf("%s:sub", [eks]): [{"__unknown": true}]}})])) == 0
}
