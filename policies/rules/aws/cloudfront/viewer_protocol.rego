# METADATA
# title: CloudFront cache behavior allows plain HTTP to viewers
# description: |
#   A cache behavior whose viewer protocol policy is allow-all serves content over unencrypted HTTP. Redirect viewers
#   to HTTPS, or accept HTTPS only.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
# custom:
#   id: DW-AWS-CLOUDFRONT-001
#   checkov: [CKV_AWS_34]
#   trivy: [AVD-AWS-0012]
#   severity: high
#   category: encryption
#   resource_types: [aws_cloudfront_distribution]
#   controls: []
#   remediation: |
#     resource "aws_cloudfront_distribution" "site" {
#       # ...
#       default_cache_behavior {
#         target_origin_id       = "site"
#         viewer_protocol_policy = "redirect-to-https"
#         # ...
#       }
#       ordered_cache_behavior {
#         path_pattern           = "/api/*"
#         target_origin_id       = "api"
#         viewer_protocol_policy = "https-only"
#         # ...
#       }
#     }
package driftwarden.rules.aws.cloudfront.viewer_protocol

import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.viewer_protocol_policy", [behavior_path]), "cache behavior allows viewers over plain HTTP (allow-all)") if {
	some r in result.resources(rego.metadata.chain())
	some name in ["default_cache_behavior", "ordered_cache_behavior"]
	some behavior_path, behavior in behaviors(r, name)
	behavior.viewer_protocol_policy == "allow-all"
}

# The cache behaviors by path: lists of blocks in state ("default_cache_behavior[0]"); a single object is accepted.
behaviors(r, name) := {sprintf("%s[%d]", [name, i]): behavior |
	some i, behavior in r.attributes[name]
} if is_array(r.attributes[name])

behaviors(r, name) := {name: r.attributes[name]} if is_object(r.attributes[name])
