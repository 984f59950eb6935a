package driftwarden.rules.aws.cloudtrail.trail_no_kms_test

import data.driftwarden.rules.aws.cloudtrail.trail_no_kms
import rego.v1

trail(origin, attributes) := {"key": "aws_cloudtrail.main", "type": "aws_cloudtrail", "id": "main", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := trail_no_kms.deny with input as {"resources": {"aws_cloudtrail": [r]}}
}

test_trail_without_key_is_denied if {
	findings(trail("declared", {"name": "main", "kms_key_id": null})) == {{"ruleId": "DW-AWS-CLOUDTRAIL-001", "key": "aws_cloudtrail.main", "path": "kms_key_id", "message": "trail log files are not encrypted with a KMS key"}}
}

test_declared_trail_without_attribute_is_denied if {
	count(findings(trail("declared", {"name": "main"}))) == 1
}

test_live_trail_without_key_is_denied if {
	count(findings(trail("live", {"kms_key_id": null}))) == 1
}

test_trail_with_key_passes if {
	count(findings(trail("declared", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_key_passes if {
	count(findings(trail("declared", {"kms_key_id": {"__unknown": true}}))) == 0
}

test_live_trail_without_attribute_passes if {
	count(findings(trail("live", {"name": "main"}))) == 0
}
