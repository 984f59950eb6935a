package driftwarden.rules.aws.ecr.repository_no_cmk_test

import data.driftwarden.rules.aws.ecr.repository_no_cmk
import rego.v1

repository(origin, attributes) := {"key": "aws_ecr_repository.api", "type": "aws_ecr_repository", "id": "orders/api", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := repository_no_cmk.deny with input as {"resources": {"aws_ecr_repository": [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

test_declared_repository_without_block_is_denied if {
	paths(repository("declared", {"name": "orders/api"})) == {"encryption_configuration"}
}

test_aes256_is_denied if {
	findings(repository("live", {"encryption_configuration": [{"encryption_type": "AES256", "kms_key": null}]})) == {{"ruleId": "DW-AWS-ECR-001", "key": "aws_ecr_repository.api", "path": "encryption_configuration[0].encryption_type", "message": "repository is encrypted with AES256 keys that AWS manages, not a customer-managed KMS key"}}
}

test_kms_without_key_is_denied if {
	findings(repository("declared", {"encryption_configuration": [{"encryption_type": "KMS"}]})) == {{"ruleId": "DW-AWS-ECR-001", "key": "aws_ecr_repository.api", "path": "encryption_configuration[0].kms_key", "message": "repository is encrypted with the AWS-managed aws/ecr key, not a customer-managed key"}}
	paths(repository("declared", {"encryption_configuration": [{"encryption_type": "KMS_DSSE", "kms_key": ""}]})) == {"encryption_configuration[0].kms_key"}
}

test_kms_with_the_aws_managed_alias_is_denied if {
	paths(repository("declared", {"encryption_configuration": [{"encryption_type": "KMS", "kms_key": "arn:aws:kms:eu-west-1:111122223333:alias/aws/ecr"}]})) == {"encryption_configuration[0].kms_key"}
}

test_customer_managed_key_passes if {
	count(findings(repository("declared", {"encryption_configuration": [{"encryption_type": "KMS", "kms_key": cmk}]}))) == 0
	count(findings(repository("live", {"encryption_configuration": [{"encryption_type": "KMS_DSSE", "kms_key": cmk}]}))) == 0
}

test_unknown_values_pass if {
	count(findings(repository("declared", {"encryption_configuration": {"__unknown": true}}))) == 0
	count(findings(repository("declared", {"encryption_configuration": [{"__unknown": true}]}))) == 0
	count(findings(repository("declared", {"encryption_configuration": [{"encryption_type": {"__unknown": true}}]}))) == 0
	count(findings(repository("declared", {"encryption_configuration": [{"encryption_type": "KMS", "kms_key": {"__unknown": true}}]}))) == 0
}

test_live_repository_that_does_not_report_encryption_passes if {
	count(findings(repository("live", {"name": "orders/api"}))) == 0
}
