package driftwarden.rules.aws.opensearch.https_tls_policy_test

import data.driftwarden.rules.aws.opensearch.https_tls_policy
import rego.v1

domain(origin, attributes) := {"key": "aws_opensearch_domain.search", "type": "aws_opensearch_domain", "id": "search", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := https_tls_policy.deny with input as {"resources": {"aws_opensearch_domain": [r]}}
}

options(https, policy) := {"domain_endpoint_options": [{"enforce_https": https, "tls_security_policy": policy, "custom_endpoint_enabled": false}]}

test_https_not_enforced_is_denied if {
	findings(domain("declared", options(false, "Policy-Min-TLS-1-2-2019-07"))) == {{"ruleId": "DW-AWS-OPENSEARCH-003", "key": "aws_opensearch_domain.search", "path": "domain_endpoint_options[0].enforce_https", "message": "domain accepts plain HTTP (enforce_https is false)"}}
}

test_legacy_tls_policy_is_denied if {
	findings(domain("live", options(true, "Policy-Min-TLS-1-0-2019-07"))) == {{"ruleId": "DW-AWS-OPENSEARCH-003", "key": "aws_opensearch_domain.search", "path": "domain_endpoint_options[0].tls_security_policy", "message": "domain TLS security policy Policy-Min-TLS-1-0-2019-07 allows TLS older than 1.2"}}
}

test_both_are_denied if {
	count(findings(domain("declared", options(false, "Policy-Min-TLS-1-0-2019-07")))) == 2
}

test_left_out_is_denied if {
	{f.path | some f in findings(domain("declared", {"engine_version": "OpenSearch_2.13"}))} == {"domain_endpoint_options"}
	count(findings(domain("declared", {"domain_endpoint_options": []}))) == 1
}

test_https_with_tls_1_2_passes if {
	count(findings(domain("declared", options(true, "Policy-Min-TLS-1-2-2019-07")))) == 0
	count(findings(domain("declared", options(true, "Policy-Min-TLS-1-2-PFS-2023-10")))) == 0
}

test_policy_left_to_the_service_is_not_judged if {
	count(findings(domain("declared", options(true, null)))) == 0
}

test_unknown_values_pass if {
	count(findings(domain("declared", {"domain_endpoint_options": {"__unknown": true}}))) == 0
	count(findings(domain("declared", {"domain_endpoint_options": [{"__unknown": true}]}))) == 0
	count(findings(domain("declared", options({"__unknown": true}, {"__unknown": true})))) == 0
}

test_live_domain_without_attribute_passes if {
	count(findings(domain("live", {"engine_version": "OpenSearch_2.13"}))) == 0
}

test_elasticsearch_domain_is_judged if {
	es := {"key": "aws_elasticsearch_domain.search", "type": "aws_elasticsearch_domain", "id": "search", "origin": "declared", "attributes": options(true, "Policy-Min-TLS-1-0-2019-07")}
	found := https_tls_policy.deny with input as {"resources": {"aws_elasticsearch_domain": [es]}}
	count(found) == 1
}
