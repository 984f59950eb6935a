package driftwarden.rules.aws.backup.vault_no_cmk_test

import data.driftwarden.rules.aws.backup.vault_no_cmk
import rego.v1

vault(origin, attributes) := {"key": "aws_backup_vault.orders", "type": "aws_backup_vault", "id": "orders", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := vault_no_cmk.deny with input as {"resources": {"aws_backup_vault": [r]}}
}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

expected := {{"ruleId": "DW-AWS-BACKUP-001", "key": "aws_backup_vault.orders", "path": "kms_key_arn", "message": "vault is encrypted with the AWS-managed aws/backup key, not a customer-managed key"}}

test_declared_vault_without_key_is_denied if {
	findings(vault("declared", {"name": "orders"})) == expected
	findings(vault("declared", {"name": "orders", "kms_key_arn": ""})) == expected
}

test_aws_managed_alias_is_denied if {
	count(findings(vault("declared", {"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup"}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(vault("declared", {"kms_key_arn": cmk}))) == 0
	count(findings(vault("live", {"kms_key_arn": cmk}))) == 0
}

test_unknown_key_passes if {
	count(findings(vault("declared", {"kms_key_arn": {"__unknown": true}}))) == 0
}

test_live_vault_that_does_not_report_a_key_passes if {
	count(findings(vault("live", {"name": "orders"}))) == 0
}
