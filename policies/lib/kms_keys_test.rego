package driftwarden.lib.kms_keys_test

import data.driftwarden.lib.kms_keys
import rego.v1

test_aws_managed_aliases if {
	kms_keys.aws_managed("alias/aws/secretsmanager")
	kms_keys.aws_managed("arn:aws:kms:eu-west-1:111122223333:alias/aws/kinesis")
	kms_keys.aws_managed("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/backup")
}

test_customer_keys_are_not_aws_managed if {
	not kms_keys.aws_managed("alias/orders")
	not kms_keys.aws_managed("alias/awsome")
	not kms_keys.aws_managed("arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")
	not kms_keys.aws_managed("arn:aws:kms:eu-west-1:111122223333:alias/team/aws/orders")
	not kms_keys.aws_managed("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")
}

test_unknown_is_not_aws_managed if {
	not kms_keys.aws_managed({"__unknown": true})
	not kms_keys.aws_managed(null)
}
