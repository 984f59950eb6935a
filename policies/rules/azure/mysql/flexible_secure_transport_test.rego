package driftwarden.rules.azure.mysql.flexible_secure_transport_test

import data.driftwarden.rules.azure.mysql.flexible_secure_transport
import rego.v1

type := "azurerm_mysql_flexible_server_configuration"

resource(origin, attributes) := {"key": "azurerm_mysql_flexible_server_configuration.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := flexible_secure_transport.deny with input as {"resources": {type: [r]}}
}

test_secure_transport_off_is_denied if {
	r := resource("declared", {"name": "require_secure_transport", "value": "OFF"})
	deny(r) == {{"ruleId": "DW-AZ-MYSQL-002", "key": "azurerm_mysql_flexible_server_configuration.x", "path": "value", "message": "MySQL flexible server accepts connections without TLS (require_secure_transport OFF)"}}
	count(deny(resource("live", {"name": "require_secure_transport", "value": "off"}))) == 1
	count(deny(resource("declared", {"name": "Require_Secure_Transport", "value": "Off"}))) == 1
	count(deny(resource("declared", {"name": "require_secure_transport", "value": "0"}))) == 1
}

test_secure_transport_on_passes if {
	count(deny(resource("declared", {"name": "require_secure_transport", "value": "ON"}))) == 0
	count(deny(resource("live", {"name": "require_secure_transport", "value": "on"}))) == 0
	count(deny(resource("declared", {"name": "require_secure_transport", "value": "1"}))) == 0
}

test_old_tls_versions_are_denied if {
	r := resource("declared", {"name": "tls_version", "value": "TLSv1,TLSv1.1,TLSv1.2"})
	deny(r) == {{"ruleId": "DW-AZ-MYSQL-002", "key": "azurerm_mysql_flexible_server_configuration.x", "path": "value", "message": "MySQL flexible server accepts TLSv1 and TLSv1.1, older than TLSv1.2 (tls_version)"}}
	[f.message | some f in deny(resource("live", {"name": "TLS_VERSION", "value": "tlsv1.1, tlsv1.2"}))] == ["MySQL flexible server accepts TLSv1.1, older than TLSv1.2 (tls_version)"]
	count(deny(resource("declared", {"name": "tls_version", "value": "TLSv1"}))) == 1
}

test_current_tls_versions_pass if {
	count(deny(resource("declared", {"name": "tls_version", "value": "TLSv1.2"}))) == 0
	count(deny(resource("declared", {"name": "tls_version", "value": "TLSv1.2,TLSv1.3"}))) == 0
	count(deny(resource("live", {"name": "tls_version", "value": "TLSv1.3"}))) == 0
}

test_other_parameters_pass if {
	count(deny(resource("declared", {"name": "event_scheduler", "value": "OFF"}))) == 0
	count(deny(resource("declared", {"name": "audit_log_events", "value": "TLSv1.1"}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"name": "require_secure_transport", "value": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"name": "tls_version", "value": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"name": {"__unknown": true}, "value": "OFF"}))) == 0
	count(deny(resource("live", {"name": "require_secure_transport"}))) == 0
	count(deny(resource("live", {"name": "tls_version"}))) == 0
}
