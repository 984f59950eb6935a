package driftwarden.rules.aws.secrets.ecs_container_environment_test

import data.driftwarden.rules.aws.secrets.ecs_container_environment
import rego.v1

masked(shape) := {"__sensitive": "digest", "shape": shape}

deny_with(definitions) := findings if {
	findings := ecs_container_environment.deny with input as {"resources": {"aws_ecs_task_definition": [{"key": "aws_ecs_task_definition.x", "type": "aws_ecs_task_definition", "id": "x", "origin": "declared", "attributes": {"family": "api", "container_definitions": definitions}}]}}
}

test_a_secret_in_a_container_environment_is_reported if {
	deny_with([
		{"name": "proxy", "environment": [{"name": "MODE", "value": masked("opaque-literal")}]},
		{"name": "api", "environment": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "DB_PASSWORD", "value": masked("opaque-literal")}]},
	]) == {{
		"ruleId": "DW-AWS-SECRETS-002",
		"key": "aws_ecs_task_definition.x",
		"path": "container_definitions[1].environment[1].value",
		"message": "container api: environment variable DB_PASSWORD holds a secret in plain text (pass it in secrets with valueFrom)",
	}}
	count(deny_with([{"environment": [{"name": "UPSTREAM", "value": masked("aws-access-key-id")}]}])) == 1
}

test_secrets_with_value_from_and_references_pass if {
	count(deny_with([{"name": "api", "secrets": [{"name": "DB_PASSWORD", "valueFrom": masked("opaque-literal")}]}])) == 0
	count(deny_with([{"name": "api", "environment": [{"name": "DB_PASSWORD", "value": {"__unknown": true}}]}])) == 0
	count(deny_with([{"name": "api", "environment": [{"name": "DB_PASSWORD", "value": {"__sensitive": "digest"}}]}])) == 0
}

test_unknown_and_unparsed_definitions_pass if {
	count(deny_with({"__unknown": true})) == 0
	count(deny_with({"__sensitive": "digest"})) == 0
	count(deny_with([{"__unknown": true}])) == 0
	count(deny_with([{"name": "api", "environment": {"__unknown": true}}])) == 0
}
