package driftwarden.rules.aws.ebs.encryption_by_default_disabled_test

import data.driftwarden.rules.aws.ebs.encryption_by_default_disabled
import rego.v1

setting(attributes) := {"key": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "id": "terraform-1", "origin": "declared", "attributes": attributes}

findings(r) := f if {
	f := encryption_by_default_disabled.deny with input as {"resources": {"aws_ebs_encryption_by_default": [r]}}
}

test_turned_off_is_denied if {
	findings(setting({"enabled": false})) == {{"ruleId": "DW-AWS-EBS-003", "key": "aws_ebs_encryption_by_default.this", "path": "enabled", "message": "EBS encryption by default is turned off, so new volumes are encrypted only when they ask to be"}}
}

# enabled defaults to true.
test_turned_on_or_left_at_default_passes if {
	count(findings(setting({"enabled": true}))) == 0
	count(findings(setting({}))) == 0
	count(findings(setting({"enabled": null}))) == 0
}

test_unknown_passes if {
	count(findings(setting({"enabled": {"__unknown": true}}))) == 0
}
