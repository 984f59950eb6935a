package driftwarden.rules.aws.sns.topic_no_cmk_test

import data.driftwarden.rules.aws.sns.topic_no_cmk
import rego.v1

url := "arn:aws:sns:eu-west-1:111122223333:alerts"

topic(origin, attributes) := {"key": sprintf("aws_sns_topic.%s", [url]), "type": "aws_sns_topic", "id": url, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := topic_no_cmk.deny with input as {"resources": {"aws_sns_topic": [r]}}
}

messages(r) := {f.message | some f in findings(r)}

no_key := "topic has no KMS key, so it is not encrypted with a customer-managed KMS key"

test_declared_topic_without_key_is_denied if {
	findings(topic("declared", {"name": "alerts"})) == {{"ruleId": "DW-AWS-SNS-002", "key": "aws_sns_topic.arn:aws:sns:eu-west-1:111122223333:alerts", "path": "kms_master_key_id", "message": no_key}}
}

test_empty_key_is_denied if {
	messages(topic("live", {"kms_master_key_id": null})) == {no_key}
	messages(topic("declared", {"kms_master_key_id": ""})) == {no_key}
}

test_aws_managed_key_is_denied if {
	messages(topic("declared", {"kms_master_key_id": "alias/aws/sns"})) == {"topic is encrypted with the AWS-managed key alias/aws/sns, not a customer-managed KMS key"}
	messages(topic("live", {"kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns"})) == {"topic is encrypted with the AWS-managed key arn:aws:kms:eu-west-1:111122223333:alias/aws/sns, not a customer-managed KMS key"}
}

test_customer_managed_key_passes if {
	count(findings(topic("declared", {"kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
	count(findings(topic("live", {"kms_master_key_id": "alias/alerts-topic"}))) == 0
	count(findings(topic("declared", {"kms_master_key_id": "alias/aws-sns-lookalike"}))) == 0
}

test_unknown_key_passes if {
	count(findings(topic("declared", {"kms_master_key_id": {"__unknown": true}}))) == 0
}

test_live_topic_without_attribute_passes if {
	count(findings(topic("live", {"name": "alerts"}))) == 0
}
