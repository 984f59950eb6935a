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

instance(origin, attributes) := {"key": "aws_instance.i-0a1b2c3d4e5f60789", "type": "aws_instance", "id": "i-0a1b2c3d4e5f60789", "origin": origin, "attributes": attributes}

instance_findings(r) := f if {
	f := volume_unencrypted.deny with input as {"resources": {"aws_instance": [r]}}
}

paths(f) := {x.path | some x in f}

test_instance_root_device_encrypted_false_is_denied if {
	instance_findings(instance("declared", {"root_block_device": [{"encrypted": false, "volume_size": 20}]})) == {{"ruleId": "DW-AWS-EBS-001", "key": "aws_instance.i-0a1b2c3d4e5f60789", "path": "root_block_device[0].encrypted", "message": "root block device is not encrypted"}}
}

test_instance_root_device_without_encrypted_says_the_default if {
	f := instance_findings(instance("declared", {"root_block_device": [{"volume_size": 20}]}))
	some finding in f
	finding.path == "root_block_device[0].encrypted"
	contains(finding.message, "defaults to false")
	contains(finding.message, "EBS encryption by default")
}

test_instance_several_ebs_devices_each_judged if {
	f := instance_findings(instance("declared", {
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [
			{"device_name": "/dev/sdf", "encrypted": true},
			{"device_name": "/dev/sdg", "encrypted": false},
			{"device_name": "/dev/sdh"},
		],
	}))
	paths(f) == {"ebs_block_device[1].encrypted", "ebs_block_device[2].encrypted"}
	some finding in f
	finding.path == "ebs_block_device[1].encrypted"
	finding.message == "EBS block device /dev/sdg is not encrypted"
}

test_instance_device_from_snapshot_passes if {
	count(instance_findings(instance("declared", {"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-0123456789abcdef0"}]}))) == 0
	count(instance_findings(instance("declared", {"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": false, "snapshot_id": {"__unknown": true}}]}))) == 0
}

test_instance_unknown_encrypted_passes if {
	count(instance_findings(instance("declared", {"root_block_device": [{"encrypted": {"__unknown": true}}]}))) == 0
	count(instance_findings(instance("declared", {"root_block_device": {"__unknown": true}}))) == 0
}

test_instance_without_block_devices_passes if {
	count(instance_findings(instance("declared", {"ami": "ami-0c1d2e3f4a5b60789"}))) == 0
	count(instance_findings(instance("live", {"ami": "ami-0c1d2e3f4a5b60789"}))) == 0
}

test_live_device_without_encrypted_passes if {
	count(instance_findings(instance("live", {"root_block_device": [{"volume_size": 20}]}))) == 0
}

test_launch_configuration_devices_are_judged if {
	f := volume_unencrypted.deny with input as {"resources": {"aws_launch_configuration": [{"key": "aws_launch_configuration.web", "type": "aws_launch_configuration", "id": "web", "origin": "declared", "attributes": {"root_block_device": [{"encrypted": false}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}]}}]}}
	paths(f) == {"root_block_device[0].encrypted"}
}

template(origin, mappings) := {"key": "aws_launch_template.lt-0a1b2c3d4e5f60789", "type": "aws_launch_template", "id": "lt-0a1b2c3d4e5f60789", "origin": origin, "attributes": {"block_device_mappings": mappings}}

template_findings(r) := f if {
	f := volume_unencrypted.deny with input as {"resources": {"aws_launch_template": [r]}}
}

test_launch_template_false_and_unset_are_denied if {
	f := template_findings(template("declared", [
		{"device_name": "/dev/xvda", "ebs": [{"encrypted": "false", "snapshot_id": ""}]},
		{"device_name": "/dev/sdf", "ebs": [{"encrypted": "", "snapshot_id": ""}]},
		{"device_name": "/dev/sdg", "ebs": [{"volume_size": 10}]},
		{"device_name": "/dev/sdh", "ebs": [{"encrypted": "true", "snapshot_id": ""}]},
	]))
	paths(f) == {"block_device_mappings[0].ebs[0].encrypted", "block_device_mappings[1].ebs[0].encrypted", "block_device_mappings[2].ebs[0].encrypted"}
}

test_launch_template_snapshot_suppressed_instance_store_and_unknown_pass if {
	count(template_findings(template("declared", [
		{"device_name": "/dev/sdf", "ebs": [{"encrypted": "", "snapshot_id": "snap-0123456789abcdef0"}]},
		{"device_name": "/dev/sdg", "no_device": "true", "ebs": [{"encrypted": ""}]},
		{"device_name": "/dev/sdh", "virtual_name": "ephemeral0", "ebs": []},
		{"device_name": "/dev/sdi", "ebs": [{"encrypted": {"__unknown": true}}]},
	]))) == 0
}

test_live_launch_template_unset_is_denied_absent_is_not if {
	paths(template_findings(template("live", [{"device_name": "/dev/sdf", "ebs": [{"encrypted": ""}]}]))) == {"block_device_mappings[0].ebs[0].encrypted"}
	count(template_findings(template("live", [{"device_name": "/dev/sdf", "ebs": [{"volume_size": 10}]}]))) == 0
}
