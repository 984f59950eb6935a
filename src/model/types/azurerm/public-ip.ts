import { isPlainObject, isUnknown, setOwnValue, unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_public_ip, from Microsoft.Network/publicIPAddresses (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `PublicIpAddressGet.json` (sku{name, tier}, properties.publicIPAllocationMethod, publicIPAddressVersion,
 * idleTimeoutInMinutes, ipAddress, dnsSettings{domainNameLabel, fqdn}) and `PublicIpAddressCreateDefaults.json` /
 * `PublicIpAddressCreateCustomizedValues.json` (ipTags, ddosSettings.protectionMode, publicIPPrefix). Attribute
 * semantics follow terraform-provider-azurerm 4.x `resourcePublicIpRead`: sku and sku_tier are sku.name and
 * sku.tier, ip_tags is a map of tag type -> tag, domain_name_label and reverse_fqdn come from dnsSettings.
 * Availability zones are top-level `zones`, which the ARM shape does not carry: not compared.
 */
export const publicIp = defineType({
  type: 'azurerm_public_ip',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    allocation_method: s.string,
    sku: s.string,
    sku_tier: s.string,
    ip_version: s.string,
    idle_timeout_in_minutes: s.number,
    domain_name_label: s.string,
    reverse_fqdn: s.string,
    public_ip_prefix_id: s.string,
    ddos_protection_mode: s.string,
    ddos_protection_plan_id: s.string,
    ip_tags: s.tags,
  }),
  computed: ['ip_address', 'fqdn'],
  // azurerm 4.x schema defaults (website/docs/r/public_ip.html.markdown; sku became Standard in 4.0).
  defaults: {
    sku: 'Standard',
    sku_tier: 'Regional',
    ip_version: 'IPv4',
    idle_timeout_in_minutes: 4,
    ddos_protection_mode: 'VirtualNetworkInherited',
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/publicIPAddresses', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'sku', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'sku_tier', arm.str(arm.field(resource.sku, 'tier')));
  arm.put(attributes, 'allocation_method', arm.str(arm.field(p, 'publicIPAllocationMethod')));
  arm.put(attributes, 'ip_version', arm.str(arm.field(p, 'publicIPAddressVersion')));
  arm.put(attributes, 'idle_timeout_in_minutes', arm.num(arm.field(p, 'idleTimeoutInMinutes')));
  arm.put(attributes, 'domain_name_label', arm.str(arm.field(p, 'dnsSettings', 'domainNameLabel')));
  arm.put(attributes, 'reverse_fqdn', arm.str(arm.field(p, 'dnsSettings', 'reverseFqdn')));
  arm.put(attributes, 'public_ip_prefix_id', arm.str(arm.field(p, 'publicIPPrefix', 'id')));
  arm.put(attributes, 'ddos_protection_mode', arm.str(arm.field(p, 'ddosSettings', 'protectionMode')));
  arm.put(
    attributes,
    'ddos_protection_plan_id',
    arm.str(arm.field(p, 'ddosSettings', 'ddosProtectionPlan', 'id')),
  );
  arm.put(attributes, 'ip_tags', ipTags(arm.field(p, 'ipTags')));
  return attributes;
}

/** `[{ipTagType, tag}]` -> `{ipTagType: tag}`, as the provider flattens them. */
function ipTags(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  if (!Array.isArray(value)) return unknown('expression');
  const out: Attributes = {};
  for (const item of value) {
    if (!isPlainObject(item)) continue;
    const type = arm.str(arm.field(item, 'ipTagType'));
    const tag = arm.str(arm.field(item, 'tag'));
    if (typeof type !== 'string') return unknown('expression');
    if (tag !== undefined) setOwnValue(out, type, tag);
  }
  return out;
}
