# METADATA
# title: Load balancer listener allows TLS versions older than 1.2
# description: |
#   The listener's security policy accepts TLS 1.0 or 1.1, whose cipher suites and handshakes are deprecated.
#   Choose a policy that requires TLS 1.2 or later, such as ELBSecurityPolicy-TLS13-1-2-2021-06.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html
# custom:
#   id: DW-AWS-ELB-002
#   checkov: [CKV_AWS_103]
#   trivy: [AVD-AWS-0047]
#   severity: high
#   category: encryption
#   resource_types: [aws_lb_listener]
#   controls: []
#   remediation: |
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = aws_lb.app.arn
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = aws_acm_certificate.app.arn
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.app.arn
#       }
#     }
package driftwarden.rules.aws.elb.listener_tls_policy

import data.driftwarden.lib.result
import rego.v1

# Security policies that accept TLS 1.0 or TLS 1.1.
legacy_tls_policies := {
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06",
	"ELBSecurityPolicy-TLS13-1-1-2021-06",
	"ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-1-PQ-2025-09",
}

deny contains result.finding(rego.metadata.chain(), r, "ssl_policy", sprintf("listener security policy %s allows TLS older than 1.2", [r.attributes.ssl_policy])) if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.protocol in {"HTTPS", "TLS"}
	r.attributes.ssl_policy in legacy_tls_policies
}
