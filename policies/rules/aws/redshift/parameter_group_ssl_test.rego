package driftwarden.rules.aws.redshift.parameter_group_ssl_test

import data.driftwarden.rules.aws.redshift.parameter_group_ssl
import rego.v1

group(origin, attributes) := {"key": "aws_redshift_parameter_group.warehouse", "type": "aws_redshift_parameter_group", "id": "warehouse", "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := parameter_group_ssl.deny with input as {"resources": {"aws_redshift_parameter_group": [r]}}
}

param(name, value) := {"name": name, "value": value}

test_require_ssl_false_is_denied if {
	findings(group("declared", {"family": "redshift-2.0", "parameter": [param("enable_user_activity_logging", "true"), param("require_ssl", "false")]})) == {{"ruleId": "DW-AWS-REDSHIFT-002", "key": "aws_redshift_parameter_group.warehouse", "path": "parameter", "message": "parameter group sets require_ssl to false, so clients may connect without SSL"}}
}

test_group_without_require_ssl_is_denied if {
	findings(group("declared", {"family": "redshift-2.0", "parameter": [param("enable_user_activity_logging", "true")]})) == {{"ruleId": "DW-AWS-REDSHIFT-002", "key": "aws_redshift_parameter_group.warehouse", "path": "parameter", "message": "parameter group does not set require_ssl, which defaults to false, so clients may connect without SSL"}}
	count(findings(group("declared", {"family": "redshift-2.0"}))) == 1
	count(findings(group("declared", {"family": "redshift-2.0", "parameter": null}))) == 1
}

test_require_ssl_true_passes if {
	count(findings(group("declared", {"parameter": [param("enable_user_activity_logging", "true"), param("require_ssl", "true")]}))) == 0
	count(findings(group("live", {"parameter": [param("REQUIRE_SSL", "TRUE")]}))) == 0
}

test_unknown_values_pass if {
	count(findings(group("declared", {"parameter": {"__unknown": true}}))) == 0
	count(findings(group("declared", {"parameter": [{"__unknown": true}]}))) == 0
	count(findings(group("declared", {"parameter": [param({"__unknown": true}, "true")]}))) == 0
	count(findings(group("declared", {"parameter": [param("require_ssl", {"__unknown": true})]}))) == 0
}

test_live_group_without_parameters_passes if {
	count(findings(group("live", {"family": "redshift-2.0"}))) == 0
	count(findings(group("live", {"parameter": []}))) == 1
}
