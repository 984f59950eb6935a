# METADATA
# title: Load balancer listener serves plain HTTP
# description: |
#   An HTTP listener that forwards or answers requests carries them unencrypted between clients and the load
#   balancer. Serve the application on an HTTPS listener and make the HTTP listener redirect to it.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
# custom:
#   id: DW-AWS-ELB-001
#   checkov: [CKV_AWS_2]
#   trivy: [AVD-AWS-0054]
#   severity: high
#   category: encryption
#   resource_types: [aws_lb_listener]
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
package driftwarden.rules.aws.elb.listener_http

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "protocol", "listener serves plain HTTP and does not redirect to HTTPS") if {
	some r in result.resources(rego.metadata.chain())
	r.attributes.protocol == "HTTP"
	actions_known(r)
	not may_redirect_to_https(r)
}

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
