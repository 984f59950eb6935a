package driftwarden.rules.aws.iam.cross_account_trust_test

import data.driftwarden.rules.aws.iam.cross_account_trust
import rego.v1

role(statements) := {"arn": "arn:aws:iam::111122223333:role/vendor", "assume_role_policy": {"Statement": statements}}

trust(principals) := {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": principals}}

deny_with(attributes) := findings if {
	findings := cross_account_trust.deny with input as {"resources": {"aws_iam_role": [{"key": "aws_iam_role.x", "type": "aws_iam_role", "id": "x", "origin": "declared", "attributes": attributes}]}}
}

test_another_account_without_an_external_id_is_reported if {
	deny_with(role([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}, trust(["arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:role/admin"])])) == {{
		"ruleId": "DW-AWS-IAM-027",
		"key": "aws_iam_role.x",
		"path": "assume_role_policy.Statement[1]",
		"message": "trust policy lets account 444455556666 assume the role with no sts:ExternalId or organisation condition",
	}}
}

test_bare_account_ids_roles_and_sts_principals_name_their_account if {
	every p in ["444455556666", "arn:aws:iam::444455556666:role/ci", "arn:aws:sts::444455556666:assumed-role/ci/s", "arn:aws-us-gov:iam::444455556666:user/u"] {
		count(deny_with(role([trust([p])]))) == 1
	}
}

test_an_external_id_or_organisation_condition_passes if {
	every key in ["sts:ExternalId", "aws:PrincipalOrgID", "aws:SourceArn", "aws:SourceAccount"] {
		statement := object.union(trust(["arn:aws:iam::444455556666:root"]), {"Condition": {"StringEquals": {key: ["x-123"]}}})
		count(deny_with(role([statement]))) == 0
	}
}

test_a_condition_that_does_not_restrict_is_reported if {
	negated := object.union(trust(["444455556666"]), {"Condition": {"StringNotEquals": {"sts:ExternalId": ["x"]}}})
	count(deny_with(role([negated]))) == 1
	mfa := object.union(trust(["444455556666"]), {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["true"]}}})
	count(deny_with(role([mfa]))) == 1
}

test_the_role_s_own_account_passes if {
	count(deny_with(role([trust(["arn:aws:iam::111122223333:root", "111122223333"])]))) == 0
}

test_wildcards_services_and_deny_pass if {
	count(deny_with(role([trust(["*"])]))) == 0
	count(deny_with(role([object.union(trust(["444455556666"]), {"Effect": "Deny"})]))) == 0
	count(deny_with(role([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["lambda.amazonaws.com"]}}]))) == 0
}

test_an_unknown_own_account_or_value_passes if {
	count(deny_with({"assume_role_policy": {"Statement": [trust(["444455556666"])]}})) == 0
	count(deny_with({"arn": {"__unknown": true}, "assume_role_policy": {"Statement": [trust(["444455556666"])]}})) == 0
	count(deny_with(role([trust([{"__unknown": true}])]))) == 0
	count(deny_with(role([object.union(trust(["444455556666"]), {"Condition": {"__unknown": true}})]))) == 0
	count(deny_with(role([object.union(trust(["444455556666"]), {"Condition": {"StringEquals": {"sts:ExternalId": [{"__unknown": true}]}}})]))) == 0
	count(deny_with({"arn": "arn:aws:iam::111122223333:role/vendor", "assume_role_policy": {"__unknown": true}})) == 0
}
