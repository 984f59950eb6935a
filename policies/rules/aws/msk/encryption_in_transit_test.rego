package driftwarden.rules.aws.msk.encryption_in_transit_test

import data.driftwarden.rules.aws.msk.encryption_in_transit
import rego.v1

cluster(origin, attributes) := {"key": "aws_msk_cluster.events", "type": "aws_msk_cluster", "id": "events", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := encryption_in_transit.deny with input as {"resources": {"aws_msk_cluster": [r]}}
}

transit(client_broker, in_cluster) := {"encryption_info": [{"encryption_at_rest_kms_key_arn": "", "encryption_in_transit": [{"client_broker": client_broker, "in_cluster": in_cluster}]}]}

test_plaintext_clients_are_denied if {
	findings(cluster("declared", transit("TLS_PLAINTEXT", true))) == {{"ruleId": "DW-AWS-MSK-002", "key": "aws_msk_cluster.events", "path": "encryption_info[0].encryption_in_transit[0].client_broker", "message": "cluster accepts plaintext client connections (client_broker TLS_PLAINTEXT)"}}
	count(findings(cluster("live", transit("PLAINTEXT", true)))) == 1
}

test_in_cluster_off_is_denied if {
	findings(cluster("declared", transit("TLS", false))) == {{"ruleId": "DW-AWS-MSK-002", "key": "aws_msk_cluster.events", "path": "encryption_info[0].encryption_in_transit[0].in_cluster", "message": "traffic between the cluster's brokers is not encrypted (in_cluster is false)"}}
	count(findings(cluster("declared", transit("PLAINTEXT", false)))) == 2
}

test_tls_passes if {
	count(findings(cluster("declared", transit("TLS", true)))) == 0
}

test_defaults_pass if {
	# Left out, MSK uses TLS between clients and brokers and within the cluster.
	count(findings(cluster("declared", {"kafka_version": "3.6.0"}))) == 0
	count(findings(cluster("declared", {"encryption_info": [{"encryption_in_transit": []}]}))) == 0
}

test_unknown_values_pass if {
	count(findings(cluster("declared", {"encryption_info": {"__unknown": true}}))) == 0
	count(findings(cluster("declared", {"encryption_info": [{"encryption_in_transit": {"__unknown": true}}]}))) == 0
	count(findings(cluster("declared", transit({"__unknown": true}, {"__unknown": true})))) == 0
}
