package driftwarden.rules.aws.iam.kms_full_access_test

import data.driftwarden.rules.aws.iam.kms_full_access
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_with(type, attributes) := findings if {
	findings := kms_full_access.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_the_actions_on_every_resource_are_reported if {
	deny_with("aws_iam_policy", {"policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"]), allow(["kms:*"], ["arn:aws:kms:*:111122223333:key/*"])])}) == {{
		"ruleId": "DW-AWS-IAM-022",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[1]",
		"message": "allows kms:* on every KMS key (arn:aws:kms:*:111122223333:key/*)",
	}}
}

test_patterns_reaching_every_resource_are_reported if {
	every pattern in ["arn:aws:kms:*:*:*", "arn:aws:kms:eu-west-1:111122223333:key/*", "arn:aws:kms:*"] {
		count(deny_with("aws_iam_user_policy", {"policy": doc([allow(["kms:*"], [pattern])])})) == 1
	}
}

test_action_patterns_are_reported if {
	every action in ["*"] {
		count(deny_with("aws_iam_group_policy", {"policy": doc([allow([action], ["arn:aws:kms:*:111122223333:key/*"])])})) == 1
	}
}

test_a_role_s_inline_policies_are_read if {
	role := {"inline_policy": [
		{"name": "a", "policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"])])},
		{"name": "b", "policy": doc([allow(["kms:*"], ["arn:aws:kms:*:111122223333:key/*"])])},
	]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_scoped_resources_pass if {
	every pattern in ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:111122223333:alias/*"] {
		count(deny_with("aws_iam_policy", {"policy": doc([allow(["kms:*"], [pattern])])})) == 0
	}
}

test_deny_statements_pass if {
	denied := {"Effect": "Deny", "Action": ["kms:*"], "Resource": ["arn:aws:kms:*:111122223333:key/*"]}
	count(deny_with("aws_iam_policy", {"policy": doc([denied])})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow({"__unknown": true}, ["arn:aws:kms:*:111122223333:key/*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["kms:*"], {"__unknown": true})])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["kms:*"], [{"__unknown": true}])])})) == 0
}
