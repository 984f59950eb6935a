# METADATA
# title: CloudFront custom origin is reached over plain HTTP or old TLS
# description: |
#   A custom origin whose origin_protocol_policy is http-only carries every request from CloudFront to the origin
#   unencrypted; match-viewer does the same for viewers a cache behavior lets in over HTTP (allow-all). An origin
#   that lists SSLv3, TLSv1 or TLSv1.1 in origin_ssl_protocols lets CloudFront fall back to them. Use https-only and
#   TLSv1.2. S3 origins (s3_origin_config) are always reached over HTTPS and are not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#custom-origin-config-arguments
# custom:
#   id: DW-AWS-CLOUDFRONT-003
#   checkov: [CKV2_AWS_72, CKV2_AWS_54]
#   trivy: []
#   severity: high
#   category: encryption
#   resource_types: [aws_cloudfront_distribution]
#   controls: []
#   remediation: |
#     resource "aws_cloudfront_distribution" "site" {
#       # ...
#       origin {
#         origin_id   = "app"
#         domain_name = aws_lb.app.dns_name
#         custom_origin_config {
#           http_port              = 80
#           https_port             = 443
#           origin_protocol_policy = "https-only"
#           origin_ssl_protocols   = ["TLSv1.2"]
#         }
#       }
#     }
package driftwarden.rules.aws.cloudfront.origin_protocol

import data.driftwarden.lib.result
import rego.v1

legacy_ssl_protocols := {"SSLv3", "TLSv1", "TLSv1.1"}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.origin_protocol_policy", [path]), sprintf("CloudFront reaches origin %s over plain HTTP (http-only)", [id_of(origin)])) if {
	some r in result.resources(rego.metadata.chain())
	some [path, origin, config] in custom_origins(r)
	config.origin_protocol_policy == "http-only"
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.origin_protocol_policy", [path]), sprintf("CloudFront reaches origin %s over plain HTTP for viewers that use HTTP (match-viewer, and a cache behavior allows allow-all)", [id_of(origin)])) if {
	some r in result.resources(rego.metadata.chain())
	some [path, origin, config] in custom_origins(r)
	config.origin_protocol_policy == "match-viewer"
	some behavior in behaviors(r)
	behavior.target_origin_id == origin.origin_id
	behavior.viewer_protocol_policy == "allow-all"
}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.origin_ssl_protocols", [path]), sprintf("CloudFront may reach origin %s with %s, older than TLS 1.2", [id_of(origin), concat(", ", sort(old))])) if {
	some r in result.resources(rego.metadata.chain())
	some [path, origin, config] in custom_origins(r)
	not config.origin_protocol_policy == "http-only"
	is_array(config.origin_ssl_protocols)
	old := {protocol | some protocol in config.origin_ssl_protocols} & legacy_ssl_protocols
	count(old) > 0
}

# Each origin's custom_origin_config block by its path: origin is a set of blocks in state ("origin[0]"), and
# custom_origin_config a one-block list; a single object is accepted for either.
custom_origins(r) := {[sprintf("%s.%s", [origin_path, config_path]), origin, config] |
	some origin_path, origin in blocks(r.attributes, "origin")
	some config_path, config in blocks(origin, "custom_origin_config")
	is_object(config)
}

blocks(container, name) := {sprintf("%s[%d]", [name, i]): block |
	some i, block in container[name]
} if is_array(container[name])

blocks(container, name) := {name: container[name]} if is_object(container[name])

behaviors(r) := [behavior |
	some name in ["default_cache_behavior", "ordered_cache_behavior"]
	some _, behavior in blocks(r.attributes, name)
]

id_of(origin) := origin.origin_id if is_string(origin.origin_id)

id_of(origin) := "(unknown id)" if not is_string(origin.origin_id)
