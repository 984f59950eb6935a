# METADATA
# title: Lambda function environment variable holds a plaintext secret
# description: |
#   Environment variables are stored with the function's configuration and shown to everyone who may read it
#   (lambda:GetFunctionConfiguration), in the console, in Terraform state and plans, and in the code. A variable that
#   holds an access key, a private key, a token, a connection string with a password, or a password-like literal
#   under a name such as DB_PASSWORD is a plaintext secret. References (an SSM parameter name, a Secrets Manager
#   ARN, an interpolation) and placeholders (changeme) are not. Keep the secret in Secrets Manager or SSM Parameter
#   Store and pass its name; the message names the variable and the kind, never the value.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#environment
# custom:
#   id: DW-AWS-SECRETS-001
#   severity: high
#   category: secrets
#   resource_types: [aws_lambda_function]
#   controls: []
#   checkov: [CKV_AWS_45]
#   trivy: []
#   remediation: |
#     resource "aws_lambda_function" "api" {
#       # ...
#       environment {
#         variables = {
#           DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
#         }
#       }
#     }
package driftwarden.rules.aws.secrets.lambda_environment

import data.driftwarden.lib.result
import data.driftwarden.lib.secrets
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("environment[%d].variables.%s", [i, name]), message) if {
	some r in result.resources(rego.metadata.chain())
	some i, block in r.attributes.environment
	some name, value in block.variables
	kind := secrets.held(name, value)
	message := sprintf("environment variable %s holds %s in plain text", [name, secrets.kinds[kind]])
}
