package driftwarden.rules.aws.ebs.volume_no_cmk_test

import data.driftwarden.rules.aws.ebs.volume_no_cmk
import rego.v1

volume(origin, attributes) := {"key": "aws_ebs_volume.vol-1", "type": "aws_ebs_volume", "id": "vol-1", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := volume_no_cmk.deny with input as {"resources": {"aws_ebs_volume": [r]}}
}

messages(r) := {f.message | some f in findings(r)}

no_key := "volume has no KMS key id, so it is encrypted with the account's default EBS key (alias/aws/ebs unless changed), not a customer-managed KMS key"

test_encrypted_volume_without_key_is_denied if {
	findings(volume("declared", {"encrypted": true})) == {{"ruleId": "DW-AWS-EBS-002", "key": "aws_ebs_volume.vol-1", "path": "kms_key_id", "message": no_key}}
	messages(volume("live", {"encrypted": true, "kms_key_id": null})) == {no_key}
	messages(volume("declared", {"encrypted": true, "kms_key_id": ""})) == {no_key}
}

test_aws_managed_alias_is_denied if {
	messages(volume("declared", {"encrypted": true, "kms_key_id": "alias/aws/ebs"})) == {"volume is encrypted with the AWS-managed key alias/aws/ebs, not a customer-managed KMS key"}
	count(findings(volume("declared", {"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs"}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(volume("declared", {"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
	count(findings(volume("live", {"encrypted": true, "kms_key_id": "alias/ebs-data"}))) == 0
}

# Unencrypted volumes are DW-AWS-EBS-001's; an unknown flag or key is not judged.
test_unencrypted_or_unknown_passes if {
	count(findings(volume("declared", {"encrypted": false}))) == 0
	count(findings(volume("declared", {"size": 10}))) == 0
	count(findings(volume("declared", {"encrypted": {"__unknown": true}}))) == 0
	count(findings(volume("declared", {"encrypted": true, "kms_key_id": {"__unknown": true}}))) == 0
}

test_live_volume_without_key_attribute_passes if {
	count(findings(volume("live", {"encrypted": true}))) == 0
}
