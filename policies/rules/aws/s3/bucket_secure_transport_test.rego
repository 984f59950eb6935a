package driftwarden.rules.aws.s3.bucket_secure_transport_test

import data.driftwarden.rules.aws.s3.bucket_secure_transport
import rego.v1

bucket(origin, attributes) := {"key": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "id": "logs", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := bucket_secure_transport.deny with input as {"resources": {"aws_s3_bucket": [r]}}
}

read_statement := {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}, "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::logs/*"]}

tls_statement(condition) := {
	"Effect": "Deny",
	"Principal": "*",
	"Action": ["s3:*"],
	"Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"],
	"Condition": condition,
}

deny_http := tls_statement({"Bool": {"aws:SecureTransport": ["false"]}})

test_policy_without_tls_deny_is_denied if {
	findings(bucket("declared", {"policy": {"Statement": [read_statement]}})) == {{
		"ruleId": "DW-AWS-S3-003",
		"key": "aws_s3_bucket.logs",
		"path": "policy",
		"message": "bucket policy does not deny requests over plain HTTP (aws:SecureTransport)",
	}}
}

test_declared_bucket_without_policy_is_denied if {
	findings(bucket("declared", {"bucket": "logs"})) == {{
		"ruleId": "DW-AWS-S3-003",
		"key": "aws_s3_bucket.logs",
		"path": "policy",
		"message": "bucket has no policy denying requests over plain HTTP",
	}}
}

test_null_policy_is_denied if {
	count(findings(bucket("live", {"policy": null}))) == 1
}

test_allow_on_secure_transport_false_is_denied if {
	statement := object.union(deny_http, {"Effect": "Allow"})
	count(findings(bucket("live", {"policy": {"Statement": [statement]}}))) == 1
}

test_deny_on_secure_transport_true_is_denied if {
	statement := tls_statement({"Bool": {"aws:SecureTransport": ["true"]}})
	count(findings(bucket("live", {"policy": {"Statement": [statement]}}))) == 1
}

test_tls_deny_passes if {
	count(findings(bucket("declared", {"policy": {"Statement": [read_statement, deny_http]}}))) == 0
}

test_raw_condition_forms_pass if {
	count(findings(bucket("declared", {"policy": {"Statement": [tls_statement({"Bool": {"aws:SecureTransport": "false"}})]}}))) == 0
	count(findings(bucket("declared", {"policy": {"Statement": [tls_statement({"Bool": {"aws:securetransport": false}})]}}))) == 0
	count(findings(bucket("declared", {"policy": {"Statement": tls_statement({"BoolIfExists": {"aws:SecureTransport": ["false"]}})}}))) == 0
}

test_unknown_policy_passes if {
	count(findings(bucket("declared", {"policy": {"__unknown": true}}))) == 0
}

test_unknown_statement_passes if {
	count(findings(bucket("declared", {"policy": {"Statement": [read_statement, {"__unknown": true}]}}))) == 0
}

test_unknown_condition_passes if {
	count(findings(bucket("declared", {"policy": {"Statement": [tls_statement({"__unknown": true})]}}))) == 0
	count(findings(bucket("declared", {"policy": {"Statement": [tls_statement({"Bool": {"aws:SecureTransport": {"__unknown": true}}})]}}))) == 0
}

test_unparsed_policy_string_passes if {
	count(findings(bucket("declared", {"policy": "not a policy document"}))) == 0
}

test_live_bucket_without_attribute_passes if {
	count(findings(bucket("live", {"bucket": "logs"}))) == 0
}
