package driftwarden.rules.aws.msk.cluster_no_cmk_test

import data.driftwarden.rules.aws.msk.cluster_no_cmk
import rego.v1

cluster(origin, attributes) := {"key": "aws_msk_cluster.events", "type": "aws_msk_cluster", "id": "orders-events", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := cluster_no_cmk.deny with input as {"resources": {"aws_msk_cluster": [r]}}
}

paths(r) := {f.path | some f in findings(r)}

cmk := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

transit := [{"client_broker": "TLS", "in_cluster": true}]

test_declared_cluster_without_encryption_info_is_denied if {
	findings(cluster("declared", {"cluster_name": "orders-events"})) == {{"ruleId": "DW-AWS-MSK-001", "key": "aws_msk_cluster.events", "path": "encryption_info", "message": "cluster is encrypted at rest with the AWS-managed aws/kafka key, not a customer-managed key"}}
}

test_encryption_info_without_a_key_is_denied if {
	paths(cluster("declared", {"encryption_info": [{"encryption_in_transit": transit}]})) == {"encryption_info[0].encryption_at_rest_kms_key_arn"}
	paths(cluster("declared", {"encryption_info": [{"encryption_at_rest_kms_key_arn": null, "encryption_in_transit": transit}]})) == {"encryption_info[0].encryption_at_rest_kms_key_arn"}
	paths(cluster("live", {"encryption_info": [{"encryption_at_rest_kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/aws/kafka"}]})) == {"encryption_info[0].encryption_at_rest_kms_key_arn"}
}

test_customer_managed_key_passes if {
	count(findings(cluster("declared", {"encryption_info": [{"encryption_at_rest_kms_key_arn": cmk}]}))) == 0
	count(findings(cluster("live", {"encryption_info": [{"encryption_at_rest_kms_key_arn": cmk, "encryption_in_transit": transit}]}))) == 0
}

test_unknown_values_pass if {
	count(findings(cluster("declared", {"encryption_info": {"__unknown": true}}))) == 0
	count(findings(cluster("declared", {"encryption_info": [{"__unknown": true}]}))) == 0
	count(findings(cluster("declared", {"encryption_info": [{"encryption_at_rest_kms_key_arn": {"__unknown": true}}]}))) == 0
}

test_live_cluster_that_does_not_report_encryption_passes if {
	count(findings(cluster("live", {"cluster_name": "orders-events"}))) == 0
}
