package driftwarden.rules.aws.kms.key_rotation_disabled_test

import data.driftwarden.rules.aws.kms.key_rotation_disabled
import rego.v1

key_id := "0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c"

key(origin, attributes) := {"key": sprintf("aws_kms_key.%s", [key_id]), "type": "aws_kms_key", "id": key_id, "origin": origin, "attributes": attributes}

findings(r) := f if {
	f := key_rotation_disabled.deny with input as {"resources": {"aws_kms_key": [r]}}
}

test_rotation_disabled_is_denied if {
	findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT"})) == {{"ruleId": "DW-AWS-KMS-002", "key": "aws_kms_key.0d9f7a46-7c5f-4b8e-9f3a-1d2e3f4a5b6c", "path": "enable_key_rotation", "message": "symmetric key does not rotate automatically"}}
}

test_rotation_disabled_without_spec_is_denied if {
	count(findings(key("live", {"enable_key_rotation": false}))) == 1
	count(findings(key("declared", {}))) == 1
}

test_rotation_enabled_passes if {
	count(findings(key("declared", {"enable_key_rotation": true, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}))) == 0
}

test_asymmetric_key_passes if {
	count(findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048"}))) == 0
	count(findings(key("live", {"enable_key_rotation": false, "customer_master_key_spec": "HMAC_256"}))) == 0
}

test_masked_spec_of_encryption_key_is_denied if {
	count(findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": {"__sensitive": "d1g3st"}, "key_usage": "ENCRYPT_DECRYPT"}))) == 1
	count(findings(key("live", {"enable_key_rotation": false, "customer_master_key_spec": {"__sensitive": "d1g3st"}}))) == 1
}

test_masked_spec_of_signing_key_passes if {
	count(findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": {"__sensitive": "d1g3st"}, "key_usage": "SIGN_VERIFY"}))) == 0
	count(findings(key("live", {"enable_key_rotation": false, "customer_master_key_spec": {"__sensitive": "d1g3st"}, "key_usage": "GENERATE_VERIFY_MAC"}))) == 0
}

test_unknown_rotation_passes if {
	count(findings(key("declared", {"enable_key_rotation": {"__unknown": true}}))) == 0
}

test_unknown_spec_passes if {
	count(findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": {"__unknown": true}}))) == 0
	count(findings(key("declared", {"enable_key_rotation": false, "customer_master_key_spec": {"__sensitive": "d1g3st"}, "key_usage": {"__unknown": true}}))) == 0
}

test_live_key_without_attribute_passes if {
	count(findings(key("live", {"customer_master_key_spec": "SYMMETRIC_DEFAULT"}))) == 0
}
