package driftwarden.rules.aws.cloudfront.viewer_protocol_test

import data.driftwarden.rules.aws.cloudfront.viewer_protocol
import rego.v1

distribution(origin, attributes) := {"key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "type": "aws_cloudfront_distribution", "id": "E2QWRUHAPOMQZL", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := viewer_protocol.deny with input as {"resources": {"aws_cloudfront_distribution": [r]}}
}

behavior(policy) := {"target_origin_id": "site", "viewer_protocol_policy": policy}

message := "cache behavior allows viewers over plain HTTP (allow-all)"

test_default_behavior_allow_all_is_denied if {
	findings(distribution("declared", {"default_cache_behavior": [behavior("allow-all")]})) == {{"ruleId": "DW-AWS-CLOUDFRONT-001", "key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "path": "default_cache_behavior[0].viewer_protocol_policy", "message": message}}
}

test_ordered_behavior_allow_all_is_denied if {
	attributes := {
		"default_cache_behavior": [behavior("redirect-to-https")],
		"ordered_cache_behavior": [behavior("https-only"), behavior("allow-all")],
	}
	{f.path | some f in findings(distribution("live", attributes))} == {"ordered_cache_behavior[1].viewer_protocol_policy"}
}

test_every_allow_all_behavior_is_denied if {
	attributes := {
		"default_cache_behavior": [behavior("allow-all")],
		"ordered_cache_behavior": [behavior("allow-all")],
	}
	count(findings(distribution("declared", attributes))) == 2
}

test_object_form_is_denied if {
	{f.path | some f in findings(distribution("live", {"default_cache_behavior": behavior("allow-all")}))} == {"default_cache_behavior.viewer_protocol_policy"}
}

test_https_behaviors_pass if {
	attributes := {
		"default_cache_behavior": [behavior("redirect-to-https")],
		"ordered_cache_behavior": [behavior("https-only")],
	}
	count(findings(distribution("declared", attributes))) == 0
}

test_unknown_policy_passes if {
	count(findings(distribution("declared", {"default_cache_behavior": [behavior({"__unknown": true})]}))) == 0
	count(findings(distribution("declared", {"default_cache_behavior": {"__unknown": true}, "ordered_cache_behavior": [{"__unknown": true}]}))) == 0
}

test_live_distribution_without_attribute_passes if {
	count(findings(distribution("live", {"enabled": true}))) == 0
	count(findings(distribution("live", {"default_cache_behavior": [{"target_origin_id": "site"}]}))) == 0
}
