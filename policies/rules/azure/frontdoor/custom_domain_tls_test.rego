package driftwarden.rules.azure.frontdoor.custom_domain_tls_test

import data.driftwarden.rules.azure.frontdoor.custom_domain_tls
import rego.v1

type := "azurerm_cdn_frontdoor_custom_domain"

resource(origin, attributes) := {"key": "azurerm_cdn_frontdoor_custom_domain.x", "type": type, "id": "x", "origin": origin, "attributes": attributes}

deny(r) := findings if {
	findings := custom_domain_tls.deny with input as {"resources": {type: [r]}}
}

test_tls10_is_denied if {
	r := resource("declared", {"host_name": "www.acme.example", "tls": [{"certificate_type": "ManagedCertificate", "minimum_tls_version": "TLS10"}]})
	deny(r) == {{"ruleId": "DW-AZ-FRONTDOOR-001", "key": "azurerm_cdn_frontdoor_custom_domain.x", "path": "tls[0].minimum_tls_version", "message": "Front Door custom domain accepts TLS 1.0, older than 1.2 (minimum_tls_version TLS10)"}}
	count(deny(resource("live", {"tls": [{"minimum_tls_version": "tls10"}]}))) == 1
}

test_tls10_as_a_bare_block_is_denied if {
	[f.path | some f in deny(resource("declared", {"tls": {"minimum_tls_version": "TLS10"}}))] == ["tls[0].minimum_tls_version"]
}

test_tls12_passes if {
	count(deny(resource("declared", {"tls": [{"certificate_type": "ManagedCertificate", "minimum_tls_version": "TLS12"}]}))) == 0
	count(deny(resource("live", {"tls": [{"minimum_tls_version": "TLS12"}]}))) == 0
}

test_left_out_is_the_tls12_default if {
	count(deny(resource("declared", {"tls": [{"certificate_type": "CustomerCertificate"}]}))) == 0
	count(deny(resource("declared", {"tls": []}))) == 0
	count(deny(resource("declared", {"host_name": "www.acme.example"}))) == 0
	count(deny(resource("declared", {"tls": [{"minimum_tls_version": null}]}))) == 0
}

test_unknown_passes if {
	count(deny(resource("declared", {"tls": [{"minimum_tls_version": {"__unknown": true}}]}))) == 0
	count(deny(resource("declared", {"tls": {"__unknown": true}}))) == 0
	count(deny(resource("declared", {"tls": [{"__unknown": true}]}))) == 0
}

test_each_domain_is_judged if {
	weak := object.union(resource("declared", {"tls": [{"minimum_tls_version": "TLS10"}]}), {"key": "azurerm_cdn_frontdoor_custom_domain.weak"})
	strong := object.union(resource("declared", {"tls": [{"minimum_tls_version": "TLS12"}]}), {"key": "azurerm_cdn_frontdoor_custom_domain.strong"})
	findings := custom_domain_tls.deny with input as {"resources": {type: [weak, strong]}}
	[f.key | some f in findings] == ["azurerm_cdn_frontdoor_custom_domain.weak"]
}

test_other_types_are_ignored if {
	findings := custom_domain_tls.deny with input as {"resources": {"azurerm_cdn_endpoint_custom_domain": [object.union(resource("declared", {"tls": [{"minimum_tls_version": "TLS10"}]}), {"type": "azurerm_cdn_endpoint_custom_domain"})]}}
	count(findings) == 0
}
