import { isPlainObject, isUnknown, unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_cdn_frontdoor_custom_domain, from Microsoft.Cdn/profiles/customDomains (a custom domain of a Front Door
 * Standard/Premium profile).
 *
 * ARM shape: Azure/azure-rest-api-specs cdn AFDDomainProperties (hostName, azureDnsZone{id}, tlsSettings:
 * AFDDomainHttpsParameters {certificateType, minimumTlsVersion, secret{id}}), as the go-azure-sdk
 * `resource-manager/cdn/.../afddomains` models generated from it hold it; its AfdMinimumTlsVersion is `TLS10` or
 * `TLS12`, and its description names no default, so a template that leaves it out says nothing of it. Attributes
 * follow terraform-provider-azurerm 4.x website/docs/r/cdn_frontdoor_custom_domain.html.markdown: name,
 * cdn_frontdoor_profile_id (the parent), host_name, dns_zone_id and one `tls` block (certificate_type,
 * minimum_tls_version (`TLS10` or `TLS12`, default `TLS12`), cdn_frontdoor_secret_id).
 *
 * No live reader maps a profile's custom domains yet.
 */
export const cdnFrontdoorCustomDomain = defineType({
  type: 'azurerm_cdn_frontdoor_custom_domain',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    cdn_frontdoor_profile_id: s.string,
    host_name: s.string,
    dns_zone_id: s.string,
    tls: s.blocks({
      certificate_type: s.string,
      minimum_tls_version: s.string,
      cdn_frontdoor_secret_id: s.string,
    }),
  }),
  computed: ['validation_token', 'expiration_date'],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Cdn/profiles/customDomains', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  // A template names a child `profile/domain`; the domain is the last segment.
  const name = arm.nameOf(resource);
  arm.put(attributes, 'name', typeof name === 'string' ? name.split('/').pop() : name);
  arm.put(attributes, 'cdn_frontdoor_profile_id', parentIdOf(resource.id));
  arm.put(attributes, 'host_name', arm.str(arm.field(p, 'hostName')));
  arm.put(attributes, 'dns_zone_id', arm.str(arm.field(p, 'azureDnsZone', 'id')));
  arm.put(attributes, 'tls', tlsOf(arm.field(p, 'tlsSettings')));
  return attributes;
}

/** tlsSettings as the one-element `tls` list Terraform stores; a tlsSettings not static or not an object is unknown. */
function tlsOf(settings: Value | undefined): Value | undefined {
  if (settings === undefined) return undefined;
  if (!isPlainObject(settings) || isUnknown(settings)) return unknown('expression');
  const block: Attributes = {};
  arm.put(block, 'certificate_type', arm.str(arm.field(settings, 'certificateType')));
  arm.put(block, 'minimum_tls_version', arm.str(arm.field(settings, 'minimumTlsVersion')));
  arm.put(block, 'cdn_frontdoor_secret_id', arm.str(arm.field(settings, 'secret', 'id')));
  return [block];
}
