# METADATA
# title: Redshift parameter group does not require SSL
# description: |
#   Without require_ssl = true, a cluster using the group accepts SQL client connections in plain text. A group
#   that does not set require_ssl takes its default, false.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-parameter-groups.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_parameter_group
# custom:
#   id: DW-AWS-REDSHIFT-002
#   checkov: [CKV_AWS_105]
#   trivy: []
#   severity: medium
#   category: encryption
#   resource_types: [aws_redshift_parameter_group]
#   controls: []
#   remediation: |
#     resource "aws_redshift_parameter_group" "warehouse" {
#       name   = "warehouse"
#       family = "redshift-2.0"
#       parameter {
#         name  = "require_ssl"
#         value = "true"
#       }
#     }
package driftwarden.rules.aws.redshift.parameter_group_ssl

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "parameter", sprintf("parameter group sets require_ssl to %s, so clients may connect without SSL", [entry.value])) if {
	some r in result.resources(rego.metadata.chain())
	some entry in parameters(r)
	lower(entry.name) == "require_ssl"
	is_string(entry.value)
	lower(entry.value) == "false"
}

deny contains result.finding(rego.metadata.chain(), r, "parameter", "parameter group does not set require_ssl, which defaults to false, so clients may connect without SSL") if {
	some r in result.resources(rego.metadata.chain())
	entries := parameters(r)
	every entry in entries {
		is_object(entry)
		is_string(entry.name)
	}
	not sets_require_ssl(entries)
}

# The parameter blocks, a set in state; absent from a declared group is none set.
parameters(r) := [] if values.unset(r, "parameter")

parameters(r) := r.attributes.parameter if is_array(r.attributes.parameter)

sets_require_ssl(entries) if {
	some entry in entries
	lower(entry.name) == "require_ssl"
}
