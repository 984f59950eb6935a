# METADATA
# title: KMS key rotation is not enabled
# description: |
#   Automatic rotation creates new key material for a symmetric customer-managed key every year (or on the period
#   you set), limiting how much data one key version protects. Asymmetric and HMAC keys cannot rotate and are not
#   judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: DW-AWS-KMS-002
#   checkov: [CKV_AWS_7]
#   trivy: [AVD-AWS-0065]
#   severity: medium
#   category: encryption
#   resource_types: [aws_kms_key]
#   controls: [CIS-AWS-3.6]
#   remediation: |
#     resource "aws_kms_key" "app" {
#       description             = "app data"
#       enable_key_rotation     = true
#       rotation_period_in_days = 365
#       deletion_window_in_days = 30
#     }
package driftwarden.rules.aws.kms.key_rotation_disabled

import data.driftwarden.lib.result
import data.driftwarden.lib.values
import rego.v1

deny contains result.finding(rego.metadata.chain(), r, "enable_key_rotation", "symmetric key does not rotate automatically") if {
	some r in result.resources(rego.metadata.chain())
	symmetric(r)
	values.is_false(r, "enable_key_rotation")
}

# Only symmetric keys rotate. An absent or empty spec means the default, SYMMETRIC_DEFAULT; an unknown one is not
# judged.
symmetric(r) if object.get(r.attributes, "customer_master_key_spec", null) in {null, "", "SYMMETRIC_DEFAULT"}

# The secret masking takes customer_master_key_spec for a secret (it contains "master_key") and replaces it with a
# digest. Then the key usage tells: signing, MAC and key-agreement keys are asymmetric or HMAC. An RSA encryption key
# (ENCRYPT_DECRYPT, asymmetric) cannot be told apart from a symmetric key this way.
symmetric(r) if {
	is_string(r.attributes.customer_master_key_spec.__sensitive)
	object.get(r.attributes, "key_usage", null) in {null, "", "ENCRYPT_DECRYPT"}
}
