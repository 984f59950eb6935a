# METADATA
# title: API Gateway custom domain allows TLS 1.0
# description: |
#   A custom domain name whose security policy is TLS_1_0 accepts TLS 1.0 and 1.1 connections, whose cipher suites
#   and handshakes are deprecated. Choose TLS_1_2 or a newer enhanced policy. Where code leaves the REST API
#   domain's security_policy out, API Gateway chooses it and only the state says which; that is not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_domain_name
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_domain_name
# custom:
#   id: DW-AWS-APIGATEWAY-001
#   checkov: [CKV_AWS_206]
#   trivy: [AVD-AWS-0005]
#   severity: high
#   category: encryption
#   resource_types: [aws_api_gateway_domain_name, aws_apigatewayv2_domain_name]
#   controls: []
#   remediation: |
#     resource "aws_api_gateway_domain_name" "api" {
#       domain_name              = "api.example.com"
#       regional_certificate_arn = aws_acm_certificate.api.arn
#       security_policy          = "TLS_1_2"
#       endpoint_configuration {
#         types = ["REGIONAL"]
#       }
#     }
#
#     resource "aws_apigatewayv2_domain_name" "ws" {
#       domain_name = "ws.example.com"
#       domain_name_configuration {
#         certificate_arn = aws_acm_certificate.ws.arn
#         endpoint_type   = "REGIONAL"
#         security_policy = "TLS_1_2"
#       }
#     }
package driftwarden.rules.aws.apigateway.domain_tls_policy

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

message := "custom domain security policy TLS_1_0 allows TLS older than 1.2"

deny contains result.finding(rego.metadata.chain(), r, "security_policy", message) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_api_gateway_domain_name"
	r.attributes.security_policy == "TLS_1_0"
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.security_policy", [config_path]), message) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_apigatewayv2_domain_name"
	some config_path, config in configurations(r)
	config.security_policy == "TLS_1_0"
}

# domain_name_configuration is a one-block list in state; a single object is accepted.
configurations(r) := {sprintf("domain_name_configuration[%d]", [i]): config |
	some i, config in r.attributes.domain_name_configuration
} if is_array(r.attributes.domain_name_configuration)

configurations(r) := {"domain_name_configuration": r.attributes.domain_name_configuration} if {
	is_object(r.attributes.domain_name_configuration)
	values.known(r.attributes.domain_name_configuration)
}
