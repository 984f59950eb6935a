import type { Value } from '../../../src/model/value.js';
import {
  asNumber,
  asRecord,
  asRecordList,
  asString,
  asStringList,
  envelopeAttributes,
  fieldOfEach,
  propertiesOf,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Network/networkSecurityGroups -> azurerm_network_security_group.
 *
 * Shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `NetworkSecurityGroupGet.json`: `properties.securityRules[{name, properties{protocol, sourcePortRange(s),
 * destinationPortRange(s), sourceAddressPrefix(es), destinationAddressPrefix(es), access, priority, direction,
 * description?}}]`. Only securityRules become security_rule; defaultSecurityRules are Azure's built-in rules
 * (65000+), which Terraform neither declares nor stores.
 *
 * Each block carries the fields the rule reports, as the provider's `flattenNetworkSecurityRules` does; protocol
 * gets the provider's canonical casing (`tcp` -> `Tcp`), since ARM returns what it was sent.
 */
export const networkSecurityGroupMapping: ArmTypeMapping = {
  armType: 'Microsoft.Network/networkSecurityGroups',
  terraformTypes: ['azurerm_network_security_group'],
  map: mapNetworkSecurityGroup,
};

const PROTOCOLS = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];

const STRING_FIELDS: readonly (readonly [string, string])[] = [
  ['direction', 'direction'],
  ['access', 'access'],
  ['sourcePortRange', 'source_port_range'],
  ['destinationPortRange', 'destination_port_range'],
  ['sourceAddressPrefix', 'source_address_prefix'],
  ['destinationAddressPrefix', 'destination_address_prefix'],
  ['description', 'description'],
];

const LIST_FIELDS: readonly (readonly [string, string])[] = [
  ['sourcePortRanges', 'source_port_ranges'],
  ['destinationPortRanges', 'destination_port_ranges'],
  ['sourceAddressPrefixes', 'source_address_prefixes'],
  ['destinationAddressPrefixes', 'destination_address_prefixes'],
];

function mapNetworkSecurityGroup(resource: ArmResource): MappedResource {
  const p = propertiesOf(resource);
  const attributes = envelopeAttributes(resource);
  put(attributes, 'security_rule', asRecordList(p.securityRules)?.map(securityRule));
  return { id: resource.id, terraformType: 'azurerm_network_security_group', attributes };
}

function securityRule(rule: Record<string, unknown>): Value {
  const p = asRecord(rule.properties) ?? {};
  const block: Record<string, Value> = {};
  put(block, 'name', asString(rule.name));
  put(block, 'priority', asNumber(p.priority));
  put(block, 'protocol', canonicalProtocol(asString(p.protocol)));
  for (const [armName, name] of STRING_FIELDS) put(block, name, asString(p[armName]));
  for (const [armName, name] of LIST_FIELDS) put(block, name, asStringList(p[armName]));
  put(block, 'source_application_security_group_ids', fieldOfEach(p.sourceApplicationSecurityGroups, 'id'));
  put(
    block,
    'destination_application_security_group_ids',
    fieldOfEach(p.destinationApplicationSecurityGroups, 'id'),
  );
  return block;
}

function canonicalProtocol(protocol: string | undefined): string | undefined {
  if (protocol === undefined) return undefined;
  return PROTOCOLS.find((known) => known.toLowerCase() === protocol.toLowerCase()) ?? protocol;
}
