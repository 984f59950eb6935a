package driftwarden.rules.aws.elb.listener_http_test

import data.driftwarden.rules.aws.elb.listener_http
import rego.v1

arn := "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2"

listener(origin, attributes) := {"key": sprintf("aws_lb_listener.%s", [arn]), "type": "aws_lb_listener", "id": arn, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := listener_http.deny with input as {"resources": {"aws_lb_listener": [r]}}
}

forward := {"type": "forward", "order": 1, "target_group_arn": "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"}

redirect(protocol) := {"type": "redirect", "order": 1, "redirect": [{"protocol": protocol, "port": "443", "status_code": "HTTP_301"}]}

test_http_forward_is_denied if {
	findings(listener("declared", {"protocol": "HTTP", "port": 80, "default_action": [forward]})) == {{"ruleId": "DW-AWS-ELB-001", "key": sprintf("aws_lb_listener.%s", [arn]), "path": "protocol", "message": "listener serves plain HTTP and does not redirect to HTTPS"}}
}

test_live_http_forward_is_denied if {
	count(findings(listener("live", {"protocol": "HTTP", "default_action": [forward]}))) == 1
}

test_redirect_to_same_protocol_is_denied if {
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [redirect("#{protocol}")]}))) == 1
}

test_fixed_response_is_denied if {
	action := {"type": "fixed-response", "fixed_response": [{"content_type": "text/plain", "status_code": "200"}]}
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [action]}))) == 1
}

test_declared_listener_without_actions_is_denied if {
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": null}))) == 1
}

test_redirect_to_https_passes if {
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [redirect("HTTPS")]}))) == 0
	count(findings(listener("live", {"protocol": "HTTP", "default_action": [redirect("HTTPS")]}))) == 0
}

test_redirect_object_form_passes if {
	action := {"type": "redirect", "redirect": {"protocol": "HTTPS"}}
	count(findings(listener("live", {"protocol": "HTTP", "default_action": action}))) == 0
}

test_https_listener_passes if {
	count(findings(listener("declared", {"protocol": "HTTPS", "default_action": [forward]}))) == 0
}

test_unknown_protocol_passes if {
	count(findings(listener("declared", {"protocol": {"__unknown": true}, "default_action": [forward]}))) == 0
}

test_unknown_actions_pass if {
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": {"__unknown": true}}))) == 0
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [{"__unknown": true}]}))) == 0
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [{"type": {"__unknown": true}}]}))) == 0
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": {"__unknown": true}}]}))) == 0
	count(findings(listener("declared", {"protocol": "HTTP", "default_action": [redirect({"__unknown": true})]}))) == 0
}

test_live_listener_without_attributes_passes if {
	count(findings(listener("live", {"port": 80, "default_action": [forward]}))) == 0
	count(findings(listener("live", {"protocol": "HTTP"}))) == 0
}

classic(origin, attributes) := {"key": "aws_elb.web", "type": "aws_elb", "id": "web", "origin": origin, "attributes": attributes}

classic_findings(r) := f if {
	f := listener_http.deny with input as {"resources": {"aws_elb": [r]}}
}

classic_listener(protocol, port) := {"lb_protocol": protocol, "lb_port": port, "instance_protocol": "http", "instance_port": 8080, "ssl_certificate_id": ""}

test_classic_http_listener_is_denied if {
	classic_findings(classic("declared", {"listener": [classic_listener("https", 443), classic_listener("http", 80)]})) == {{"ruleId": "DW-AWS-ELB-001", "key": "aws_elb.web", "path": "listener", "message": "internet-facing classic load balancer serves plain HTTP on port 80"}}
	count(classic_findings(classic("live", {"internal": false, "listener": [classic_listener("HTTP", 8080)]}))) == 1
}

test_classic_http_listeners_each_denied if {
	count(classic_findings(classic("declared", {"internal": false, "listener": [classic_listener("http", 80), classic_listener("http", 8080)]}))) == 2
}

test_classic_internal_or_encrypted_passes if {
	count(classic_findings(classic("declared", {"internal": true, "listener": [classic_listener("http", 80)]}))) == 0
	count(classic_findings(classic("declared", {"listener": [classic_listener("https", 443), classic_listener("ssl", 8443)]}))) == 0
}

test_classic_tcp_listener_is_not_judged if {
	count(classic_findings(classic("declared", {"listener": [classic_listener("tcp", 443)]}))) == 0
}

test_classic_unknown_values_pass if {
	count(classic_findings(classic("declared", {"internal": {"__unknown": true}, "listener": [classic_listener("http", 80)]}))) == 0
	count(classic_findings(classic("declared", {"listener": {"__unknown": true}}))) == 0
	count(classic_findings(classic("declared", {"listener": [{"__unknown": true}]}))) == 0
	count(classic_findings(classic("declared", {"listener": [classic_listener({"__unknown": true}, 80)]}))) == 0
}

test_classic_live_without_scheme_passes if {
	count(classic_findings(classic("live", {"listener": [classic_listener("http", 80)]}))) == 0
}
