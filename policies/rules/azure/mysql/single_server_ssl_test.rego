package driftwarden.rules.azure.mysql.single_server_ssl_test

import data.driftwarden.rules.azure.mysql.single_server_ssl
import rego.v1

type := "azurerm_mysql_server"

resource(origin, attributes) := {"key": "azurerm_mysql_server.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := single_server_ssl.deny with input as {"resources": {type: [r]}}
}

findings(r) := {[f.path, f.message] | some f in deny(r)}

test_ssl_off_is_denied if {
	r := resource("declared", {"ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLS1_2"})
	deny(r) == {{"ruleId": "DW-AZ-MYSQL-003", "key": "azurerm_mysql_server.x", "path": "ssl_enforcement_enabled", "message": "MySQL server accepts connections without TLS (SSL enforcement off)"}}
}

test_weak_tls_is_denied if {
	findings(resource("live", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"})) == {["ssl_minimal_tls_version_enforced", "MySQL server accepts TLS1_1, older than TLS1_2"]}
	findings(resource("declared", {"ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})) == {
		["ssl_enforcement_enabled", "MySQL server accepts connections without TLS (SSL enforcement off)"],
		["ssl_minimal_tls_version_enforced", "MySQL server accepts TLSEnforcementDisabled, older than TLS1_2"],
	}
}

test_tls_1_2_passes if {
	count(deny(resource("declared", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}))) == 0
}

test_absent_passes if {
	count(deny(resource("declared", {"name": "mysql"}))) == 0
	count(deny(resource("live", {"name": "mysql"}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"ssl_enforcement_enabled": {"__unknown": true}, "ssl_minimal_tls_version_enforced": {"__unknown": true}}))) == 0
}

test_ssl_off_with_tls_left_out_reports_ssl_only if {
	findings(resource("declared", {"ssl_enforcement_enabled": false})) == {["ssl_enforcement_enabled", "MySQL server accepts connections without TLS (SSL enforcement off)"]}
}

test_every_weak_version_is_denied if {
	every version in ["TLS1_0", "TLS1_1", "TLSEnforcementDisabled"] {
		findings(resource("declared", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": version})) == {["ssl_minimal_tls_version_enforced", sprintf("MySQL server accepts %s, older than TLS1_2", [version])]}
	}
}
