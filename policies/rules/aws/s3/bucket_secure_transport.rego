# METADATA
# title: S3 bucket policy does not deny requests over plain HTTP
# description: |
#   S3 accepts requests over HTTP unless the bucket policy denies them. A Deny statement on the condition
#   "aws:SecureTransport" = "false" makes every client use TLS.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
# custom:
#   id: DW-AWS-S3-003
#   severity: low
#   category: encryption
#   resource_types: [aws_s3_bucket]
#   controls: [CIS-AWS-2.1.2]
#   remediation: |
#     data "aws_iam_policy_document" "tls_only" {
#       statement {
#         sid       = "DenyInsecureTransport"
#         effect    = "Deny"
#         actions   = ["s3:*"]
#         resources = [aws_s3_bucket.app.arn, "${aws_s3_bucket.app.arn}/*"]
#         principals {
#           type        = "*"
#           identifiers = ["*"]
#         }
#         condition {
#           test     = "Bool"
#           variable = "aws:SecureTransport"
#           values   = ["false"]
#         }
#       }
#     }
#
#     resource "aws_s3_bucket_policy" "app" {
#       bucket = aws_s3_bucket.app.id
#       policy = data.aws_iam_policy_document.tls_only.json
#     }
package driftwarden.rules.aws.s3.bucket_secure_transport

import data.driftwarden.lib.iam
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "policy", "bucket has no policy denying requests over plain HTTP") if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "policy")
}

deny contains result.finding(rego.metadata.chain(), r, "policy", "bucket policy does not deny requests over plain HTTP (aws:SecureTransport)") if {
	some r in result.resources(rego.metadata.chain())
	policy := r.attributes.policy
	is_object(policy)
	"Statement" in object.keys(policy)
	not may_deny_insecure_transport(policy)
}

# The policy has a Deny statement on aws:SecureTransport "false", or a statement too unknown to tell.
may_deny_insecure_transport(policy) if {
	some statement in iam.statements(policy)
	partly_unknown(statement)
}

may_deny_insecure_transport(policy) if {
	some statement in iam.statements(policy)
	statement.Effect == "Deny"
	some operator in ["Bool", "BoolIfExists"]
	some key, condition_values in statement.Condition[operator]
	is_string(key)
	lower(key) == "aws:securetransport"
	some value in values.as_array(condition_values)
	insecure(value)
}

partly_unknown(statement) if values.is_unknown(statement)

partly_unknown(statement) if values.is_unknown(statement.Effect)

partly_unknown(statement) if values.is_unknown(statement.Condition)

partly_unknown(statement) if {
	some clauses in statement.Condition
	values.is_unknown(clauses)
}

insecure(value) if {
	is_string(value)
	lower(value) == "false"
}

insecure(value) if value == false

insecure(value) if values.is_unknown(value)
