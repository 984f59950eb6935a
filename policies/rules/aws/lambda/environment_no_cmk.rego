# METADATA
# title: Lambda function environment variables are not encrypted with a customer-managed KMS key
# description: |
#   Lambda encrypts a function's environment variables at rest with the AWS-managed aws/lambda key unless
#   kms_key_arn names a customer-managed key; with the AWS-managed key, everyone who may read the function's
#   configuration in the account reads its variables. Use a customer-managed key for functions whose environment
#   holds configuration you would not publish. A function without environment variables is not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#kms_key_arn
# custom:
#   id: DW-AWS-LAMBDA-001
#   checkov: [CKV_AWS_173]
#   trivy: []
#   severity: low
#   category: encryption
#   resource_types: [aws_lambda_function]
#   controls: []
#   remediation: |
#     resource "aws_lambda_function" "processor" {
#       function_name = "orders-processor"
#       role          = aws_iam_role.processor.arn
#       runtime       = "nodejs20.x"
#       handler       = "index.handler"
#       filename      = "processor.zip"
#       kms_key_arn   = aws_kms_key.lambda.arn
#       environment {
#         variables = { ORDERS_TABLE = "orders" }
#       }
#     }
package driftwarden.rules.aws.lambda.environment_no_cmk

import data.driftwarden.lib.kms_keys
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "kms_key_arn", "environment variables are encrypted with the AWS-managed aws/lambda key, not a customer-managed key") if {
	some r in result.resources(rego.metadata.chain())
	has_variables(r)
	values.unset(r, "kms_key_arn")
}

deny contains result.finding(rego.metadata.chain(), r, "kms_key_arn", sprintf("environment variables are encrypted with the AWS-managed key %s, not a customer-managed key", [r.attributes.kms_key_arn])) if {
	some r in result.resources(rego.metadata.chain())
	has_variables(r)
	kms_keys.aws_managed(r.attributes.kms_key_arn)
}

# At least one variable, known or not: a variables map that is itself unknown may be empty.
has_variables(r) if {
	some block in values.as_array(r.attributes.environment)
	is_object(block.variables)
	values.known(block.variables)
	count(block.variables) > 0
}
