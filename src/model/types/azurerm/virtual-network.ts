import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_virtual_network, from Microsoft.Network/virtualNetworks.
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `VirtualNetworkGet.json` and `VirtualNetworkCreateWithEncryption.json` (`properties.addressSpace.addressPrefixes`,
 * `dhcpOptions.dnsServers`, `flowTimeoutInMinutes`, `bgpCommunities.virtualNetworkCommunity`,
 * `encryption{enabled, enforcement}`). Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceVirtualNetworkRead`: `encryption` is a one-element block holding the enforcement when encryption is on.
 * Subnets are left to azurerm_subnet: the network's inline `subnet` set is not compared.
 */
export const virtualNetwork = defineType({
  type: 'azurerm_virtual_network',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    address_space: s.strings,
    dns_servers: s.strings,
    flow_timeout_in_minutes: s.number,
    bgp_community: s.string,
    encryption: s.blocks({ enforcement: s.string }),
  }),
  // The order of address spaces carries no meaning; the order of DNS servers does.
  sets: ['address_space'],
  computed: ['guid'],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/virtualNetworks', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'address_space', arm.strings(arm.field(p, 'addressSpace', 'addressPrefixes')));
  arm.put(attributes, 'dns_servers', arm.strings(arm.field(p, 'dhcpOptions', 'dnsServers')));
  arm.put(attributes, 'flow_timeout_in_minutes', arm.num(arm.field(p, 'flowTimeoutInMinutes')));
  arm.put(attributes, 'bgp_community', arm.str(arm.field(p, 'bgpCommunities', 'virtualNetworkCommunity')));
  arm.put(attributes, 'encryption', encryption(arm.field(p, 'encryption')));
  return attributes;
}

/** `{enabled: true, enforcement}` -> `[{enforcement}]`; encryption off is no block. */
function encryption(value: Value | undefined): Value | undefined {
  if (value === undefined) return undefined;
  const enabled = arm.bool(arm.field(value, 'enabled'));
  if (enabled === false) return [];
  if (enabled !== true) return enabled;
  return [{ enforcement: arm.str(arm.field(value, 'enforcement')) ?? null }];
}
