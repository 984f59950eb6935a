package driftwarden.lib.iam_test

import data.driftwarden.lib.iam
import rego.v1

u := {"__unknown": true, "reason": "expression"}

test_unknown_elements_are_not_actions_or_resources if {
	s := {"Effect": "Allow", "Action": ["s3:GetObject", u, "iam:PassRole"], "Resource": [u, "arn:aws:s3:::b/*"]}
	iam.actions(s) == ["s3:getobject", "iam:passrole"]
	iam.resources(s) == ["arn:aws:s3:::b/*"]
	iam.grants(s, "iam:PassRole")
	not iam.grants(s, "iam:CreateUser")
	not iam.wildcard_resource(s)
}

test_a_known_wildcard_beside_an_unknown_element_counts if {
	iam.wildcard_resource({"Resource": ["*", u]})
	not iam.wildcard_resource({"Resource": u})
	not iam.wildcard_resource({"Resource": [u]})
	iam.actions({"Action": u}) == []
}

test_unknown_statements_and_effects_are_not_allow_statements if {
	r := {"type": "aws_iam_policy", "attributes": {"policy": {"Statement": [
		u,
		{"Effect": u, "Action": ["*"], "Resource": ["*"]},
		{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["*"]},
	]}}}
	[e.path | some e in iam.allow_identity_statements(r)] == ["policy.Statement[2]"]
	iam.allow_identity_statements({"type": "aws_iam_policy", "attributes": {"policy": u}}) == []
	iam.allow_identity_statements({"type": "aws_iam_policy", "attributes": {"policy": {"Statement": u}}}) == []
}

test_an_unknown_condition_is_a_condition if {
	iam.has_condition({"Condition": u})
	iam.has_condition({"Condition": {"StringEquals": u}})
	not iam.has_condition({"Condition": {}})
}
