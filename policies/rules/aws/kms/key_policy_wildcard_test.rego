package driftwarden.rules.aws.kms.key_policy_wildcard_test

import data.driftwarden.rules.aws.kms.key_policy_wildcard
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := key_policy_wildcard.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

key(statements) := {"key_id": "x", "enable_key_rotation": true, "policy": {"Version": "2012-10-17", "Statement": statements}}

root := {"Effect": "Allow", "Action": ["kms:*"], "Resource": ["*"], "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}}

test_any_principal_is_denied if {
	anyone := {"Effect": "Allow", "Action": ["kms:decrypt"], "Resource": ["*"], "Principal": {"AWS": ["*"]}}
	deny_with("aws_kms_key", key([root, anyone])) == {{
		"ruleId": "DW-AWS-KMS-001",
		"key": "aws_kms_key.x",
		"path": "policy.Statement[1]",
		"message": "key policy lets anyone (any principal, no condition on the caller) use kms:decrypt",
	}}
}

test_raw_string_forms_are_denied if {
	raw := {"key_id": "x", "policy": {"Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Principal": "*"}}}
	{f.path | some f in deny_with("aws_kms_key", raw)} == {"policy.Statement[0]"}
}

test_condition_passes if {
	anyone := {"Effect": "Allow", "Action": ["kms:decrypt"], "Resource": ["*"], "Principal": "*", "Condition": {"StringEquals": {"kms:CallerAccount": ["111122223333"]}}}
	count(deny_with("aws_kms_key", key([root, anyone]))) == 0
}

test_conditions_that_do_not_restrict_the_caller_are_denied if {
	anyone := {"Effect": "Allow", "Action": ["kms:decrypt"], "Resource": ["*"], "Principal": "*"}
	count(deny_with("aws_kms_key", key([object.union(anyone, {"Condition": {"Bool": {"aws:SecureTransport": ["true"]}}})]))) == 1
	count(deny_with("aws_kms_key", key([object.union(anyone, {"Condition": {"StringEqualsIfExists": {"kms:CallerAccount": ["111122223333"]}}})]))) == 1
	count(deny_with("aws_kms_key", key([object.union(anyone, {"Condition": {"StringEquals": {"kms:ViaService": ["s3.eu-west-1.amazonaws.com"]}}})]))) == 0
	count(deny_with("aws_kms_key", key([object.union(anyone, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}}})]))) == 0
	count(deny_with("aws_kms_key", key([object.union(anyone, {"Condition": {"__unknown": true}})]))) == 0
}

test_named_principals_pass if {
	count(deny_with("aws_kms_key", key([root]))) == 0
}

test_deny_statement_passes if {
	count(deny_with("aws_kms_key", key([{"Effect": "Deny", "Action": ["kms:*"], "Resource": ["*"], "Principal": "*"}]))) == 0
}

test_unknown_and_absent_values_pass if {
	count(deny_with("aws_kms_key", {"key_id": "x", "policy": {"__unknown": true}})) == 0
	count(deny_with("aws_kms_key", {"key_id": "x", "policy": null})) == 0
	count(deny_with("aws_kms_key", {"key_id": "x"})) == 0
	count(deny_with("aws_kms_key", key([{"Effect": "Allow", "Action": ["kms:*"], "Resource": ["*"], "Principal": {"__unknown": true}}]))) == 0
}

test_other_types_are_not_read if {
	count(deny_with("aws_s3_bucket", key([{"Effect": "Allow", "Principal": "*"}]))) == 0
}
