# METADATA
# title: ECS container environment variable holds a plaintext secret
# description: |
#   A container definition's `environment` is part of the task definition: anyone who may describe it
#   (ecs:DescribeTaskDefinition) reads it, as do Terraform state, plans and the code, and every revision keeps it.
#   A variable that holds an access key, a private key, a token, a connection string with a password, or a
#   password-like literal under a name such as DB_PASSWORD is a plaintext secret. Pass it in `secrets` with
#   `valueFrom` (a Secrets Manager secret or SSM parameter), which ECS injects at start. The message names the
#   container, the variable and the kind, never the value.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition
#   - https://aquasecurity.github.io/tfsec/latest/checks/aws/ecs/no-plaintext-secrets/
# custom:
#   id: DW-AWS-SECRETS-002
#   severity: high
#   category: secrets
#   resource_types: [aws_ecs_task_definition]
#   controls: []
#   checkov: []
#   trivy: [AVD-AWS-0036]
#   remediation: |
#     resource "aws_ecs_task_definition" "api" {
#       family = "api"
#       container_definitions = jsonencode([{
#         name  = "api"
#         image = "api:1.4.2"
#         secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
#       }])
#     }
package driftwarden.rules.aws.secrets.ecs_container_environment

import data.driftwarden.lib.result
import data.driftwarden.lib.secrets
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("container_definitions[%d].environment[%d].value", [c, e]), message) if {
	some r in result.resources(rego.metadata.chain())
	some c, container in r.attributes.container_definitions
	some e, variable in container.environment
	kind := secrets.held(variable.name, variable.value)
	message := sprintf("container %s: environment variable %s holds %s in plain text (pass it in secrets with valueFrom)", [object.get(container, "name", sprintf("%d", [c])), variable.name, secrets.kinds[kind]])
}
