package driftwarden.rules.aws.secretsmanager.secret_no_cmk_test

import data.driftwarden.rules.aws.secretsmanager.secret_no_cmk
import rego.v1

secret(origin, attributes) := {"key": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret", "id": "db", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := secret_no_cmk.deny with input as {"resources": {"aws_secretsmanager_secret": [r]}}
}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

default_key := {{"ruleId": "DW-AWS-SECRETSMANAGER-001", "key": "aws_secretsmanager_secret.db", "path": "kms_key_id", "message": "secret is encrypted with the AWS-managed aws/secretsmanager key, not a customer-managed key"}}

test_declared_secret_without_key_is_denied if {
	findings(secret("declared", {"name": "orders/db"})) == default_key
	findings(secret("declared", {"name": "orders/db", "kms_key_id": ""})) == default_key
}

test_live_secret_with_the_default_key_is_denied if {
	findings(secret("live", {"name": "orders/db", "kms_key_id": null})) == default_key
}

test_aws_managed_alias_is_denied if {
	findings(secret("declared", {"kms_key_id": "alias/aws/secretsmanager"})) == {{"ruleId": "DW-AWS-SECRETSMANAGER-001", "key": "aws_secretsmanager_secret.db", "path": "kms_key_id", "message": "secret is encrypted with the AWS-managed key alias/aws/secretsmanager, not a customer-managed key"}}
	count(findings(secret("live", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager"}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(secret("declared", {"kms_key_id": cmk}))) == 0
	count(findings(secret("declared", {"kms_key_id": "alias/orders-secrets"}))) == 0
	count(findings(secret("live", {"kms_key_id": cmk}))) == 0
}

test_unknown_key_passes if {
	count(findings(secret("declared", {"kms_key_id": {"__unknown": true}}))) == 0
}

test_live_secret_that_does_not_report_a_key_passes if {
	count(findings(secret("live", {"name": "orders/db"}))) == 0
}
