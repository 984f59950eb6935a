package driftwarden.rules.azure.appgw.ssl_policy_test

import data.driftwarden.rules.azure.appgw.ssl_policy
import rego.v1

resource(origin, attributes) := {"key": "azurerm_application_gateway.x", "type": "azurerm_application_gateway", "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := ssl_policy.deny with input as {"resources": {"azurerm_application_gateway": [r]}}
}

findings(r) := {[f.path, f.message] | some f in deny(r)}

test_old_predefined_policy_is_denied if {
	r := resource("declared", {"ssl_policy": [{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20150501"}]})
	deny(r) == {{"ruleId": "DW-AZ-APPGW-001", "key": "azurerm_application_gateway.x", "path": "ssl_policy[0].policy_name", "message": "gateway uses the predefined TLS policy AppGwSslPolicy20150501, which accepts TLSv1_0"}}
	findings(resource("live", {"ssl_policy": {"policy_name": "AppGwSslPolicy20170401"}})) == {["ssl_policy[0].policy_name", "gateway uses the predefined TLS policy AppGwSslPolicy20170401, which accepts TLSv1_1"]}
}

test_custom_policy_below_tls_1_2_is_denied if {
	r := resource("live", {"ssl_policy": [{"policy_type": "CustomV2", "min_protocol_version": "TLSv1_1", "cipher_suites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]}]})
	findings(r) == {["ssl_policy[0].min_protocol_version", "gateway's custom TLS policy accepts TLSv1_1, older than TLSv1_2"]}
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": "Custom", "min_protocol_version": "TLSv1_0"}]}))) == 1
}

test_a_custom_policy_is_judged_by_its_protocol_not_a_stale_name if {
	r := resource("declared", {"ssl_policy": [{"policy_type": "CustomV2", "policy_name": "AppGwSslPolicy20150501", "min_protocol_version": "TLSv1_2"}]})
	count(deny(r)) == 0
}

test_current_policies_pass if {
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20220101S"}]}))) == 0
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20170401S"}]}))) == 0
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": "CustomV2", "min_protocol_version": "TLSv1_3"}]}))) == 0
}

test_no_policy_passes if {
	count(deny(resource("declared", {"name": "x"}))) == 0
	count(deny(resource("declared", {"ssl_policy": []}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"ssl_policy": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": "Predefined", "policy_name": {"__unknown": true}}]}))) == 0
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": {"__unknown": true}, "min_protocol_version": "TLSv1_0"}]}))) == 0
	count(deny(resource("declared", {"ssl_policy": [{"policy_type": {"__unknown": true}, "policy_name": "AppGwSslPolicy20150501"}]}))) == 0
}
