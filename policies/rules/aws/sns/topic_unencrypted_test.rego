package driftwarden.rules.aws.sns.topic_unencrypted_test

import data.driftwarden.rules.aws.sns.topic_unencrypted
import rego.v1

arn := "arn:aws:sns:eu-west-1:111122223333:alerts"

topic(origin, attributes) := {"key": sprintf("aws_sns_topic.%s", [arn]), "type": "aws_sns_topic", "id": arn, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := topic_unencrypted.deny with input as {"resources": {"aws_sns_topic": [r]}}
}

test_declared_topic_without_key_is_denied if {
	findings(topic("declared", {"name": "alerts"})) == {{"ruleId": "DW-AWS-SNS-001", "key": "aws_sns_topic.arn:aws:sns:eu-west-1:111122223333:alerts", "path": "kms_master_key_id", "message": "topic has no KMS key for server-side encryption"}}
}

test_null_key_is_denied if {
	count(findings(topic("live", {"kms_master_key_id": null}))) == 1
	count(findings(topic("declared", {"kms_master_key_id": ""}))) == 1
}

test_topic_with_key_passes if {
	count(findings(topic("declared", {"kms_master_key_id": "alias/aws/sns"}))) == 0
	count(findings(topic("live", {"kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unknown_key_passes if {
	count(findings(topic("declared", {"kms_master_key_id": {"__unknown": true}}))) == 0
}

test_live_topic_without_attribute_passes if {
	count(findings(topic("live", {"name": "alerts"}))) == 0
}
