package driftwarden.rules.aws.elasticache.transit_encryption_test

import data.driftwarden.rules.aws.elasticache.transit_encryption
import rego.v1

group(origin, attributes) := {"key": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "id": "cache", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := transit_encryption.deny with input as {"resources": {"aws_elasticache_replication_group": [r]}}
}

test_disabled_is_denied if {
	findings(group("declared", {"transit_encryption_enabled": false})) == {{"ruleId": "DW-AWS-ELASTICACHE-002", "key": "aws_elasticache_replication_group.cache", "path": "transit_encryption_enabled", "message": "replication group does not encrypt connections in transit"}}
	count(findings(group("live", {"transit_encryption_enabled": false}))) == 1
}

test_left_out_is_denied if {
	count(findings(group("declared", {"engine": "redis"}))) == 1
	count(findings(group("declared", {"transit_encryption_enabled": null}))) == 1
}

test_preferred_mode_is_denied if {
	findings(group("declared", {"transit_encryption_enabled": true, "transit_encryption_mode": "preferred"})) == {{"ruleId": "DW-AWS-ELASTICACHE-002", "key": "aws_elasticache_replication_group.cache", "path": "transit_encryption_mode", "message": "replication group accepts unencrypted connections too (transit_encryption_mode preferred)"}}
}

test_required_passes if {
	count(findings(group("declared", {"transit_encryption_enabled": true, "transit_encryption_mode": "required"}))) == 0
	count(findings(group("declared", {"transit_encryption_enabled": true}))) == 0
}

test_unknown_values_pass if {
	count(findings(group("declared", {"transit_encryption_enabled": {"__unknown": true}}))) == 0
	count(findings(group("declared", {"transit_encryption_enabled": true, "transit_encryption_mode": {"__unknown": true}}))) == 0
}

test_live_group_without_attribute_passes if {
	count(findings(group("live", {"engine": "redis"}))) == 0
}
