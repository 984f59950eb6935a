# METADATA
# title: KMS key helpers
# description: |
#   Which key ids name an AWS-managed key. A service that encrypts without a key id uses its AWS-owned or
#   AWS-managed key, and aws/<service> is the alias of the AWS-managed one (alias/aws/s3, alias/aws/sns, ...), as an
#   alias name or an alias ARN. An unknown key id is never AWS-managed.
package driftwarden.lib.kms

import data.driftwarden.lib.values
import rego.v1

# No key id: the service's own key.
aws_managed_key(key, _) if values.is_empty(key)

aws_managed_key(key, service) if {
	is_string(key)
	endswith(key, concat("", ["alias/aws/", service]))
}

# The key a message names: the alias given, or the service's AWS-managed key when none is.
described_key(key, service) := sprintf("the AWS-managed key alias/aws/%s", [service]) if values.is_empty(key)

described_key(key, _) := sprintf("the AWS-managed key %s", [key]) if {
	is_string(key)
	key != ""
}
