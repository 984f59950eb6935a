# METADATA
# title: Load balancer listener serves plain HTTP
# description: |
#   An HTTP listener that forwards or answers requests carries them unencrypted between clients and the load
#   balancer. Serve the application on an HTTPS listener and make the HTTP listener redirect to it. A Classic Load
#   Balancer (aws_elb) cannot redirect: an HTTP listener on an internet-facing one (internal defaults to false)
#   serves plain HTTP to the internet. Its TCP listeners are not judged, since they may pass TLS through.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb
# custom:
#   id: DW-AWS-ELB-001
#   checkov: [CKV_AWS_2]
#   trivy: [AVD-AWS-0054]
#   severity: high
#   category: encryption
#   resource_types: [aws_lb_listener, aws_elb]
#   controls: []
#   remediation: |
#     resource "aws_lb_listener" "http" {
#       load_balancer_arn = aws_lb.app.arn
#       port              = 80
#       protocol          = "HTTP"
#       default_action {
#         type = "redirect"
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
#
#     resource "aws_elb" "web" {
#       # ...
#       listener {
#         lb_port            = 443
#         lb_protocol        = "https"
#         instance_port      = 8080
#         instance_protocol  = "http"
#         ssl_certificate_id = aws_acm_certificate.web.arn
#       }
#     }
package driftwarden.rules.aws.elb.listener_http

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "protocol", "listener serves plain HTTP and does not redirect to HTTPS") if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_lb_listener"
	r.attributes.protocol == "HTTP"
	actions_known(r)
	not may_redirect_to_https(r)
}

deny contains result.finding(rego.metadata.chain(), r, "listener", sprintf("internet-facing classic load balancer serves plain HTTP on port %v", [listener.lb_port])) if {
	some r in result.resources(rego.metadata.chain())
	r.type == "aws_elb"
	internet_facing(r)
	some listener in values.as_array(object.get(r.attributes, "listener", []))
	is_string(listener.lb_protocol)
	lower(listener.lb_protocol) == "http"
}

# internal is false by default; a live load balancer that does not report its scheme is not judged.
internet_facing(r) if r.attributes.internal == false

internet_facing(r) if values.unset(r, "internal")

# A live listener that does not report its default actions is not judged.
actions_known(r) if values.unset(r, "default_action")

actions_known(r) if {
	actions := r.attributes.default_action
	not values.is_empty(actions)
	values.known(actions)
}

# Some default action redirects to HTTPS, or is too unknown to tell. default_action and its redirect block are
# lists of blocks in state.
may_redirect_to_https(r) if {
	some action in default_actions(r)
	values.is_unknown(action)
}

may_redirect_to_https(r) if {
	some action in default_actions(r)
	values.is_unknown(action.type)
}

may_redirect_to_https(r) if {
	some action in default_actions(r)
	action.type == "redirect"
	some redirect in values.as_array(action.redirect)
	https_or_unknown(redirect)
}

default_actions(r) := values.as_array(object.get(r.attributes, "default_action", []))

https_or_unknown(redirect) if values.is_unknown(redirect)

https_or_unknown(redirect) if redirect.protocol == "HTTPS"

https_or_unknown(redirect) if values.is_unknown(redirect.protocol)
