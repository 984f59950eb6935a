package driftwarden.rules.aws.secretsmanager.secret_policy_public_test

import data.driftwarden.rules.aws.secretsmanager.secret_policy_public
import rego.v1

statement(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": ["secretsmanager:GetSecretValue"], "Condition": condition}

deny_with(type, policy) := findings if {
	findings := secret_policy_public.deny with input as {"resources": {type: [{"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": {"name": "x", "policy": policy}}]}}
}

test_any_principal_without_a_condition_is_reported if {
	deny_with("aws_secretsmanager_secret", {"Statement": [statement({"AWS": ["arn:aws:iam::222233334444:root"]}, {}), statement({"AWS": ["*"]}, {})]}) == {{
		"ruleId": "DW-AWS-SECRETSMANAGER-050",
		"key": "aws_secretsmanager_secret.x",
		"path": "policy.Statement[1]",
		"message": "secret policy lets anyone (any principal, no condition on the caller) use secretsmanager:getsecretvalue",
	}}
}

test_the_separate_policy_resource_and_raw_forms_are_read if {
	count(deny_with("aws_secretsmanager_secret_policy", {"Statement": [statement("*", {})]})) == 1
	count(deny_with("aws_secretsmanager_secret", {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:*"}})) == 1
}

test_conditions_that_do_not_restrict_the_caller_are_reported if {
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"Bool": {"aws:SecureTransport": ["true"]}})]})) == 1
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"StringEqualsIfExists": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}})]})) == 1
}

test_conditions_on_the_caller_pass if {
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}})]})) == 0
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"StringEquals": {"aws:SourceAccount": ["111122223333"]}})]})) == 0
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement({"Service": ["cloudformation.amazonaws.com"]}, {})]})) == 0
}

test_deny_statements_and_no_policy_pass if {
	count(deny_with("aws_secretsmanager_secret", {"Statement": [object.union(statement("*", {}), {"Effect": "Deny"})]})) == 0
	count(deny_with("aws_secretsmanager_secret", null)) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_secretsmanager_secret", {"__unknown": true})) == 0
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement({"__unknown": true}, {})]})) == 0
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"__unknown": true})]})) == 0
}

test_the_principal_account_passes if {
	count(deny_with("aws_secretsmanager_secret", {"Statement": [statement("*", {"StringEquals": {"aws:PrincipalAccount": ["111122223333"]}})]})) == 0
}
