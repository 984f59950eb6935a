package driftwarden.rules.aws.opensearch.node_to_node_encryption_test

import data.driftwarden.rules.aws.opensearch.node_to_node_encryption
import rego.v1

domain(origin, attributes) := {"key": "aws_opensearch_domain.search", "type": "aws_opensearch_domain", "id": "search", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := node_to_node_encryption.deny with input as {"resources": {"aws_opensearch_domain": [r]}}
}

test_disabled_is_denied if {
	findings(domain("declared", {"engine_version": "OpenSearch_2.13", "node_to_node_encryption": [{"enabled": false}]})) == {{"ruleId": "DW-AWS-OPENSEARCH-002", "key": "aws_opensearch_domain.search", "path": "node_to_node_encryption[0].enabled", "message": "node-to-node encryption is disabled"}}
	count(findings(domain("live", {"node_to_node_encryption": [{"enabled": false}]}))) == 1
}

test_left_out_is_denied if {
	findings(domain("declared", {"engine_version": "OpenSearch_2.13"})) == {{"ruleId": "DW-AWS-OPENSEARCH-002", "key": "aws_opensearch_domain.search", "path": "node_to_node_encryption", "message": "domain does not set node_to_node_encryption, so traffic between its nodes is not encrypted"}}
	count(findings(domain("declared", {"node_to_node_encryption": []}))) == 1
}

test_enabled_passes if {
	count(findings(domain("declared", {"node_to_node_encryption": [{"enabled": true}]}))) == 0
}

test_old_elasticsearch_is_not_judged if {
	count(findings(domain("declared", {"engine_version": "Elasticsearch_5.6"}))) == 0
	count(findings(domain("declared", {"engine_version": "Elasticsearch_7.10"}))) == 1
}

test_unknown_values_pass if {
	count(findings(domain("declared", {"node_to_node_encryption": {"__unknown": true}}))) == 0
	count(findings(domain("declared", {"node_to_node_encryption": [{"__unknown": true}]}))) == 0
	count(findings(domain("declared", {"node_to_node_encryption": [{"enabled": {"__unknown": true}}]}))) == 0
}

test_live_domain_without_attribute_passes if {
	count(findings(domain("live", {"engine_version": "OpenSearch_2.13"}))) == 0
}

test_elasticsearch_domain_is_judged if {
	es := {"key": "aws_elasticsearch_domain.search", "type": "aws_elasticsearch_domain", "id": "search", "origin": "declared", "attributes": {"elasticsearch_version": "7.10", "node_to_node_encryption": [{"enabled": false}]}}
	found := node_to_node_encryption.deny with input as {"resources": {"aws_elasticsearch_domain": [es]}}
	count(found) == 1
	old := object.union(es, {"attributes": {"elasticsearch_version": "5.6"}})
	old_found := node_to_node_encryption.deny with input as {"resources": {"aws_elasticsearch_domain": [old]}}
	count(old_found) == 0
}
