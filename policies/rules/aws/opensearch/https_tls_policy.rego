# METADATA
# title: OpenSearch domain does not enforce HTTPS with TLS 1.2
# description: |
#   A domain that does not enforce HTTPS answers its endpoint over plain HTTP; one whose TLS security policy is
#   Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0 and 1.1. A domain created without domain_endpoint_options does not
#   enforce HTTPS. Require HTTPS with Policy-Min-TLS-1-2-2019-07 or a newer policy.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
#   - https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#domain_endpoint_options
# custom:
#   id: DW-AWS-OPENSEARCH-003
#   checkov: [CKV_AWS_83, CKV_AWS_228]
#   trivy: [AVD-AWS-0046, AVD-AWS-0126]
#   severity: high
#   category: encryption
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: []
#   remediation: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name = "search"
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
#       }
#     }
package driftwarden.rules.aws.opensearch.https_tls_policy

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

legacy_tls_policies := {"Policy-Min-TLS-1-0-2019-07"}

deny contains result.finding(rego.metadata.chain(), r, "domain_endpoint_options", "domain does not set domain_endpoint_options, so HTTPS is not enforced") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "domain_endpoint_options")
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.enforce_https", [path]), "domain accepts plain HTTP (enforce_https is false)") if {
	some r in result.resources(rego.metadata.chain())
	some path, options in endpoint_options(r)
	options.enforce_https == false
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.tls_security_policy", [path]), sprintf("domain TLS security policy %s allows TLS older than 1.2", [options.tls_security_policy])) if {
	some r in result.resources(rego.metadata.chain())
	some path, options in endpoint_options(r)
	options.tls_security_policy in legacy_tls_policies
}

endpoint_options(r) := {sprintf("domain_endpoint_options[%d]", [i]): options |
	some i, options in r.attributes.domain_endpoint_options
} if is_array(r.attributes.domain_endpoint_options)
