import type { Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_network_security_group, from Microsoft.Network/networkSecurityGroups.
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `NetworkSecurityGroupGet.json`: `properties.securityRules[{name, properties{protocol, sourcePortRange(s),
 * destinationPortRange(s), sourceAddressPrefix(es), destinationAddressPrefix(es), access, priority, direction,
 * description?}}]`. Only securityRules become security_rule; defaultSecurityRules are Azure's built-in rules
 * (65000+), which Terraform neither declares nor stores.
 *
 * Each block carries the fields the rule reports, as the provider's `flattenNetworkSecurityRules` does; protocol
 * gets the provider's canonical casing (`tcp` -> `Tcp`), since ARM returns what it was sent.
 */
/** One security rule's attributes: the group's `security_rule` block, and azurerm_network_security_rule's own. */
export const SECURITY_RULE = {
  name: s.string,
  priority: s.number,
  protocol: s.string,
  direction: s.string,
  access: s.string,
  description: s.string,
  source_port_range: s.string,
  source_port_ranges: s.strings,
  destination_port_range: s.string,
  destination_port_ranges: s.strings,
  source_address_prefix: s.string,
  source_address_prefixes: s.strings,
  destination_address_prefix: s.string,
  destination_address_prefixes: s.strings,
  source_application_security_group_ids: s.strings,
  destination_application_security_group_ids: s.strings,
};

/** The rule's list fields, TypeSet in the provider's schema. */
export const SECURITY_RULE_SETS = [
  'source_port_ranges',
  'destination_port_ranges',
  'source_address_prefixes',
  'destination_address_prefixes',
  'source_application_security_group_ids',
  'destination_application_security_group_ids',
];

export const networkSecurityGroup = defineType({
  type: 'azurerm_network_security_group',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    security_rule: s.blocks(SECURITY_RULE),
  }),
  // security_rule and its list fields are TypeSet in the provider's schema.
  sets: ['security_rule', ...SECURITY_RULE_SETS.map((path) => `security_rule[*].${path}`)],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/networkSecurityGroups', map: fromArm } },
});

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

function fromArm(resource: ArmShape): Attributes {
  const attributes = arm.envelope(resource);
  arm.put(
    attributes,
    'security_rule',
    arm.records(arm.field(resource.properties, 'securityRules'), securityRule),
  );
  return attributes;
}

/** One rule's attributes, as the group's `security_rule` block and azurerm_network_security_rule hold them. */
export function securityRule(rule: Value): Attributes {
  const p = arm.field(rule, 'properties');
  const block: Attributes = {};
  arm.put(block, 'name', arm.str(arm.field(rule, 'name')));
  arm.put(block, 'priority', arm.num(arm.field(p, 'priority')));
  arm.put(block, 'protocol', canonicalProtocol(arm.str(arm.field(p, 'protocol'))));
  for (const [armName, name] of STRING_FIELDS) arm.put(block, name, arm.str(arm.field(p, armName)));
  for (const [armName, name] of LIST_FIELDS) arm.put(block, name, arm.strings(arm.field(p, armName)));
  arm.put(
    block,
    'source_application_security_group_ids',
    arm.fieldOfEach(arm.field(p, 'sourceApplicationSecurityGroups'), 'id'),
  );
  arm.put(
    block,
    'destination_application_security_group_ids',
    arm.fieldOfEach(arm.field(p, 'destinationApplicationSecurityGroups'), 'id'),
  );
  return block;
}

function canonicalProtocol(protocol: Value | undefined): Value | undefined {
  if (typeof protocol !== 'string') return protocol;
  return PROTOCOLS.find((known) => known.toLowerCase() === protocol.toLowerCase()) ?? protocol;
}
