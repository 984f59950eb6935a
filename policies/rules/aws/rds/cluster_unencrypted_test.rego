package driftwarden.rules.aws.rds.cluster_unencrypted_test

import data.driftwarden.rules.aws.rds.cluster_unencrypted
import rego.v1

res(origin, attributes) := {"key": "aws_rds_cluster.app-cluster", "type": "aws_rds_cluster", "id": "app-cluster", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := cluster_unencrypted.deny with input as {"resources": {"aws_rds_cluster": [r]}}
}

test_storage_encrypted_false_is_denied if {
	findings(res("declared", {"storage_encrypted": false})) == {{"ruleId": "DW-AWS-RDS-002", "key": "aws_rds_cluster.app-cluster", "path": "storage_encrypted", "message": "database cluster storage is not encrypted"}}
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
	f := cluster_unencrypted.deny with input as {"resources": {"aws_other": [{"key": "aws_other.app-cluster", "type": "aws_other", "id": "app-cluster", "origin": "declared", "attributes": {"storage_encrypted": false}}]}}
	count(f) == 0
}
