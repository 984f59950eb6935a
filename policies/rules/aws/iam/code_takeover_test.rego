package driftwarden.rules.aws.iam.code_takeover_test

import data.driftwarden.rules.aws.iam.code_takeover
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_with(type, attributes) := findings if {
	findings := code_takeover.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_the_actions_on_every_resource_are_reported if {
	deny_with("aws_iam_policy", {"policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"]), allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], ["arn:aws:lambda:eu-west-1:111122223333:function:*"])])}) == {{
		"ruleId": "DW-AWS-IAM-020",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[1]",
		"message": "allows lambda:UpdateFunctionCode on every function or development endpoint they apply to: the holder can run code as their roles",
	}}
}

test_patterns_reaching_every_resource_are_reported if {
	every pattern in ["arn:aws:lambda:*:*:function:*", "arn:aws:lambda:*:111122223333:*", "arn:aws:lambda:*"] {
		count(deny_with("aws_iam_user_policy", {"policy": doc([allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], [pattern])])})) == 1
	}
}

test_action_patterns_are_reported if {
	every action in ["lambda:Update*", "lambda:*"] {
		count(deny_with("aws_iam_group_policy", {"policy": doc([allow([action], ["arn:aws:lambda:eu-west-1:111122223333:function:*"])])})) == 1
	}
}

test_a_role_s_inline_policies_are_read if {
	role := {"inline_policy": [
		{"name": "a", "policy": doc([allow(["s3:GetObject"], ["arn:aws:s3:::app/*"])])},
		{"name": "b", "policy": doc([allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], ["arn:aws:lambda:eu-west-1:111122223333:function:*"])])},
	]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_scoped_resources_pass if {
	every pattern in ["arn:aws:lambda:eu-west-1:111122223333:function:app-*", "arn:aws:lambda:eu-west-1:111122223333:function:app", "arn:aws:glue:eu-west-1:111122223333:devEndpoint/etl"] {
		count(deny_with("aws_iam_policy", {"policy": doc([allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], [pattern])])})) == 0
	}
}

test_deny_statements_pass if {
	denied := {"Effect": "Deny", "Action": ["lambda:UpdateFunctionCode", "lambda:GetFunction"], "Resource": ["arn:aws:lambda:eu-west-1:111122223333:function:*"]}
	count(deny_with("aws_iam_policy", {"policy": doc([denied])})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow({"__unknown": true}, ["arn:aws:lambda:eu-west-1:111122223333:function:*"])])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], {"__unknown": true})])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc([allow(["lambda:UpdateFunctionCode", "lambda:GetFunction"], [{"__unknown": true}])])})) == 0
}
