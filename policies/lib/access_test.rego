package driftwarden.lib.access_test

import data.driftwarden.lib.access
import rego.v1

# Unknown parts of a statement, as the HCL reader leaves them: a value known only after apply.
u := {"__unknown": true, "reason": "expression"}

assume(condition) := {"Effect": "Allow", "Principal": "*", "Action": ["sts:AssumeRole"], "Condition": condition}

test_conditions_are_the_known_clauses if {
	access.conditions(assume({"StringEquals": u, "Bool": {"aws:SecureTransport": ["true"]}})) == [{"operator": "Bool", "key": "aws:securetransport", "values": ["true"]}]
	access.conditions(assume(u)) == []
	access.conditions(assume({"StringEquals": {"sts:ExternalId": [u]}})) == [{"operator": "StringEquals", "key": "sts:externalid", "values": [u]}]
}

test_an_unknown_condition_or_clause_is_unknown if {
	access.condition_unknown(assume(u))
	access.condition_unknown(assume({"StringEquals": u}))
	not access.condition_unknown(assume({"StringEquals": {"sts:ExternalId": [u]}}))
	access.condition_known(assume({"StringEquals": {"sts:ExternalId": "x"}}))
	access.condition_known({"Effect": "Allow"})
}

test_an_unknown_part_may_restrict_and_mentions_every_key if {
	access.restricts(assume(u), {"sts:externalid"})
	access.restricts(assume({"StringEquals": u}), {"sts:externalid"})
	access.restricts(assume({"StringEquals": {"sts:ExternalId": [u]}}), {"sts:externalid"})
	access.mentions(assume({"StringLike": u}), {"iam:passedtoservice"})
	not access.restricts(assume({"StringEquals": {"aws:SourceIp": "10.0.0.0/8"}}), {"sts:externalid"})
}

test_open_to_everyone_is_not_judged_on_unknown_clauses if {
	access.open_to_everyone(assume({"Bool": {"aws:SecureTransport": "true"}}))
	not access.open_to_everyone(assume(u))
	not access.open_to_everyone(assume({"StringEquals": u}))
}

test_pass_role_is_judged_on_the_known_actions if {
	r := {"type": "aws_iam_policy", "attributes": {"policy": {"Statement": [
		{"Effect": "Allow", "Action": ["iam:PassRole", u], "Resource": ["*"]},
		{"Effect": "Allow", "Action": ["lambda:CreateFunction"], "Resource": [u]},
	]}}}
	[e.path | some e in access.pass_role_entries(r, {"lambda.amazonaws.com"})] == ["policy.Statement[0]"]
	access.grants_each(r, [["lambda:CreateFunction"]])
}

test_pass_role_with_unknown_passed_to_service_clauses_is_not_judged if {
	r := {"type": "aws_iam_policy", "attributes": {"policy": {"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["*"], "Condition": {"StringEquals": u}}]}}}
	access.pass_role_entries(r, {"lambda.amazonaws.com"}) == []
}
