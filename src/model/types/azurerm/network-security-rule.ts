import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { SECURITY_RULE, SECURITY_RULE_SETS, securityRule } from './network-security-group.js';
import { parentIdOf } from './shared/arm-ids.js';

/**
 * azurerm_network_security_rule, from Microsoft.Network/networkSecurityGroups/securityRules.
 *
 * ARM nests a group's rules in it: neither `Resources - List` nor Resource Graph's `resources` table lists them,
 * and the group's GET (and its Resource Graph row) holds each one whole in `properties.securityRules`, with its
 * own id. So the live readers take them from the group (`nestedIn`), at no extra call. Shape: Azure/azure-rest-
 * api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/SecurityRuleGet.json` and
 * `NetworkSecurityGroupGet.json`; the attributes are the group's `security_rule` block
 * (network-security-group.ts, after the provider's `flattenNetworkSecurityRules`) plus the names of the group and
 * its resource group, as terraform-provider-azurerm 4.x `resourceNetworkSecurityRuleRead` sets them.
 *
 * A rule Terraform declares inline, in its group's `security_rule` blocks, is the group's (`inlineIn`), compared
 * there, never unmanaged. Azure's default rules (`defaultSecurityRules`) are neither.
 */
export const networkSecurityRule = defineType({
  type: 'azurerm_network_security_rule',
  provider: 'azurerm',
  schema: s.attributes({
    ...SECURITY_RULE,
    resource_group_name: s.string,
    network_security_group_name: s.string,
  }),
  sets: SECURITY_RULE_SETS,
  id: { attribute: 'id', caseInsensitive: true },
  inlineIn: { type: 'azurerm_network_security_group', block: 'security_rule', parentId: parentIdOf },
  sources: {
    arm: {
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      nestedIn: { type: 'Microsoft.Network/networkSecurityGroups', property: 'securityRules' },
      map: fromArm,
    },
  },
});

function fromArm(resource: ArmShape): Attributes {
  const attributes: Attributes = securityRule({
    ...(resource.name !== undefined ? { name: resource.name } : {}),
    ...(resource.properties !== undefined ? { properties: resource.properties } : {}),
  });
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'resource_group_name', arm.idSegmentAfter(resource.id, 'resourcegroups'));
  arm.put(
    attributes,
    'network_security_group_name',
    arm.idSegmentAfter(resource.id, 'networksecuritygroups'),
  );
  return attributes;
}
