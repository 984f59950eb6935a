package driftwarden.rules.aws.iam.s3_full_access_test

import data.driftwarden.rules.aws.iam.s3_full_access
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_with(type, attributes) := findings if {
	findings := s3_full_access.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_the_actions_on_every_resource_are_reported if {
	deny_with("aws_iam_policy", {"policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"]), allow(["s3:*"], ["arn:aws:s3:::*"])])}) == {{
		"ruleId": "DW-AWS-IAM-021",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[1]",
		"message": "allows s3:* on every S3 bucket (arn:aws:s3:::*)",
	}}
}

test_patterns_reaching_every_resource_are_reported if {
	every pattern in ["arn:aws:s3:::*/*", "arn:*:s3:::*", "arn:aws:s3:::*"] {
		count(deny_with("aws_iam_user_policy", {"policy": doc([allow(["s3:*"], [pattern])])})) == 1
	}
}

test_action_patterns_are_reported if {
	every action in ["*"] {
		count(deny_with("aws_iam_group_policy", {"policy": doc([allow([action], ["arn:aws:s3:::*"])])})) == 1
	}
}

test_a_role_s_inline_policies_are_read if {
	role := {"inline_policy": [
		{"name": "a", "policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"])])},
		{"name": "b", "policy": doc([allow(["s3:*"], ["arn:aws:s3:::*"])])},
	]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_scoped_resources_pass if {
	every pattern in ["arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*", "arn:aws:s3:::app-*", "arn:aws:s3:::app-*/*"] {
		count(deny_with("aws_iam_policy", {"policy": doc([allow(["s3:*"], [pattern])])})) == 0
	}
}

test_deny_statements_pass if {
	denied := {"Effect": "Deny", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::*"]}
	count(deny_with("aws_iam_policy", {"policy": doc([denied])})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow({"__unknown": true}, ["arn:aws:s3:::*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["s3:*"], {"__unknown": true})])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["s3:*"], [{"__unknown": true}])])})) == 0
}
