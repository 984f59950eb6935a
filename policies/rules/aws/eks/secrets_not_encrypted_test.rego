package driftwarden.rules.aws.eks.secrets_not_encrypted_test

import data.driftwarden.rules.aws.eks.secrets_not_encrypted
import rego.v1

cluster(origin, attributes) := {"key": "aws_eks_cluster.main", "type": "aws_eks_cluster", "id": "main", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := secrets_not_encrypted.deny with input as {"resources": {"aws_eks_cluster": [r]}}
}

key := "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

expected := {{"ruleId": "DW-AWS-EKS-001", "key": "aws_eks_cluster.main", "path": "encryption_config", "message": "cluster does not encrypt Kubernetes secrets with a KMS key (no encryption_config for secrets)"}}

test_declared_cluster_without_encryption_config_is_denied if {
	findings(cluster("declared", {"name": "main"})) == expected
	findings(cluster("declared", {"name": "main", "encryption_config": []})) == expected
}

test_live_cluster_without_encryption_is_denied if {
	findings(cluster("live", {"name": "main", "encryption_config": null})) == expected
}

test_encryption_of_other_resources_only_is_denied if {
	findings(cluster("declared", {"encryption_config": [{"resources": ["configmaps"], "provider": [{"key_arn": key}]}]})) == expected
}

test_secrets_without_a_key_is_denied if {
	findings(cluster("declared", {"encryption_config": [{"resources": ["secrets"], "provider": []}]})) == expected
	findings(cluster("declared", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": ""}]}]})) == expected
}

test_secrets_encrypted_passes if {
	count(findings(cluster("declared", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": key}]}]}))) == 0
	count(findings(cluster("live", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": key}]}]}))) == 0
}

test_one_of_several_blocks_encrypting_secrets_passes if {
	count(findings(cluster("declared", {"encryption_config": [
		{"resources": ["configmaps"], "provider": [{"key_arn": key}]},
		{"resources": ["secrets"], "provider": [{"key_arn": key}]},
	]}))) == 0
}

test_unknown_values_pass if {
	count(findings(cluster("declared", {"encryption_config": {"__unknown": true}}))) == 0
	count(findings(cluster("declared", {"encryption_config": [{"__unknown": true}]}))) == 0
	count(findings(cluster("declared", {"encryption_config": [{"resources": {"__unknown": true}, "provider": [{"key_arn": key}]}]}))) == 0
	count(findings(cluster("declared", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": {"__unknown": true}}]}]}))) == 0
	count(findings(cluster("declared", {"encryption_config": [{"resources": [{"__unknown": true}], "provider": [{"key_arn": key}]}]}))) == 0
}

test_live_cluster_that_does_not_report_encryption_passes if {
	count(findings(cluster("live", {"name": "main"}))) == 0
}
