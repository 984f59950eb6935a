package driftwarden.rules.azure.postgresql.require_secure_transport_test

import data.driftwarden.rules.azure.postgresql.require_secure_transport
import rego.v1

type := "azurerm_postgresql_flexible_server_configuration"

resource(origin, attributes) := {"key": "azurerm_postgresql_flexible_server_configuration.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := require_secure_transport.deny with input as {"resources": {type: [r]}}
}

test_off_is_denied if {
	r := resource("declared", {"name": "require_secure_transport", "value": "off"})
	deny(r) == {{"ruleId": "DW-AZ-POSTGRESQL-002", "key": "azurerm_postgresql_flexible_server_configuration.x", "path": "value", "message": "PostgreSQL flexible server accepts connections without TLS (require_secure_transport off)"}}
	count(deny(resource("live", {"name": "require_secure_transport", "value": "OFF"}))) == 1
	count(deny(resource("declared", {"name": "Require_Secure_Transport", "value": "Off"}))) == 1
}

test_on_passes if {
	count(deny(resource("declared", {"name": "require_secure_transport", "value": "on"}))) == 0
	count(deny(resource("live", {"name": "require_secure_transport", "value": "ON"}))) == 0
}

test_other_parameters_pass if {
	count(deny(resource("declared", {"name": "log_connections", "value": "off"}))) == 0
	count(deny(resource("declared", {"name": "ssl_min_protocol_version", "value": "TLSv1.2"}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"name": "require_secure_transport", "value": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"name": {"__unknown": true}, "value": "off"}))) == 0
	count(deny(resource("live", {"name": "require_secure_transport"}))) == 0
}
