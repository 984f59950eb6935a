package driftwarden.rules.aws.cloudfront.minimum_tls_test

import data.driftwarden.rules.aws.cloudfront.minimum_tls
import rego.v1

distribution(origin, attributes) := {"key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "type": "aws_cloudfront_distribution", "id": "E2QWRUHAPOMQZL", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := minimum_tls.deny with input as {"resources": {"aws_cloudfront_distribution": [r]}}
}

custom(version) := {"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/1", "ssl_support_method": "sni-only", "minimum_protocol_version": version}

test_old_protocol_version_is_denied if {
	findings(distribution("declared", {"viewer_certificate": [custom("TLSv1_2016")]})) == {{"ruleId": "DW-AWS-CLOUDFRONT-002", "key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "path": "viewer_certificate[0].minimum_protocol_version", "message": "viewer certificate allows TLSv1_2016, older than TLS 1.2"}}
}

test_every_old_protocol_version_is_denied if {
	every version in minimum_tls.legacy_protocol_versions {
		count(findings(distribution("live", {"viewer_certificate": [custom(version)]}))) == 1
	}
}

test_default_certificate_is_denied if {
	certificate := {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}
	findings(distribution("declared", {"viewer_certificate": [certificate]})) == {{"ruleId": "DW-AWS-CLOUDFRONT-002", "key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "path": "viewer_certificate[0].cloudfront_default_certificate", "message": "distribution uses the default CloudFront certificate, which allows TLSv1"}}
}

test_object_form_is_denied if {
	{f.path | some f in findings(distribution("live", {"viewer_certificate": custom("TLSv1")}))} == {"viewer_certificate.minimum_protocol_version"}
}

test_modern_protocol_version_passes if {
	count(findings(distribution("declared", {"viewer_certificate": [custom("TLSv1.2_2021")]}))) == 0
	count(findings(distribution("live", {"viewer_certificate": [object.union(custom("TLSv1.2_2019"), {"cloudfront_default_certificate": false})]}))) == 0
}

test_unknown_values_pass if {
	count(findings(distribution("declared", {"viewer_certificate": [custom({"__unknown": true})]}))) == 0
	count(findings(distribution("declared", {"viewer_certificate": [{"cloudfront_default_certificate": {"__unknown": true}}]}))) == 0
	count(findings(distribution("declared", {"viewer_certificate": {"__unknown": true}}))) == 0
	count(findings(distribution("declared", {"viewer_certificate": [{"__unknown": true}]}))) == 0
}

test_live_distribution_without_attribute_passes if {
	count(findings(distribution("live", {"enabled": true}))) == 0
	count(findings(distribution("live", {"viewer_certificate": [{"ssl_support_method": "sni-only"}]}))) == 0
}
