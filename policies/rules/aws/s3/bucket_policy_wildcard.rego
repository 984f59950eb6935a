# METADATA
# title: S3 bucket policy allows any principal
# description: |
#   A bucket policy statement that allows any principal ("Principal": "*" or {"AWS": "*"}) with no Condition makes
#   the bucket public to everyone on the internet for the actions it lists. Name the principals, or restrict the
#   statement with a condition such as aws:SourceVpce or aws:PrincipalOrgID.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: DW-AWS-S3-001
#   checkov: [CKV_AWS_70]
#   trivy: []
#   severity: critical
#   category: iam
#   resource_types: [aws_s3_bucket]
#   controls: []
#   remediation: |
#     data "aws_iam_policy_document" "bucket" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["${aws_s3_bucket.app.arn}/*"]
#         principals {
#           type        = "AWS"
#           identifiers = [aws_iam_role.app.arn]
#         }
#       }
#     }
#
#     resource "aws_s3_bucket_policy" "app" {
#       bucket = aws_s3_bucket.app.id
#       policy = data.aws_iam_policy_document.bucket.json
#     }
package driftwarden.rules.aws.s3.bucket_policy_wildcard

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, sprintf("policy.Statement[%d]", [i]), "bucket policy allows any principal with no condition") if {
	some r in result.resources(rego.metadata.chain())
	some i, statement in iam.statements(r.attributes.policy)
	statement.Effect == "Allow"
	iam.wildcard_principal(statement)
	not iam.has_condition(statement)
}
