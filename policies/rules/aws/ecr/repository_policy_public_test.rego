package driftwarden.rules.aws.ecr.repository_policy_public_test

import data.driftwarden.rules.aws.ecr.repository_policy_public
import rego.v1

statement(principal, condition) := {"Effect": "Allow", "Principal": principal, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Condition": condition}

deny_with(type, policy) := findings if {
	findings := repository_policy_public.deny with input as {"resources": {type: [{"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": {"name": "x", "policy": policy}}]}}
}

test_any_principal_without_a_condition_is_reported if {
	deny_with("aws_ecr_repository", {"Statement": [statement({"AWS": ["arn:aws:iam::222233334444:root"]}, {}), statement({"AWS": ["*"]}, {})]}) == {{
		"ruleId": "DW-AWS-ECR-050",
		"key": "aws_ecr_repository.x",
		"path": "policy.Statement[1]",
		"message": "repository policy lets anyone (any principal, no condition on the caller) use ecr:batchgetimage, ecr:getdownloadurlforlayer",
	}}
}

test_the_separate_policy_resource_and_raw_forms_are_read if {
	count(deny_with("aws_ecr_repository_policy", {"Statement": [statement("*", {})]})) == 1
	count(deny_with("aws_ecr_repository", {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:*"}})) == 1
}

test_conditions_that_do_not_restrict_the_caller_are_reported if {
	count(deny_with("aws_ecr_repository", {"Statement": [statement("*", {"Bool": {"aws:SecureTransport": ["true"]}})]})) == 1
	count(deny_with("aws_ecr_repository", {"Statement": [statement("*", {"StringEqualsIfExists": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}})]})) == 1
}

test_conditions_on_the_caller_pass if {
	count(deny_with("aws_ecr_repository", {"Statement": [statement("*", {"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}})]})) == 0
	count(deny_with("aws_ecr_repository", {"Statement": [statement("*", {"StringEquals": {"aws:SourceAccount": ["111122223333"]}})]})) == 0
	count(deny_with("aws_ecr_repository", {"Statement": [statement({"Service": ["lambda.amazonaws.com"]}, {})]})) == 0
}

test_deny_statements_and_no_policy_pass if {
	count(deny_with("aws_ecr_repository", {"Statement": [object.union(statement("*", {}), {"Effect": "Deny"})]})) == 0
	count(deny_with("aws_ecr_repository", null)) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_ecr_repository", {"__unknown": true})) == 0
	count(deny_with("aws_ecr_repository", {"Statement": [statement({"__unknown": true}, {})]})) == 0
	count(deny_with("aws_ecr_repository", {"Statement": [statement("*", {"__unknown": true})]})) == 0
}
