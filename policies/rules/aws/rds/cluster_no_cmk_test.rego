package driftwarden.rules.aws.rds.cluster_no_cmk_test

import data.driftwarden.rules.aws.rds.cluster_no_cmk
import rego.v1

db(origin, attributes) := {"key": "aws_rds_cluster.orders", "type": "aws_rds_cluster", "id": "orders", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := cluster_no_cmk.deny with input as {"resources": {"aws_rds_cluster": [r]}}
}

messages(r) := {f.message | some f in findings(r)}

no_key := "DB cluster storage has no KMS key id, so it is encrypted with the AWS-managed key alias/aws/rds, not a customer-managed KMS key"

test_encrypted_without_key_is_denied if {
	findings(db("declared", {"storage_encrypted": true})) == {{"ruleId": "DW-AWS-RDS-004", "key": "aws_rds_cluster.orders", "path": "kms_key_id", "message": no_key}}
	messages(db("live", {"storage_encrypted": true, "kms_key_id": null})) == {no_key}
	messages(db("declared", {"storage_encrypted": true, "kms_key_id": ""})) == {no_key}
}

test_aws_managed_alias_is_denied if {
	messages(db("declared", {"storage_encrypted": true, "kms_key_id": "alias/aws/rds"})) == {"DB cluster storage is encrypted with the AWS-managed key alias/aws/rds, not a customer-managed KMS key"}
	count(findings(db("declared", {"storage_encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"}))) == 1
}

test_customer_managed_key_passes if {
	count(findings(db("declared", {"storage_encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"}))) == 0
	count(findings(db("live", {"storage_encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"}))) == 0
}

test_unencrypted_or_unknown_passes if {
	count(findings(db("declared", {"storage_encrypted": false}))) == 0
	count(findings(db("declared", {"engine": "postgres"}))) == 0
	count(findings(db("declared", {"storage_encrypted": {"__unknown": true}}))) == 0
	count(findings(db("declared", {"storage_encrypted": true, "kms_key_id": {"__unknown": true}}))) == 0
}

test_live_without_key_attribute_passes if {
	count(findings(db("live", {"storage_encrypted": true}))) == 0
}
