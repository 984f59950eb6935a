package driftwarden.rules.aws.cloudfront.origin_protocol_test

import data.driftwarden.rules.aws.cloudfront.origin_protocol
import rego.v1

distribution(origin, attributes) := {"key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "type": "aws_cloudfront_distribution", "id": "E2QWRUHAPOMQZL", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := origin_protocol.deny with input as {"resources": {"aws_cloudfront_distribution": [r]}}
}

custom(id, policy, protocols) := {"origin_id": id, "domain_name": sprintf("%s.example.com", [id]), "custom_origin_config": [{"http_port": 80, "https_port": 443, "origin_protocol_policy": policy, "origin_ssl_protocols": protocols}]}

s3 := {"origin_id": "assets", "domain_name": "assets.s3.eu-west-1.amazonaws.com", "s3_origin_config": [{"origin_access_identity": ""}], "custom_origin_config": []}

behavior(target, policy) := {"target_origin_id": target, "viewer_protocol_policy": policy}

test_http_only_origin_is_denied if {
	findings(distribution("declared", {"origin": [custom("app", "http-only", ["TLSv1.2"])]})) == {{"ruleId": "DW-AWS-CLOUDFRONT-003", "key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "path": "origin[0].custom_origin_config[0].origin_protocol_policy", "message": "CloudFront reaches origin app over plain HTTP (http-only)"}}
}

test_old_ssl_protocols_are_denied if {
	findings(distribution("declared", {"origin": [custom("app", "https-only", ["TLSv1", "TLSv1.1", "TLSv1.2"])]})) == {{"ruleId": "DW-AWS-CLOUDFRONT-003", "key": "aws_cloudfront_distribution.E2QWRUHAPOMQZL", "path": "origin[0].custom_origin_config[0].origin_ssl_protocols", "message": "CloudFront may reach origin app with TLSv1, TLSv1.1, older than TLS 1.2"}}
	count(findings(distribution("live", {"origin": [custom("app", "https-only", ["SSLv3"])]}))) == 1
}

test_match_viewer_with_allow_all_behavior_is_denied if {
	attributes := {
		"origin": [custom("app", "match-viewer", ["TLSv1.2"]), custom("api", "match-viewer", ["TLSv1.2"])],
		"default_cache_behavior": [behavior("app", "redirect-to-https")],
		"ordered_cache_behavior": [behavior("api", "allow-all")],
	}
	{f.path | some f in findings(distribution("declared", attributes))} == {"origin[1].custom_origin_config[0].origin_protocol_policy"}
}

test_match_viewer_with_https_viewers_passes if {
	attributes := {"origin": [custom("app", "match-viewer", ["TLSv1.2"])], "default_cache_behavior": [behavior("app", "https-only")]}
	count(findings(distribution("declared", attributes))) == 0
}

test_https_only_and_s3_origins_pass if {
	count(findings(distribution("declared", {"origin": [custom("app", "https-only", ["TLSv1.2"]), s3]}))) == 0
}

test_http_only_origin_is_not_also_judged_for_protocols if {
	count(findings(distribution("declared", {"origin": [custom("app", "http-only", ["TLSv1", "TLSv1.2"])]}))) == 1
}

test_object_form_is_denied if {
	origin := {"origin_id": "app", "custom_origin_config": {"origin_protocol_policy": "http-only"}}
	{f.path | some f in findings(distribution("live", {"origin": origin}))} == {"origin.custom_origin_config.origin_protocol_policy"}
}

test_unknown_values_pass if {
	count(findings(distribution("declared", {"origin": {"__unknown": true}}))) == 0
	count(findings(distribution("declared", {"origin": [{"__unknown": true}]}))) == 0
	count(findings(distribution("declared", {"origin": [{"origin_id": "app", "custom_origin_config": [{"__unknown": true}]}]}))) == 0
	count(findings(distribution("declared", {"origin": [custom("app", {"__unknown": true}, {"__unknown": true})]}))) == 0
	count(findings(distribution("declared", {"origin": [custom("app", "https-only", [{"__unknown": true}])]}))) == 0
}

test_live_distribution_without_origins_passes if {
	count(findings(distribution("live", {"enabled": true}))) == 0
}
