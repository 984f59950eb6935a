package driftwarden.rules.aws.efs.file_system_unencrypted_test

import data.driftwarden.rules.aws.efs.file_system_unencrypted
import rego.v1

res(origin, attributes) := {"key": "aws_efs_file_system.fs-0123456789abcdef0", "type": "aws_efs_file_system", "id": "fs-0123456789abcdef0", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := file_system_unencrypted.deny with input as {"resources": {"aws_efs_file_system": [r]}}
}

test_encrypted_false_is_denied if {
	findings(res("declared", {"encrypted": false})) == {{"ruleId": "DW-AWS-EFS-001", "key": "aws_efs_file_system.fs-0123456789abcdef0", "path": "encrypted", "message": "file system is not encrypted at rest"}}
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
	f := file_system_unencrypted.deny with input as {"resources": {"aws_other": [{"key": "aws_other.fs-0123456789abcdef0", "type": "aws_other", "id": "fs-0123456789abcdef0", "origin": "declared", "attributes": {"encrypted": false}}]}}
	count(f) == 0
}
