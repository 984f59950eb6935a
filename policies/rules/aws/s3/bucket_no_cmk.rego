# METADATA
# title: S3 bucket default encryption does not use a customer-managed KMS key
# description: |
#   S3 encrypts every new object since January 2023: with SSE-S3 (S3-managed keys) when the bucket has no default
#   encryption configuration, and with the AWS-managed key aws/s3 for SSE-KMS without a key id. Neither key's
#   policy, rotation or grants are yours, and anyone allowed to read the bucket can read its objects. Where data must
#   be under a key you control, set SSE-KMS (or DSSE-KMS) with a customer-managed key as the bucket's default.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration
# custom:
#   id: DW-AWS-S3-004
#   checkov: [CKV_AWS_145]
#   trivy: [AVD-AWS-0132]
#   severity: low
#   category: encryption
#   resource_types: [aws_s3_bucket]
#   controls: []
#   remediation: |
#     resource "aws_s3_bucket_server_side_encryption_configuration" "app" {
#       bucket = aws_s3_bucket.app.id
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.s3.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
package driftwarden.rules.aws.s3.bucket_no_cmk

import data.driftwarden.lib.kms
import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption_configuration", message) if {
	some r in result.resources(rego.metadata.chain())
	values.unset(r, "server_side_encryption_configuration")
	message := "bucket has no default encryption configuration, so S3 encrypts with SSE-S3 (S3-managed keys), not a customer-managed KMS key"
}

deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption_configuration", message) if {
	some r in result.resources(rego.metadata.chain())
	config := r.attributes.server_side_encryption_configuration
	is_object(config)
	values.known(config)
	rules := object.get(config, "rule", [])
	values.known(rules)
	not some_rule_may_use_cmk(values.as_array(rules))
	message := sprintf("bucket default encryption is %s, not a customer-managed KMS key", [concat(", ", described(values.as_array(rules)))])
}

# An unknown rule, default block, algorithm or key may name a customer-managed key, so it never counts.
some_rule_may_use_cmk(rules) if {
	some rule in rules
	not judged(rule)
}

some_rule_may_use_cmk(rules) if {
	some rule in rules
	some by_default in by_defaults(rule)
	kms_algorithm(by_default.sse_algorithm)
	not kms.aws_managed_key(object.get(by_default, "kms_master_key_id", null), "s3")
}

# A rule whose every part is known (an absent default block means SSE-S3).
judged(rule) if {
	is_object(rule)
	values.known(rule)
	values.known(object.get(rule, "apply_server_side_encryption_by_default", null))
	every by_default in by_defaults(rule) {
		is_object(by_default)
		values.known(by_default)
		values.known(object.get(by_default, "sse_algorithm", null))
		values.known(object.get(by_default, "kms_master_key_id", null))
	}
}

by_defaults(rule) := [b | some b in values.as_array(object.get(rule, "apply_server_side_encryption_by_default", null)); b != null]

kms_algorithm(algorithm) if algorithm in {"aws:kms", "aws:kms:dsse"}

described(rules) := sort({d |
	some rule in rules
	d := rule_description(rule)
})

rule_description(rule) := "SSE-S3 (no default algorithm set)" if count(by_defaults(rule)) == 0

rule_description(rule) := description if {
	some by_default in by_defaults(rule)
	description := algorithm_description(by_default)
}

algorithm_description(by_default) := "SSE-S3 (S3-managed keys)" if not kms_algorithm(by_default.sse_algorithm)

algorithm_description(by_default) := sprintf("%s with the AWS-managed key aws/s3", [upper_sse(by_default.sse_algorithm)]) if {
	kms_algorithm(by_default.sse_algorithm)
	kms.aws_managed_key(object.get(by_default, "kms_master_key_id", null), "s3")
}

upper_sse("aws:kms") := "SSE-KMS"

upper_sse("aws:kms:dsse") := "DSSE-KMS"
