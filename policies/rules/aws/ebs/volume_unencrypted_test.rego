package driftwarden.rules.aws.ebs.volume_unencrypted_test

import data.driftwarden.rules.aws.ebs.volume_unencrypted
import rego.v1

res(origin, attributes) := {"key": "aws_ebs_volume.vol-0a1b2c3d4e5f60718", "type": "aws_ebs_volume", "id": "vol-0a1b2c3d4e5f60718", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := volume_unencrypted.deny with input as {"resources": {"aws_ebs_volume": [r]}}
}

test_encrypted_false_is_denied if {
	findings(res("declared", {"encrypted": false})) == {{"ruleId": "DW-AWS-EBS-001", "key": "aws_ebs_volume.vol-0a1b2c3d4e5f60718", "path": "encrypted", "message": "volume is not encrypted"}}
}

test_live_encrypted_false_is_denied if {
	count(findings(res("live", {"encrypted": false}))) == 1
}

test_declared_encrypted_absent_is_denied if {
	count(findings(res("declared", {}))) == 1
}

test_encrypted_null_is_denied if {
	count(findings(res("declared", {"encrypted": null}))) == 1
}

test_encrypted_true_passes if {
	count(findings(res("declared", {"encrypted": true}))) == 0
	count(findings(res("live", {"encrypted": true}))) == 0
}

test_unknown_encrypted_passes if {
	count(findings(res("declared", {"encrypted": {"__unknown": true}}))) == 0
}

test_live_without_encrypted_passes if {
	count(findings(res("live", {"tags": {"env": "prod"}}))) == 0
}

test_other_types_are_not_read if {
	f := volume_unencrypted.deny with input as {"resources": {"aws_other": [{"key": "aws_other.vol-0a1b2c3d4e5f60718", "type": "aws_other", "id": "vol-0a1b2c3d4e5f60718", "origin": "declared", "attributes": {"encrypted": false}}]}}
	count(f) == 0
}
