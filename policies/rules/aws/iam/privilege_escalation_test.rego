package driftwarden.rules.aws.iam.privilege_escalation_test

import data.driftwarden.rules.aws.iam.privilege_escalation
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

doc(actions, resources) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}]}

deny_with(type, attributes) := findings if {
	findings := privilege_escalation.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

test_escalation_actions_are_reported_once_per_statement if {
	actions := ["iam:CreateAccessKey", "iam:attachuserpolicy", "lambda:UpdateFunctionCode", "s3:GetObject"]
	deny_with("aws_iam_policy", {"policy": doc(actions, ["*"])}) == {{
		"ruleId": "DW-AWS-IAM-007",
		"key": "aws_iam_policy.x",
		"path": "policy.Statement[0]",
		"message": "allows privilege-escalation actions on every resource: iam:AttachUserPolicy, iam:CreateAccessKey, lambda:UpdateFunctionCode",
	}}
}

test_patterns_name_the_actions_they_grant if {
	findings := deny_with("aws_iam_policy", {"policy": doc(["iam:Put*Policy"], ["*"])})
	{f.message | some f in findings} == {"allows privilege-escalation actions on every resource: iam:PutGroupPolicy, iam:PutRolePolicy, iam:PutUserPolicy"}
}

test_every_listed_action_is_reported if {
	every action in privilege_escalation.escalation_actions {
		count(deny_with("aws_iam_policy", {"policy": doc([action], ["*"])})) == 1
	}
}

test_every_identity_type_is_read if {
	every type in ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"] {
		count(deny_with(type, {"policy": doc(["iam:createpolicyversion"], ["*"])})) == 1
	}
	role := {"inline_policy": [{"name": "a", "policy": doc(["s3:getobject"], ["*"])}, {"name": "b", "policy": doc(["iam:createloginprofile"], ["*"])}]}
	{f.path | some f in deny_with("aws_iam_role", role)} == {"inline_policy[1].policy.Statement[0]"}
}

test_raw_string_forms_are_denied if {
	raw := {"Statement": {"Effect": "Allow", "Action": "iam:UpdateAssumeRolePolicy", "Resource": "*"}}
	{f.message | some f in deny_with("aws_iam_group_policy", {"policy": raw})} == {"allows privilege-escalation actions on every resource: iam:UpdateAssumeRolePolicy"}
}

test_full_and_iam_wildcards_are_left_to_iam_001_and_iam_003 if {
	count(deny_with("aws_iam_policy", {"policy": doc(["*"], ["*"])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:*"], ["*"])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc(["IAM:*", "lambda:updatefunctioncode"], ["*"])})) == 0
}

test_scoped_resource_passes if {
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:AttachRolePolicy"], ["arn:aws:iam::111122223333:role/app"])})) == 0
}

test_harmless_actions_pass if {
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:Get*", "iam:List*", "lambda:InvokeFunction"], ["*"])})) == 0
}

test_deny_statement_passes if {
	policy := {"Statement": [{"Effect": "Deny", "Action": ["iam:AttachRolePolicy"], "Resource": ["*"]}]}
	count(deny_with("aws_iam_policy", {"policy": policy})) == 0
}

test_unknown_values_pass if {
	count(deny_with("aws_iam_policy", {"policy": {"__unknown": true}})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc({"__unknown": true}, ["*"])})) == 0
	count(deny_with("aws_iam_policy", {"policy": doc(["iam:AttachRolePolicy"], {"__unknown": true})})) == 0
}
