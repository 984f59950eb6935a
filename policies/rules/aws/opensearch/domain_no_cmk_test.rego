package driftwarden.rules.aws.opensearch.domain_no_cmk_test

import data.driftwarden.rules.aws.opensearch.domain_no_cmk
import rego.v1

domain(type, origin, attributes) := {"key": sprintf("%s.search", [type]), "type": type, "id": "orders-search", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := domain_no_cmk.deny with input as {"resources": {r.type: [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

test_declared_domain_without_encryption_is_denied if {
	findings(domain("aws_opensearch_domain", "declared", {"domain_name": "orders-search"})) == {{"ruleId": "DW-AWS-OPENSEARCH-001", "key": "aws_opensearch_domain.search", "path": "encrypt_at_rest", "message": "domain is not encrypted at rest (no encrypt_at_rest, disabled by default)"}}
	paths(domain("aws_elasticsearch_domain", "declared", {"encrypt_at_rest": []})) == {"encrypt_at_rest"}
}

test_disabled_encryption_is_denied if {
	findings(domain("aws_elasticsearch_domain", "live", {"encrypt_at_rest": [{"enabled": false, "kms_key_id": null}]})) == {{"ruleId": "DW-AWS-OPENSEARCH-001", "key": "aws_elasticsearch_domain.search", "path": "encrypt_at_rest[0].enabled", "message": "domain is not encrypted at rest"}}
}

test_aws_managed_key_is_denied if {
	findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": true}]})) == {{"ruleId": "DW-AWS-OPENSEARCH-001", "key": "aws_opensearch_domain.search", "path": "encrypt_at_rest[0].kms_key_id", "message": "domain is encrypted at rest with the AWS-managed aws/es key, not a customer-managed key"}}
	paths(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "alias/aws/es"}]})) == {"encrypt_at_rest[0].kms_key_id"}
	paths(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": ""}]})) == {"encrypt_at_rest[0].kms_key_id"}
}

test_customer_managed_key_passes if {
	count(findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": cmk}]}))) == 0
	count(findings(domain("aws_elasticsearch_domain", "live", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": cmk}]}))) == 0
}

test_unknown_values_pass if {
	count(findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": {"__unknown": true}}))) == 0
	count(findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"__unknown": true}]}))) == 0
	count(findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": {"__unknown": true}}]}))) == 0
	count(findings(domain("aws_opensearch_domain", "declared", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": {"__unknown": true}}]}))) == 0
}

test_live_domain_that_does_not_report_encryption_passes if {
	count(findings(domain("aws_opensearch_domain", "live", {"domain_name": "orders-search"}))) == 0
}
