import { isUnknown, unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { keepFields, subResources, text } from './shared/blocks.js';

/** What private_service_connection compares of the connection. */
const CONNECTION = {
  name: s.string,
  is_manual_connection: s.boolean,
  private_connection_resource_id: s.string,
  private_connection_resource_alias: s.string,
  subresource_names: s.strings,
  request_message: s.string,
};

/**
 * azurerm_private_endpoint, from Microsoft.Network/privateEndpoints (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `PrivateEndpointGet.json` and `PrivateEndpointGetForManualApproval.json`: `properties.subnet{id}`,
 * `customNetworkInterfaceName`, `privateLinkServiceConnections` and `manualPrivateLinkServiceConnections`
 * (`[{name, properties{privateLinkServiceId, groupIds, requestMessage}}]`), `ipConfigurations[{name,
 * properties{groupId, memberName, privateIPAddress}}]`. Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourcePrivateEndpointFlatten`: private_service_connection is the automatic connections
 * (is_manual_connection false) then the manual ones (true); a connection target ending in
 * `.azure.privatelinkservice` is an alias (private_connection_resource_alias), any other the resource id; only a
 * manual connection carries request_message (ARM echoes the message of an auto-approved one too); subresource_names
 * are groupIds, in order. ip_configuration's subresource_name is groupId; member_name is Optional+Computed.
 *
 * Computed, not compared: private_service_connection's private_ip_address (the provider reads it from the
 * endpoint's NIC, a second call), network_interface, custom_dns_configs and private_dns_zone_configs. Not compared:
 * private_dns_zone_group, which the endpoint's payload does not carry: the provider lists it with a second call
 * (`privateDnsZoneGroups` of the endpoint), and a template declares it as a child resource
 * (`Microsoft.Network/privateEndpoints/privateDnsZoneGroups`). edge_zone (extendedLocation) is not part of the ARM
 * shape the readers pass on.
 */
export const privateEndpoint = defineType({
  type: 'azurerm_private_endpoint',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    subnet_id: s.string,
    custom_network_interface_name: s.string,
    private_service_connection: s.blocks(CONNECTION),
    ip_configuration: s.blocks({
      name: s.string,
      private_ip_address: s.string,
      subresource_name: s.string,
      member_name: s.string,
    }),
  }),
  computed: ['network_interface', 'custom_dns_configs', 'private_dns_zone_configs'],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    keepFields(attributes, 'private_service_connection', Object.keys(CONNECTION));
  },
  sources: { arm: { type: 'Microsoft.Network/privateEndpoints', map: fromArm } },
});

const ipConfigurations = subResources('ipConfigurations', {
  private_ip_address: text('privateIPAddress'),
  subresource_name: text('groupId'),
  member_name: text('memberName'),
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'subnet_id', arm.str(arm.field(p, 'subnet', 'id')));
  arm.put(attributes, 'custom_network_interface_name', arm.str(arm.field(p, 'customNetworkInterfaceName')));
  arm.put(attributes, 'private_service_connection', connections(p));
  arm.put(attributes, 'ip_configuration', ipConfigurations(p));
  return attributes;
}

/** The automatic connections, then the manual ones; either list unknown makes the whole unknown. */
function connections(properties: Value | undefined): Value | undefined {
  const automatic = arm.records(arm.field(properties, 'privateLinkServiceConnections'), (item) =>
    connection(item, false),
  );
  const manual = arm.records(arm.field(properties, 'manualPrivateLinkServiceConnections'), (item) =>
    connection(item, true),
  );
  if (isUnknown(automatic) || isUnknown(manual)) return unknown('expression');
  if (automatic === undefined && manual === undefined) return undefined;
  return [...(Array.isArray(automatic) ? automatic : []), ...(Array.isArray(manual) ? manual : [])];
}

function connection(item: Value, manual: boolean): Value {
  const p = arm.field(item, 'properties');
  const block: Attributes = { is_manual_connection: manual };
  arm.put(block, 'name', arm.str(arm.field(item, 'name')));
  const target = arm.str(arm.field(p, 'privateLinkServiceId'));
  const alias = typeof target === 'string' && target.endsWith('.azure.privatelinkservice');
  arm.put(block, alias ? 'private_connection_resource_alias' : 'private_connection_resource_id', target);
  arm.put(block, 'subresource_names', arm.strings(arm.field(p, 'groupIds')));
  if (manual) arm.put(block, 'request_message', arm.str(arm.field(p, 'requestMessage')));
  return block;
}
