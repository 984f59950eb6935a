# METADATA
# title: KMS key references
# description: |
#   Which key a resource names. An AWS-managed key is an account's aws/<service> alias (alias/aws/kinesis), by
#   name or ARN (arn:aws:kms:eu-west-1:111122223333:alias/aws/kinesis): its key policy and rotation belong to AWS.
#   A key id, key ARN or any other alias may be customer-managed. An unknown reference is neither.
package driftwarden.lib.kms_keys

import rego.v1

aws_managed(key) if {
	is_string(key)
	regex.match(`^(alias/aws/|arn:aws[a-z-]*:kms:[^:]*:[0-9]*:alias/aws/)`, key)
}
