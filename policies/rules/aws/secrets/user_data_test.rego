package driftwarden.rules.aws.secrets.user_data_test

import data.driftwarden.rules.aws.secrets.user_data
import rego.v1

masked(shape) := {"__sensitive": "digest", "shape": shape}

deny_with(type, attributes) := findings if {
	findings := user_data.deny with input as {"resources": {type: [{"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": "declared", "attributes": attributes}]}}
}

test_a_credential_in_user_data_is_reported if {
	deny_with("aws_instance", {"ami": "ami-1", "user_data": masked("aws-access-key-id")}) == {{
		"ruleId": "DW-AWS-SECRETS-003",
		"key": "aws_instance.x",
		"path": "user_data",
		"message": "user data holds an AWS access key id in plain text",
	}}
	{f.path | some f in deny_with("aws_instance", {"user_data_base64": masked("private-key")})} == {"user_data_base64"}
	count(deny_with("aws_launch_template", {"user_data": masked("secret-assignment")})) == 1
	count(deny_with("aws_launch_template", {"user_data": masked("connection-string")})) == 1
}

test_a_script_without_a_credential_passes if {
	# A launch template's user data is always masked; a script with no credential in it has no shape.
	count(deny_with("aws_launch_template", {"user_data": {"__sensitive": "digest"}})) == 0

	# The script as a whole is not a password, whatever it reads like.
	count(deny_with("aws_launch_template", {"user_data": masked("opaque-literal")})) == 0
	count(deny_with("aws_instance", {"user_data": "9c1185a5c5e9fc54612808977ee8f548b2258d31"})) == 0
}

test_unknown_and_absent_values_pass if {
	count(deny_with("aws_instance", {"user_data": {"__unknown": true}})) == 0
	count(deny_with("aws_instance", {"ami": "ami-1"})) == 0
	count(deny_with("aws_launch_template", {"user_data": null})) == 0
}
