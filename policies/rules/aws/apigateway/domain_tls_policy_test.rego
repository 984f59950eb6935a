package driftwarden.rules.aws.apigateway.domain_tls_policy_test

import data.driftwarden.rules.aws.apigateway.domain_tls_policy
import rego.v1

rest(origin, attributes) := {"key": "aws_api_gateway_domain_name.api.example.com", "type": "aws_api_gateway_domain_name", "id": "api.example.com", "origin": origin, "attributes": attributes}

http(origin, attributes) := {"key": "aws_apigatewayv2_domain_name.ws.example.com", "type": "aws_apigatewayv2_domain_name", "id": "ws.example.com", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := domain_tls_policy.deny with input as {"resources": {r.type: [r]}}
}

config(policy) := {"certificate_arn": "arn:aws:acm:eu-west-1:111122223333:certificate/1", "endpoint_type": "REGIONAL", "security_policy": policy}

test_rest_domain_tls_1_0_is_denied if {
	findings(rest("declared", {"security_policy": "TLS_1_0"})) == {{"ruleId": "DW-AWS-APIGATEWAY-001", "key": "aws_api_gateway_domain_name.api.example.com", "path": "security_policy", "message": "custom domain security policy TLS_1_0 allows TLS older than 1.2"}}
	count(findings(rest("live", {"security_policy": "TLS_1_0"}))) == 1
}

test_http_domain_tls_1_0_is_denied if {
	findings(http("declared", {"domain_name_configuration": [config("TLS_1_0")]})) == {{"ruleId": "DW-AWS-APIGATEWAY-001", "key": "aws_apigatewayv2_domain_name.ws.example.com", "path": "domain_name_configuration[0].security_policy", "message": "custom domain security policy TLS_1_0 allows TLS older than 1.2"}}
	{f.path | some f in findings(http("live", {"domain_name_configuration": config("TLS_1_0")}))} == {"domain_name_configuration.security_policy"}
}

test_modern_policies_pass if {
	count(findings(rest("declared", {"security_policy": "TLS_1_2"}))) == 0
	count(findings(rest("declared", {"security_policy": "SecurityPolicy_TLS13_1_3_2025_09"}))) == 0
	count(findings(http("declared", {"domain_name_configuration": [config("TLS_1_2")]}))) == 0
}

test_rest_domain_without_policy_is_not_judged if {
	# API Gateway chooses the policy; the state holds its choice.
	count(findings(rest("declared", {"domain_name": "api.example.com"}))) == 0
	count(findings(rest("declared", {"security_policy": null}))) == 0
}

test_unknown_values_pass if {
	count(findings(rest("declared", {"security_policy": {"__unknown": true}}))) == 0
	count(findings(http("declared", {"domain_name_configuration": {"__unknown": true}}))) == 0
	count(findings(http("declared", {"domain_name_configuration": [{"__unknown": true}]}))) == 0
	count(findings(http("declared", {"domain_name_configuration": [config({"__unknown": true})]}))) == 0
}

test_types_are_judged_by_their_own_attribute if {
	count(findings(http("declared", {"security_policy": "TLS_1_0"}))) == 0
}
