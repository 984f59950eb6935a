# METADATA
# title: CloudFront distribution allows TLS versions older than 1.2
# description: |
#   A viewer certificate whose minimum protocol version is older than TLSv1.2_2018, or the default *.cloudfront.net
#   certificate (which always allows TLSv1), lets viewers connect with deprecated protocols. Use a custom
#   certificate with minimum_protocol_version TLSv1.2_2021 or later.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: DW-AWS-CLOUDFRONT-002
#   checkov: [CKV_AWS_174]
#   trivy: [AVD-AWS-0013]
#   severity: high
#   category: encryption
#   resource_types: [aws_cloudfront_distribution]
#   controls: []
#   remediation: |
#     resource "aws_cloudfront_distribution" "site" {
#       # ...
#       aliases = ["www.example.com"]
#       viewer_certificate {
#         acm_certificate_arn      = aws_acm_certificate.site.arn
#         ssl_support_method       = "sni-only"
#         minimum_protocol_version = "TLSv1.2_2021"
#       }
#     }
package driftwarden.rules.aws.cloudfront.minimum_tls

import data.driftwarden.lib.result
import rego.v1

legacy_protocol_versions := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.cloudfront_default_certificate", [cert_path]), "distribution uses the default CloudFront certificate, which allows TLSv1") if {
	some r in result.resources(rego.metadata.chain())
	some cert_path, cert in certificates(r)
	cert.cloudfront_default_certificate == true
}

# With the default certificate the protocol version is TLSv1 by force; that finding says so already.
deny contains result.finding(rego.metadata.chain(), r, sprintf("%s.minimum_protocol_version", [cert_path]), sprintf("viewer certificate allows %s, older than TLS 1.2", [cert.minimum_protocol_version])) if {
	some r in result.resources(rego.metadata.chain())
	some cert_path, cert in certificates(r)
	not cert.cloudfront_default_certificate == true
	cert.minimum_protocol_version in legacy_protocol_versions
}

# viewer_certificate is a one-block list in state ("viewer_certificate[0]"); a single object is accepted.
certificates(r) := {sprintf("viewer_certificate[%d]", [i]): cert |
	some i, cert in r.attributes.viewer_certificate
} if is_array(r.attributes.viewer_certificate)

certificates(r) := {"viewer_certificate": r.attributes.viewer_certificate} if is_object(r.attributes.viewer_certificate)
