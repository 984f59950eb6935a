# METADATA
# title: Lambda permission lets anyone invoke the function
# description: |
#   A permission whose principal is "*" with no source ARN, source account or organisation lets every AWS account
#   invoke the function (lambda:InvokeFunction) or its URL. A function URL with auth type NONE needs exactly such a
#   permission for lambda:InvokeFunctionUrl, and then anyone on the internet can call it without signing the request:
#   public by design, so it is reported for review and waived where the endpoint is meant to be public. Name the
#   account or service as the principal, or set source_arn, source_account or principal_org_id. The permission is
#   judged as the policy statement Lambda writes from it, with the same helper as the queue and topic policies.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
#   - https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission
# custom:
#   id: DW-AWS-LAMBDA-050
#   severity: critical
#   category: iam
#   resource_types: [aws_lambda_permission]
#   controls: []
#   checkov: [CKV_AWS_301]
#   trivy: []
#   remediation: |
#     resource "aws_lambda_permission" "uploads" {
#       statement_id  = "AllowExecutionFromS3"
#       action        = "lambda:InvokeFunction"
#       function_name = aws_lambda_function.resize.function_name
#       principal     = "s3.amazonaws.com"
#       source_arn    = aws_s3_bucket.uploads.arn
#     }
package driftwarden.rules.aws.lambda.permission_public

import data.driftwarden.lib.access
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "principal", message(r.attributes)) if {
	some r in result.resources(rego.metadata.chain())
	access.open_to_everyone(statement(r.attributes))
}

# The statement Lambda adds to the function's policy for the permission (AddPermission: SourceArn as ArnLike,
# SourceAccount, PrincipalOrgID and EventSourceToken as StringEquals). What is not set adds no clause.
statement(a) := {
	"Effect": "Allow",
	"Principal": principal(object.get(a, "principal", null)),
	"Action": [object.get(a, "action", null)],
	"Condition": {op: {c.key: [c.value] | some c in clauses(a); c.op == op} | some op in {c.op | some c in clauses(a)}},
}

principal("*") := "*"

principal(p) := {"AWS": [p]} if p != "*"

clauses(a) := [{"op": op, "key": key, "value": v} |
	some [name, op, key] in [
		["source_arn", "ArnLike", "aws:SourceArn"],
		["source_account", "StringEquals", "aws:SourceAccount"],
		["principal_org_id", "StringEquals", "aws:PrincipalOrgID"],
		["event_source_token", "StringEquals", "lambda:EventSourceToken"],
	]
	v := object.get(a, name, null)
	not v in {null, ""}
]

message(a) := "permission lets anyone invoke the function URL without authentication (principal \"*\", auth type NONE)" if {
	a.function_url_auth_type == "NONE"
}

message(a) := "permission lets any AWS account invoke the function (principal \"*\", no source ARN, account or organisation)" if {
	object.get(a, "function_url_auth_type", null) != "NONE"
}
