import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { blocksOf, idOf, keepFields, subResources, text, texts } from './shared/blocks.js';

/** What frontend_ip_configuration compares of each frontend. */
const FRONTEND = {
  name: s.string,
  subnet_id: s.string,
  private_ip_address: s.string,
  private_ip_address_allocation: s.string,
  private_ip_address_version: s.string,
  public_ip_address_id: s.string,
  public_ip_prefix_id: s.string,
  gateway_load_balancer_frontend_ip_configuration_id: s.string,
  zones: s.strings,
};

/**
 * azurerm_lb, from Microsoft.Network/loadBalancers (a row of the azurerm table until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-01-01/examples/`
 * `LoadBalancerGet.json` and `stable/2024-05-01/examples/LoadBalancerCreateWithZones.json`: `sku{name, tier}`,
 * `properties.frontendIPConfigurations[{name, zones, properties{privateIPAddress, privateIPAllocationMethod,
 * privateIPAddressVersion, subnet{id}, publicIPAddress{id}, publicIPPrefix{id}, gatewayLoadBalancer{id}}}]`; a
 * frontend's zones sit beside its properties, not in them. Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceArmLoadBalancerRead` and `flattenLoadBalancerFrontendIpConfiguration`: sku and sku_tier are sku.name and
 * sku.tier; frontend_ip_configuration is a list in ARM's order, its zones a set written only when there are any.
 * The provider validates private_ip_address_allocation case-insensitively and suppresses case differences, and its
 * earlier releases saved it lower-cased (`StateFunc: state.IgnoreCase`), so every side is brought to
 * `Dynamic`/`Static` before comparing.
 *
 * Each frontend's id and the rules that use it (load_balancer_rules, inbound_nat_rules, outbound_rules) are
 * computed, as are the load balancer's private_ip_address and private_ip_addresses. Backend pools, load-balancing
 * rules, probes, NAT rules and pools and outbound rules are separate azurerm types (azurerm_lb_backend_address_pool,
 * azurerm_lb_rule, azurerm_lb_probe, azurerm_lb_nat_rule, azurerm_lb_nat_pool, azurerm_lb_outbound_rule): the
 * load balancer's own arrays of them are not compared here. edge_zone (extendedLocation) is not part of the ARM
 * shape the readers pass on.
 */
export const lb = defineType({
  type: 'azurerm_lb',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    sku: s.string,
    sku_tier: s.string,
    frontend_ip_configuration: s.blocks(FRONTEND),
  }),
  sets: ['frontend_ip_configuration[*].zones'],
  computed: ['private_ip_address', 'private_ip_addresses'],
  // azurerm 4.x schema defaults (sku became Standard in 4.0, hashicorp/terraform-provider-azurerm#26294).
  defaults: { sku: 'Standard', sku_tier: 'Regional' },
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    keepFields(attributes, 'frontend_ip_configuration', Object.keys(FRONTEND));
    for (const frontend of blocksOf(attributes.frontend_ip_configuration)) {
      const method = frontend.private_ip_address_allocation;
      if (typeof method === 'string') frontend.private_ip_address_allocation = allocation(method);
    }
  },
  sources: { arm: { type: 'Microsoft.Network/loadBalancers', map: fromArm } },
});

const frontends = subResources(
  'frontendIPConfigurations',
  {
    subnet_id: idOf('subnet'),
    private_ip_address: text('privateIPAddress'),
    private_ip_address_allocation: text('privateIPAllocationMethod'),
    private_ip_address_version: text('privateIPAddressVersion'),
    public_ip_address_id: idOf('publicIPAddress'),
    public_ip_prefix_id: idOf('publicIPPrefix'),
    gateway_load_balancer_frontend_ip_configuration_id: idOf('gatewayLoadBalancer'),
  },
  { zones: texts('zones') },
);

function fromArm(resource: ArmShape): Attributes {
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'sku', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'sku_tier', arm.str(arm.field(resource.sku, 'tier')));
  arm.put(attributes, 'frontend_ip_configuration', frontends(resource.properties));
  return attributes;
}

const ALLOCATIONS = ['Dynamic', 'Static'];

function allocation(value: string): string {
  return ALLOCATIONS.find((known) => known.toLowerCase() === value.toLowerCase()) ?? value;
}
