package driftwarden.rules.aws.ebs.default_kms_key_aws_managed_test

import data.driftwarden.rules.aws.ebs.default_kms_key_aws_managed
import rego.v1

default_key(attributes) := {"key": "aws_ebs_default_kms_key.this", "type": "aws_ebs_default_kms_key", "id": "k", "origin": "declared", "attributes": attributes}

findings(r) := f if {
	f := default_kms_key_aws_managed.deny with input as {"resources": {"aws_ebs_default_kms_key": [r]}}
}

alias := "arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs"

test_aws_managed_alias_is_denied if {
	findings(default_key({"key_arn": alias})) == {{"ruleId": "DW-AWS-EBS-004", "key": "aws_ebs_default_kms_key.this", "path": "key_arn", "message": sprintf("the default EBS key is the AWS-managed key %s, not a customer-managed KMS key", [alias])}}
}

test_customer_managed_key_passes if {
	count(findings(default_key({"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
	count(findings(default_key({"key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/ebs-default"}))) == 0
}

# key_arn is required: an empty one is not a setting to judge, and an unknown one may be anything.
test_empty_or_unknown_passes if {
	count(findings(default_key({}))) == 0
	count(findings(default_key({"key_arn": ""}))) == 0
	count(findings(default_key({"key_arn": {"__unknown": true}}))) == 0
}
