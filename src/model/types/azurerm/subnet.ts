import { isPlainObject, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType, type SubResource } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_subnet, from Microsoft.Network/virtualNetworks/subnets.
 *
 * ARM nests subnets in their network: neither `Resources - List` nor Resource Graph's `resources` table lists
 * them, and a virtual network's GET (and its Resource Graph row) holds each one whole in `properties.subnets`, with
 * its own id. So the live readers take them from the network (`nestedIn`), at no extra call. Shape: Azure/azure-
 * rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/SubnetGet.json`,
 * `SubnetGetWithDelegation.json` and `VirtualNetworkGet.json` (`addressPrefix` or `addressPrefixes`,
 * `serviceEndpoints[{service}]`, `serviceEndpointPolicies[{id}]`, `delegations[{name, properties{serviceName,
 * actions}}]`, `privateEndpointNetworkPolicies`, `privateLinkServiceNetworkPolicies`, `defaultOutboundAccess`,
 * `networkSecurityGroup{id}`, `routeTable{id}`).
 *
 * Attributes follow terraform-provider-azurerm 4.x `resourceSubnetRead`: one `addressPrefix` is
 * `address_prefixes = [it]`; an absent `defaultOutboundAccess` is `true`; `privateLinkServiceNetworkPolicies` is
 * the flag `private_link_service_network_policies_enabled` (`Enabled`, any case). A subnet Terraform declares
 * inline, in its network's `subnet` blocks, is the network's (`inlineIn`), never unmanaged.
 *
 * The network security group and route table of a subnet are separate Terraform resources
 * (azurerm_subnet_network_security_group_association, azurerm_subnet_route_table_association, whose id is the
 * subnet's): they fold into the subnet as `network_security_group_id` and `route_table_id`, which ARM holds on
 * the subnet. `ip_address_pool` (IPAM allocations) is not mapped.
 */
export const subnet = defineType({
  type: 'azurerm_subnet',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    resource_group_name: s.string,
    virtual_network_name: s.string,
    address_prefixes: s.strings,
    service_endpoints: s.strings,
    service_endpoint_policy_ids: s.strings,
    delegation: s.blocks({
      name: s.string,
      service_delegation: s.blocks({ name: s.string, actions: s.strings }),
    }),
    default_outbound_access_enabled: s.boolean,
    private_endpoint_network_policies: s.string,
    private_link_service_network_policies_enabled: s.boolean,
    sharing_scope: s.string,
    network_security_group_id: s.string,
    route_table_id: s.string,
  }),
  sets: ['service_endpoints', 'service_endpoint_policy_ids', 'delegation[*].service_delegation[*].actions'],
  defaults: {
    default_outbound_access_enabled: true,
    private_endpoint_network_policies: 'Disabled',
    private_link_service_network_policies_enabled: true,
  },
  id: { attribute: 'id', caseInsensitive: true },
  inlineIn: { type: 'azurerm_virtual_network', block: 'subnet', parentId: parentIdOf },
  folds: [
    association('azurerm_subnet_network_security_group_association', 'network_security_group_id'),
    association('azurerm_subnet_route_table_association', 'route_table_id'),
  ],
  sources: {
    arm: {
      type: 'Microsoft.Network/virtualNetworks/subnets',
      nestedIn: { type: 'Microsoft.Network/virtualNetworks', property: 'subnets' },
      map: fromArm,
      // What ARM sets for a subnet whose template leaves these out (the REST spec's defaults).
      platformDefaults: {
        default_outbound_access_enabled: true,
        private_endpoint_network_policies: 'Disabled',
        private_link_service_network_policies_enabled: true,
      },
    },
  },
});

/** An association resource (`subnet_id` plus one id): the subnet's attribute of the same name. */
function association(type: string, attribute: string): SubResource {
  return {
    type,
    parentIdAttribute: 'subnet_id',
    unfold: [{ attribute, as: 'attribute' }],
    fold(parent, sub) {
      parent[attribute] = sub[attribute] ?? null;
    },
  };
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'resource_group_name', arm.idSegmentAfter(resource.id, 'resourcegroups'));
  arm.put(attributes, 'virtual_network_name', arm.idSegmentAfter(resource.id, 'virtualnetworks'));
  if (!isPlainObject(p)) return attributes;
  const single = arm.str(arm.field(p, 'addressPrefix'));
  const many = arm.strings(arm.field(p, 'addressPrefixes'));
  arm.put(attributes, 'address_prefixes', many ?? (single === undefined ? [] : [single]));
  arm.put(attributes, 'service_endpoints', arm.fieldOfEach(arm.field(p, 'serviceEndpoints'), 'service'));
  arm.put(
    attributes,
    'service_endpoint_policy_ids',
    arm.fieldOfEach(arm.field(p, 'serviceEndpointPolicies'), 'id'),
  );
  arm.put(attributes, 'delegation', arm.records(arm.field(p, 'delegations'), delegation));
  arm.put(
    attributes,
    'default_outbound_access_enabled',
    arm.bool(arm.field(p, 'defaultOutboundAccess')) ?? true,
  );
  arm.put(
    attributes,
    'private_endpoint_network_policies',
    arm.str(arm.field(p, 'privateEndpointNetworkPolicies')),
  );
  arm.put(
    attributes,
    'private_link_service_network_policies_enabled',
    enabledOnly(arm.str(arm.field(p, 'privateLinkServiceNetworkPolicies'))),
  );
  arm.put(attributes, 'sharing_scope', arm.str(arm.field(p, 'sharingScope')));
  arm.put(attributes, 'network_security_group_id', arm.str(arm.field(p, 'networkSecurityGroup', 'id')));
  arm.put(attributes, 'route_table_id', arm.str(arm.field(p, 'routeTable', 'id')));
  return attributes;
}

function delegation(item: Value): Value {
  const block: Attributes = {};
  arm.put(block, 'name', arm.str(arm.field(item, 'name')));
  const service: Attributes = {};
  arm.put(service, 'name', arm.str(arm.field(item, 'properties', 'serviceName')));
  arm.put(service, 'actions', arm.strings(arm.field(item, 'properties', 'actions')));
  block.service_delegation = [service];
  return block;
}

/** The provider reads the policy as a flag: `Enabled` (any case) is true, anything else false. */
function enabledOnly(value: Value | undefined): Value | undefined {
  return typeof value === 'string' ? value.toLowerCase() === 'enabled' : value;
}
