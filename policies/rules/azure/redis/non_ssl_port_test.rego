package driftwarden.rules.azure.redis.non_ssl_port_test

import data.driftwarden.rules.azure.redis.non_ssl_port
import rego.v1

resource(type, origin, attributes) := {"key": sprintf("%s.x", [type]), "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := non_ssl_port.deny with input as {"resources": {r.type: [r]}}
}

test_non_ssl_port_on_is_denied if {
	r := resource("azurerm_redis_cache", "declared", {"non_ssl_port_enabled": true})
	deny(r) == {{"ruleId": "DW-AZ-REDIS-001", "key": "azurerm_redis_cache.x", "path": "non_ssl_port_enabled", "message": "Redis cache accepts unencrypted connections on its non-TLS port (6379)"}}
}

test_every_type_and_bad_value_is_denied if {
	every type in ["azurerm_redis_cache"] {
		every value in [true] {
			{f.path | some f in deny(resource(type, "live", {"non_ssl_port_enabled": value}))} == {"non_ssl_port_enabled"}
		}
	}
}

test_good_values_pass if {
	every value in [false] {
		count(deny(resource("azurerm_redis_cache", "declared", {"non_ssl_port_enabled": value}))) == 0
	}
}

test_unknown_passes if {
	count(deny(resource("azurerm_redis_cache", "declared", {"non_ssl_port_enabled": {"__unknown": true}}))) == 0
}

test_absent_on_a_declared_resource_is_the_default_and_passes if {
	count(deny(resource("azurerm_redis_cache", "declared", {"name": "x"}))) == 0
}

test_live_without_it_passes if {
	count(deny(resource("azurerm_redis_cache", "live", {"name": "x"}))) == 0
}
