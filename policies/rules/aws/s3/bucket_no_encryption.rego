# METADATA
# title: S3 bucket has no default server-side encryption
# description: |
#   A bucket without a default server-side encryption rule relies on every writer to ask for encryption. Configure
#   default encryption (SSE-S3 or SSE-KMS) so that every object is encrypted at rest.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html
# custom:
#   id: DW-AWS-S3-002
#   checkov: [CKV_AWS_19]
#   trivy: [AVD-AWS-0088]
#   severity: medium
#   category: encryption
#   resource_types: [aws_s3_bucket]
#   controls: [CIS-AWS-2.1.1]
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
package driftwarden.rules.aws.s3.bucket_no_encryption

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "server_side_encryption_configuration", "bucket has no default server-side encryption") if {
	some r in result.resources(rego.metadata.chain())
	no_default_encryption(r)
}

no_default_encryption(r) if values.unset(r, "server_side_encryption_configuration")

# A configuration none of whose rules sets a default algorithm. An unknown configuration, rule or default block
# may well set one, so it never counts.
no_default_encryption(r) if {
	config := r.attributes.server_side_encryption_configuration
	is_object(config)
	values.known(config)
	rules := values.as_array(object.get(config, "rule", []))
	not some_rule_may_encrypt(rules)
}

some_rule_may_encrypt(rules) if {
	some rule in rules
	values.is_unknown(rule)
}

some_rule_may_encrypt(rules) if {
	some rule in rules
	is_object(rule)
	some by_default in values.as_array(object.get(rule, "apply_server_side_encryption_by_default", []))
	may_set_algorithm(by_default)
}

may_set_algorithm(by_default) if values.is_unknown(by_default)

may_set_algorithm(by_default) if {
	is_object(by_default)
	not values.is_empty(object.get(by_default, "sse_algorithm", null))
}
