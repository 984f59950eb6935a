package driftwarden.rules.aws.redshift.cluster_no_cmk_test

import data.driftwarden.rules.aws.redshift.cluster_no_cmk
import rego.v1

cluster(origin, attributes) := {"key": "aws_redshift_cluster.warehouse", "type": "aws_redshift_cluster", "id": "orders-warehouse", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := cluster_no_cmk.deny with input as {"resources": {"aws_redshift_cluster": [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

test_unencrypted_cluster_is_denied_once if {
	findings(cluster("declared", {"encrypted": false})) == {{"ruleId": "DW-AWS-REDSHIFT-001", "key": "aws_redshift_cluster.warehouse", "path": "encrypted", "message": "cluster is not encrypted at rest"}}
	paths(cluster("live", {"encrypted": false, "kms_key_id": null})) == {"encrypted"}
}

test_encrypted_without_a_key_is_denied if {
	findings(cluster("live", {"encrypted": true, "kms_key_id": null})) == {{"ruleId": "DW-AWS-REDSHIFT-001", "key": "aws_redshift_cluster.warehouse", "path": "kms_key_id", "message": "cluster is not encrypted with a customer-managed KMS key (no kms_key_id)"}}
	paths(cluster("declared", {"encrypted": true, "kms_key_id": ""})) == {"kms_key_id"}
}

test_declared_cluster_without_either_is_denied if {
	paths(cluster("declared", {"cluster_identifier": "orders-warehouse"})) == {"kms_key_id"}
}

test_aws_managed_alias_is_denied if {
	paths(cluster("declared", {"encrypted": true, "kms_key_id": "alias/aws/redshift"})) == {"kms_key_id"}
}

test_customer_managed_key_passes if {
	count(findings(cluster("declared", {"encrypted": true, "kms_key_id": cmk}))) == 0
	count(findings(cluster("declared", {"kms_key_id": cmk}))) == 0
	count(findings(cluster("live", {"encrypted": true, "kms_key_id": cmk}))) == 0
}

test_unknown_values_pass if {
	count(findings(cluster("declared", {"encrypted": {"__unknown": true}}))) == 0
	count(findings(cluster("declared", {"encrypted": true, "kms_key_id": {"__unknown": true}}))) == 0
}

test_live_cluster_that_does_not_report_encryption_passes if {
	count(findings(cluster("live", {"cluster_identifier": "orders-warehouse"}))) == 0
	count(findings(cluster("live", {"kms_key_id": null}))) == 0
}
