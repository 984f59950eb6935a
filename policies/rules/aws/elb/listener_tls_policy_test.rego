package driftwarden.rules.aws.elb.listener_tls_policy_test

import data.driftwarden.rules.aws.elb.listener_tls_policy
import rego.v1

arn := "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/50dc6c495c0c9188/0467ef3c8400ae65"

listener(origin, attributes) := {"key": sprintf("aws_lb_listener.%s", [arn]), "type": "aws_lb_listener", "id": arn, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := listener_tls_policy.deny with input as {"resources": {"aws_lb_listener": [r]}}
}

test_legacy_policy_is_denied if {
	findings(listener("declared", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"})) == {{"ruleId": "DW-AWS-ELB-002", "key": sprintf("aws_lb_listener.%s", [arn]), "path": "ssl_policy", "message": "listener security policy ELBSecurityPolicy-2016-08 allows TLS older than 1.2"}}
}

test_every_legacy_policy_is_denied if {
	every policy in listener_tls_policy.legacy_tls_policies {
		count(findings(listener("live", {"protocol": "TLS", "ssl_policy": policy}))) == 1
	}
}

test_modern_policies_pass if {
	count(findings(listener("declared", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}))) == 0
	count(findings(listener("live", {"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-3-2021-06"}))) == 0
	count(findings(listener("live", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"}))) == 0
}

test_plain_protocols_are_not_judged if {
	count(findings(listener("declared", {"protocol": "HTTP", "ssl_policy": "ELBSecurityPolicy-2016-08"}))) == 0
	count(findings(listener("declared", {"protocol": "TCP", "ssl_policy": "ELBSecurityPolicy-2016-08"}))) == 0
}

test_unknown_policy_passes if {
	count(findings(listener("declared", {"protocol": "HTTPS", "ssl_policy": {"__unknown": true}}))) == 0
	count(findings(listener("declared", {"protocol": {"__unknown": true}, "ssl_policy": "ELBSecurityPolicy-2016-08"}))) == 0
}

test_live_listener_without_attribute_passes if {
	count(findings(listener("live", {"protocol": "HTTPS"}))) == 0
}
