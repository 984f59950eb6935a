package driftwarden.rules.aws.rds.instance_unencrypted_test

import data.driftwarden.rules.aws.rds.instance_unencrypted
import rego.v1

res(origin, attributes) := {"key": "aws_db_instance.app-db", "type": "aws_db_instance", "id": "app-db", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := instance_unencrypted.deny with input as {"resources": {"aws_db_instance": [r]}}
}

test_storage_encrypted_false_is_denied if {
	findings(res("declared", {"storage_encrypted": false})) == {{"ruleId": "DW-AWS-RDS-001", "key": "aws_db_instance.app-db", "path": "storage_encrypted", "message": "database instance storage is not encrypted"}}
}

test_live_storage_encrypted_false_is_denied if {
	count(findings(res("live", {"storage_encrypted": false}))) == 1
}

test_declared_storage_encrypted_absent_is_denied if {
	count(findings(res("declared", {}))) == 1
}

test_storage_encrypted_null_is_denied if {
	count(findings(res("declared", {"storage_encrypted": null}))) == 1
}

test_storage_encrypted_true_passes if {
	count(findings(res("declared", {"storage_encrypted": true}))) == 0
	count(findings(res("live", {"storage_encrypted": true}))) == 0
}

test_unknown_storage_encrypted_passes if {
	count(findings(res("declared", {"storage_encrypted": {"__unknown": true}}))) == 0
}

test_live_without_storage_encrypted_passes if {
	count(findings(res("live", {"tags": {"env": "prod"}}))) == 0
}

test_other_types_are_not_read if {
	f := instance_unencrypted.deny with input as {"resources": {"aws_other": [{"key": "aws_other.app-db", "type": "aws_other", "id": "app-db", "origin": "declared", "attributes": {"storage_encrypted": false}}]}}
	count(f) == 0
}
