package driftwarden.rules.aws.secrets.lambda_environment_test

import data.driftwarden.rules.aws.secrets.lambda_environment
import rego.v1

masked(shape) := {"__sensitive": "digest", "shape": shape}

deny_with(variables) := findings if {
	findings := lambda_environment.deny with input as {"resources": {"aws_lambda_function": [{"key": "aws_lambda_function.x", "type": "aws_lambda_function", "id": "x", "origin": "declared", "attributes": {"function_name": "x", "environment": [{"variables": variables}]}}]}}
}

test_a_credential_is_reported_under_any_name if {
	deny_with({"REGION": "eu-west-1", "UPSTREAM": masked("aws-access-key-id")}) == {{
		"ruleId": "DW-AWS-SECRETS-001",
		"key": "aws_lambda_function.x",
		"path": "environment[0].variables.UPSTREAM",
		"message": "environment variable UPSTREAM holds an AWS access key id in plain text",
	}}
	count(deny_with({"SIGNING": masked("private-key"), "DB": masked("connection-string"), "GH": masked("github-token")})) == 3
}

test_a_password_like_literal_is_reported_under_a_secret_name if {
	{f.message | some f in deny_with({"DB_PASSWORD": masked("opaque-literal")})} == {"environment variable DB_PASSWORD holds a secret in plain text"}
	every name in ["STRIPE_API_KEY", "stripeApiKey", "Auth__Token", "APIKEY", "client-secret", "dbPassword"] {
		count(deny_with({name: masked("opaque-literal")})) == 1
	}
}

test_a_literal_under_another_name_passes if {
	every name in ["BUILD_ID", "DB_PASSWORD_ARN", "SECRET_NAME", "TOKEN_URL_TYPE", "LOG_LEVEL", "KEYSPACE", "TOKEN_ISSUER", "DB_PASSWORD_HOST", "SECRET_REGION"] {
		count(deny_with({name: masked("opaque-literal")})) == 0
	}
}

test_what_the_masker_did_not_shape_passes if {
	count(deny_with({"DB_PASSWORD": {"__sensitive": "digest"}})) == 0
	count(deny_with({"DB_PASSWORD": masked("not-a-kind")})) == 0
	count(deny_with({"DB_PASSWORD": "plain"})) == 0
}

test_unknown_and_absent_values_pass if {
	count(deny_with({"DB_PASSWORD": {"__unknown": true}})) == 0
	count(deny_with({"__unknown": true})) == 0
	count(lambda_environment.deny) == 0 with input as {"resources": {"aws_lambda_function": [{"key": "k", "type": "aws_lambda_function", "id": "x", "origin": "declared", "attributes": {"function_name": "x"}}]}}
	count(lambda_environment.deny) == 0 with input as {"resources": {"aws_lambda_function": [{"key": "k", "type": "aws_lambda_function", "id": "x", "origin": "declared", "attributes": {"environment": {"__unknown": true}}}]}}
}

test_several_blocks_and_variables if {
	findings := lambda_environment.deny with input as {"resources": {"aws_lambda_function": [{"key": "k", "type": "aws_lambda_function", "id": "x", "origin": "declared", "attributes": {"environment": [{"variables": {"A": masked("json-web-token")}}, {"variables": {"B_TOKEN": masked("opaque-literal"), "C": masked("slack-token")}}]}}]}}
	{f.path | some f in findings} == {"environment[0].variables.A", "environment[1].variables.B_TOKEN", "environment[1].variables.C"}
}
