package driftwarden.rules.aws.s3.bucket_policy_wildcard_test

import data.driftwarden.rules.aws.s3.bucket_policy_wildcard
import rego.v1

resource(type, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}

deny_with(type, attributes) := findings if {
	findings := bucket_policy_wildcard.deny with input as {"resources": {type: [resource(type, attributes)]}}
}

bucket(statements) := {"bucket": "x", "policy": {"Version": "2012-10-17", "Statement": statements}}

public_read := {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::x/*"], "Principal": "*"}

deny_http := {"Effect": "Deny", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::x", "arn:aws:s3:::x/*"], "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}}

test_public_statement_is_denied if {
	deny_with("aws_s3_bucket", bucket([public_read, deny_http])) == {{
		"ruleId": "DW-AWS-S3-001",
		"key": "aws_s3_bucket.x",
		"path": "policy.Statement[0]",
		"message": "bucket policy allows any principal with no condition",
	}}
}

test_any_aws_principal_is_denied if {
	anyone := {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::x/*"], "Principal": {"AWS": ["*"]}}
	{f.path | some f in deny_with("aws_s3_bucket", bucket([deny_http, anyone]))} == {"policy.Statement[1]"}
}

test_raw_string_forms_are_denied if {
	raw := {"bucket": "x", "policy": {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::x/*", "Principal": {"AWS": "*"}}}}
	{f.path | some f in deny_with("aws_s3_bucket", raw)} == {"policy.Statement[0]"}
}

test_condition_passes if {
	vpce := object.union(public_read, {"Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1a2b3c4d"]}}})
	count(deny_with("aws_s3_bucket", bucket([vpce, deny_http]))) == 0
}

test_named_principals_pass if {
	named := object.union(public_read, {"Principal": {"AWS": ["arn:aws:iam::111122223333:role/app"]}})
	count(deny_with("aws_s3_bucket", bucket([named]))) == 0
}

test_unknown_and_absent_values_pass if {
	count(deny_with("aws_s3_bucket", {"bucket": "x", "policy": {"__unknown": true}})) == 0
	count(deny_with("aws_s3_bucket", {"bucket": "x", "policy": null})) == 0
	count(deny_with("aws_s3_bucket", {"bucket": "x"})) == 0
	count(deny_with("aws_s3_bucket", bucket([object.union(public_read, {"Principal": {"__unknown": true}})]))) == 0
}

test_other_types_are_not_read if {
	count(deny_with("aws_kms_key", bucket([public_read]))) == 0
	count(deny_with("aws_s3_bucket_policy", bucket([public_read]))) == 0
}
