package driftwarden.rules.aws.elasticache.replication_group_at_rest_test

import data.driftwarden.rules.aws.elasticache.replication_group_at_rest
import rego.v1

group(origin, attributes) := {"key": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "id": "orders-cache", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := replication_group_at_rest.deny with input as {"resources": {"aws_elasticache_replication_group": [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

test_disabled_encryption_is_denied if {
	findings(group("declared", {"engine": "valkey", "at_rest_encryption_enabled": false})) == {{"ruleId": "DW-AWS-ELASTICACHE-001", "key": "aws_elasticache_replication_group.cache", "path": "at_rest_encryption_enabled", "message": "replication group is not encrypted at rest"}}
}

test_redis_default_is_denied if {
	findings(group("declared", {"replication_group_id": "orders-cache"})) == {{"ruleId": "DW-AWS-ELASTICACHE-001", "key": "aws_elasticache_replication_group.cache", "path": "at_rest_encryption_enabled", "message": "replication group is not encrypted at rest (at_rest_encryption_enabled defaults to false for Redis OSS)"}}
	paths(group("declared", {"engine": "Redis", "at_rest_encryption_enabled": null})) == {"at_rest_encryption_enabled"}
}

test_valkey_default_is_encrypted_without_a_customer_key if {
	findings(group("declared", {"engine": "valkey"})) == {{"ruleId": "DW-AWS-ELASTICACHE-001", "key": "aws_elasticache_replication_group.cache", "path": "kms_key_id", "message": "replication group is encrypted at rest with a key ElastiCache manages, not a customer-managed KMS key"}}
	count(findings(group("declared", {"engine": "valkey", "kms_key_id": cmk}))) == 0
}

test_encrypted_without_a_key_is_denied if {
	paths(group("declared", {"at_rest_encryption_enabled": true})) == {"kms_key_id"}
	paths(group("declared", {"at_rest_encryption_enabled": true, "kms_key_id": "alias/aws/elasticache"})) == {"kms_key_id"}
}

test_customer_managed_key_passes if {
	count(findings(group("declared", {"engine": "redis", "at_rest_encryption_enabled": true, "kms_key_id": cmk}))) == 0
}

test_unknown_values_pass if {
	count(findings(group("declared", {"at_rest_encryption_enabled": {"__unknown": true}}))) == 0
	count(findings(group("declared", {"engine": {"__unknown": true}}))) == 0
	count(findings(group("declared", {"at_rest_encryption_enabled": true, "kms_key_id": {"__unknown": true}}))) == 0
}

test_group_that_does_not_report_encryption_passes if {
	count(findings(group("live", {"replication_group_id": "orders-cache"}))) == 0
}
