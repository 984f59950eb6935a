package driftwarden.rules.aws.iam.github_oidc_trust_test

import data.driftwarden.rules.aws.iam.github_oidc_trust
import rego.v1

provider := "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"

trust(condition) := {"Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"], "Principal": {"Federated": [provider]}, "Condition": condition}

aud := {"token.actions.githubusercontent.com:aud": ["sts.amazonaws.com"]}

deny_with(statements) := findings if {
	findings := github_oidc_trust.deny with input as {"resources": {"aws_iam_role": [{"key": "aws_iam_role.x", "type": "aws_iam_role", "id": "x", "origin": "declared", "attributes": {"assume_role_policy": {"Statement": statements}}}]}}
}

test_no_subject_condition_is_reported if {
	deny_with([trust({"StringEquals": aud})]) == {{
		"ruleId": "DW-AWS-IAM-028",
		"key": "aws_iam_role.x",
		"path": "assume_role_policy.Statement[0]",
		"message": "trust policy lets GitHub Actions workflows assume the role with no condition on the token's subject (token.actions.githubusercontent.com:sub): any repository on GitHub can",
	}}
	count(deny_with([object.remove(trust({}), ["Condition"])])) == 1
}

test_a_subject_pattern_for_every_repository_is_reported if {
	every v in ["*", "repo:*", "repo:*:ref:refs/heads/main", "*:environment:prod"] {
		{f.message | some f in deny_with([trust({"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": [v]}})])} == {"trust policy lets GitHub Actions workflows assume the role with a subject pattern that every repository matches: any repository on GitHub can"}
	}
	count(deny_with([trust({"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:my-org/app:*", "repo:*"]}})])) == 1
}

test_a_subject_for_named_repositories_passes if {
	every v in ["repo:my-org/app:ref:refs/heads/main", "repo:my-org/*", "repo:my-org/app:environment:prod"] {
		count(deny_with([trust({"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": [v]}})])) == 0
	}
	count(deny_with([trust({"StringEquals": {"token.actions.githubusercontent.com:sub": ["repo:my-org/app:ref:refs/heads/main"]}})])) == 0
	count(deny_with([trust({"ForAnyValue:StringLike": {"token.actions.githubusercontent.com:sub": ["repo:my-org/*"]}})])) == 0
}

test_a_subject_condition_that_does_not_restrict_is_reported if {
	count(deny_with([trust({"StringNotEquals": {"token.actions.githubusercontent.com:sub": ["repo:evil/x:*"]}})])) == 1
	count(deny_with([trust({"StringLikeIfExists": {"token.actions.githubusercontent.com:sub": ["repo:my-org/*"]}})])) == 1
}

test_other_providers_and_actions_pass if {
	count(deny_with([object.union(trust({"StringEquals": aud}), {"Principal": {"Federated": ["arn:aws:iam::111122223333:oidc-provider/gitlab.com"]}})])) == 0
	count(deny_with([object.union(trust({"StringEquals": aud}), {"Action": ["sts:AssumeRole"]})])) == 0
	count(deny_with([object.union(trust({"StringEquals": aud}), {"Effect": "Deny"})])) == 0
}

test_unknown_values_pass if {
	count(deny_with([trust({"__unknown": true})])) == 0
	count(deny_with([trust({"StringLike": {"token.actions.githubusercontent.com:sub": [{"__unknown": true}]}})])) == 0
	count(deny_with([object.union(trust({}), {"Principal": {"Federated": [{"__unknown": true}]}})])) == 0
}
