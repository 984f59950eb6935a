package driftwarden.rules.aws.iam.role_trust_wildcard_test

import data.driftwarden.rules.aws.iam.role_trust_wildcard
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := role_trust_wildcard.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

trust(statements) := {"name": "app", "assume_role_policy": {"Version": "2012-10-17", "Statement": statements}}

service := {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}

test_any_principal_is_denied if {
	anyone := {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": "*"}
	deny_with("aws_iam_role", trust([service, anyone])) == {{
		"ruleId": "DW-AWS-IAM-010",
		"key": "aws_iam_role.x",
		"path": "assume_role_policy.Statement[1]",
		"message": "trust policy lets any principal assume the role with no condition",
	}}
}

test_any_aws_principal_is_denied if {
	anyone := {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["*", "arn:aws:iam::111122223333:root"]}}
	{f.path | some f in deny_with("aws_iam_role", trust([anyone]))} == {"assume_role_policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"name": "app", "assume_role_policy": {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}}}}
	{f.path | some f in deny_with("aws_iam_role", raw)} == {"assume_role_policy.Statement[0]"}
}

test_condition_passes if {
	anyone := {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["*"]}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-abc123"]}}}
	count(deny_with("aws_iam_role", trust([anyone]))) == 0
}

test_named_principals_pass if {
	count(deny_with("aws_iam_role", trust([service, {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}}]))) == 0
}

test_deny_statement_passes if {
	count(deny_with("aws_iam_role", trust([{"Effect": "Deny", "Action": ["sts:AssumeRole"], "Principal": "*"}]))) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_role", {"name": "app", "assume_role_policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_role", trust([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"__unknown": true}}]))) == 0
	count(deny_with("aws_iam_role", trust([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": {"__unknown": true}}}]))) == 0
	count(deny_with("aws_iam_role", trust([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": "*", "Condition": {"__unknown": true}}]))) == 0
	count(deny_with("aws_iam_role", {"name": "app"})) == 0
}

test_other_types_are_not_read if {
	count(deny_with("aws_iam_policy", {"assume_role_policy": {"Statement": [{"Effect": "Allow", "Principal": "*"}]}})) == 0
}
