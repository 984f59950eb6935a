import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArmTemplate } from '../../connectors/iac/arm-template.js';
import type { CodeResource } from '../../connectors/iac/types.js';
import { type Resource, resourceKey } from '../../src/model/resource.js';
import { mapArmResource, nestedArmResources } from '../../src/model/types/map-arm.js';
import type { Value } from '../../src/model/value.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { ROOT, readTypeFixture } from '../helpers/type-forms.js';

/*
 * Child resources a template declares inside their parent (subnets in a virtual network, rules in a network
 * security group), nested under it, or on their own: each is the one canonical child the live connector reads out
 * of the parent's GET, through the same reader (nestedArmResources).
 */

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const SUB = '00000000-0000-0000-0000-000000000000';
const UNKNOWN = { __unknown: true, reason: 'expression' };
const NET = '2024-05-01';

function template(resources: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
}

const subnetDefaults = {
  default_outbound_access_enabled: true,
  private_endpoint_network_policies: 'Disabled',
  private_link_service_network_policies_enabled: true,
};

describe('subnets of a virtual network', () => {
  const text = template([
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: NET,
      name: 'vnet-prod',
      location: 'westeurope',
      properties: {
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        subnets: [
          { name: 'snet-app', properties: { addressPrefix: '10.0.1.0/24' } },
          {
            name: 'snet-data',
            properties: { addressPrefixes: ['10.0.2.0/24'], defaultOutboundAccess: false },
          },
        ],
      },
      resources: [
        {
          type: 'subnets',
          apiVersion: NET,
          name: 'snet-nested',
          properties: { addressPrefix: '10.0.3.0/24' },
        },
      ],
    },
    {
      type: 'Microsoft.Network/virtualNetworks/subnets',
      apiVersion: NET,
      name: 'vnet-prod/snet-own',
      properties: { addressPrefix: '10.0.4.0/24' },
    },
  ]);
  const parsed = parseArmTemplate(text, 'net.json');
  const subnet = (name: string, prefix: string, line: number, extra: Record<string, Value> = {}) => ({
    type: 'azurerm_subnet',
    address: `Microsoft.Network/virtualNetworks/subnets/vnet-prod/${name}`,
    line,
    attributes: { name, address_prefixes: [prefix], ...subnetDefaults, ...extra },
  });
  const brief = (r: CodeResource) => ({
    type: r.type,
    address: r.address,
    line: r.line,
    attributes: r.attributes,
  });

  it('reads inline, nested and top-level subnets alike, each at its own lines', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map(brief)).toEqual([
      {
        type: 'azurerm_virtual_network',
        address: 'Microsoft.Network/virtualNetworks/vnet-prod',
        line: 5,
        attributes: { name: 'vnet-prod', location: 'westeurope', address_space: ['10.0.0.0/16'] },
      },
      subnet('snet-app', '10.0.1.0/24', 17),
      subnet('snet-data', '10.0.2.0/24', 23, { default_outbound_access_enabled: false }),
      subnet('snet-nested', '10.0.3.0/24', 35),
      subnet('snet-own', '10.0.4.0/24', 45),
    ]);
  });

  it('reads a subnet declared both inline and on its own once, as the child resource deployed after it', () => {
    const both = template([
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: NET,
        name: 'vnet-prod',
        properties: { subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.0.1.0/24' } }] },
      },
      {
        type: 'Microsoft.Network/virtualNetworks/subnets',
        apiVersion: NET,
        name: 'vnet-prod/snet-app',
        properties: { addressPrefix: '10.0.9.0/24' },
      },
    ]);
    const subnets = parseArmTemplate(both, 't.json').resources.filter((r) => r.type === 'azurerm_subnet');
    expect(subnets.map((r) => [r.address, r.attributes.address_prefixes])).toEqual([
      ['Microsoft.Network/virtualNetworks/subnets/vnet-prod/snet-app', ['10.0.9.0/24']],
    ]);
  });

  it('gives each copy of a looped network its subnets, and names a list that is not static', () => {
    const looped = template(
      [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: NET,
          name: "[format('vnet{0}', copyIndex())]",
          copy: { name: 'nets', count: 2 },
          properties: { subnets: [{ name: 'default', properties: { addressPrefix: '10.0.0.0/24' } }] },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: NET,
          name: 'vnet-param',
          properties: { subnets: "[parameters('subnets')]" },
        },
      ],
      { parameters: { subnets: { type: 'array' } } },
    );
    const out = parseArmTemplate(looped, 'loop.json');
    expect(out.resources.map((r) => r.address)).toEqual([
      'Microsoft.Network/virtualNetworks/vnet0[0]',
      'Microsoft.Network/virtualNetworks/subnets/vnet0/default[0]',
      'Microsoft.Network/virtualNetworks/vnet1[1]',
      'Microsoft.Network/virtualNetworks/subnets/vnet1/default[1]',
      'Microsoft.Network/virtualNetworks/vnet-param',
    ]);
    expect(out.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'iac.arm-nested',
        message:
          'the Microsoft.Network/virtualNetworks/subnets resources inline in Microsoft.Network/virtualNetworks are not static; they are not read',
        source: 'loop.json:29',
      },
    ]);
  });
});

describe('rules of a network security group', () => {
  it('reads inline rules as azurerm_network_security_rule, with their waivers, and keeps them in the group', () => {
    const text = `{
  "$schema": "${SCHEMA}",
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "${NET}",
      "name": "nsg-app",
      "properties": {
        "securityRules": [
          // driftwarden:ignore DW-AZ-NET-001 the bastion subnet only
          {
            "name": "allow-ssh",
            "properties": { "protocol": "tcp", "access": "Allow", "direction": "Inbound", "priority": 100,
              "sourceAddressPrefix": "10.0.250.0/26", "sourcePortRange": "*",
              "destinationAddressPrefix": "*", "destinationPortRange": "22" }
          },
          { "name": "[concat('deny-', 'all')]", "properties": { "access": "Deny", "priority": 4096 } }
        ]
      }
    }
  ]
}`;
    const parsed = parseArmTemplate(text, 'nsg.json');
    const ssh = {
      name: 'allow-ssh',
      protocol: 'Tcp',
      access: 'Allow',
      direction: 'Inbound',
      priority: 100,
      source_address_prefix: '10.0.250.0/26',
      source_port_range: '*',
      destination_address_prefix: '*',
      destination_port_range: '22',
    };
    const deny = { name: 'deny-all', access: 'Deny', priority: 4096 };
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toEqual([
      {
        type: 'azurerm_network_security_group',
        address: 'Microsoft.Network/networkSecurityGroups/nsg-app',
        attributes: { name: 'nsg-app', security_rule: [ssh, deny] },
        file: 'nsg.json',
        line: 4,
        endLine: 20,
        // Inside the group's block, as for any block; the rule without lines of its own does not take it.
        waivers: [{ rule: 'DW-AZ-NET-001', reason: 'the bastion subnet only', source: 'nsg.json:10' }],
      },
      {
        type: 'azurerm_network_security_rule',
        address: 'Microsoft.Network/networkSecurityGroups/securityRules/nsg-app/allow-ssh',
        attributes: ssh,
        file: 'nsg.json',
        line: 11,
        endLine: 16,
        waivers: [{ rule: 'DW-AZ-NET-001', reason: 'the bastion subnet only', source: 'nsg.json:10' }],
      },
      {
        type: 'azurerm_network_security_rule',
        address: 'Microsoft.Network/networkSecurityGroups/securityRules/nsg-app/deny-all',
        attributes: deny,
        file: 'nsg.json',
        line: 4,
        endLine: 20,
      },
    ]);
  });

  it('a rule whose name is not static is still read, told apart by its place', () => {
    const text = template(
      [
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: NET,
          name: 'nsg',
          properties: { securityRules: [{ name: "[parameters('n')]", properties: { access: 'Allow' } }] },
        },
      ],
      { parameters: { n: { type: 'string' } } },
    );
    const rules = parseArmTemplate(text, 't.json').resources.filter(
      (r) => r.type === 'azurerm_network_security_rule',
    );
    expect(rules.map((r) => [r.address, r.attributes])).toEqual([
      ['Microsoft.Network/networkSecurityGroups/securityRules/nsg/(0)', { name: UNKNOWN, access: 'Allow' }],
    ]);
  });
});

/** A resource as the scan holds it, normalised as every origin is before the diff and the policies see it. */
function normalised(type: string, attributes: Record<string, Value>): Record<string, Value> {
  const resource = {
    provider: 'azurerm',
    type,
    id: 'fixture',
    key: resourceKey(type, 'fixture'),
    attributes: structuredClone(attributes),
    origin: 'live',
    source: { connector: 'fixture', location: 'fixture' },
    sensitivePaths: [],
  } satisfies Resource;
  normaliseResources([resource]);
  return resource.attributes;
}

describe('the same canonical child from a template as from live ARM', () => {
  // The child's own id names its parent and resource group; a template knows neither id before deployment.
  const cases = [
    {
      file: 'subnet.json',
      type: 'azurerm_subnet',
      parent: 'Microsoft.Network/virtualNetworks',
      property: 'subnets',
      fromId: ['resource_group_name', 'virtual_network_name'],
    },
    {
      file: 'network-security-rule.json',
      type: 'azurerm_network_security_rule',
      parent: 'Microsoft.Network/networkSecurityGroups',
      property: 'securityRules',
      fromId: ['resource_group_name', 'network_security_group_name'],
    },
  ];

  it.each(cases)('$type: a GET of the parent and a template declaring it inline', (c) => {
    const fixture = readTypeFixture(join(ROOT, 'fixtures/types/azurerm', c.file));
    const payload = fixture.forms.arm?.payload as Record<string, Value>;
    const declared = fixture.forms.armTemplate?.resource as Record<string, Value>;
    const parentId = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/${c.parent}/parent`;

    const live = nestedArmResources({
      id: parentId,
      type: c.parent,
      properties: { [c.property]: [payload] },
    });
    expect(live.unidentified).toEqual([]);
    const liveChild = live.children[0];
    if (!liveChild) throw new Error('no live child');
    const liveMapped = mapArmResource(liveChild, { template: false });
    expect(liveMapped?.terraformType).toBe(c.type);

    const text = template([
      {
        type: c.parent,
        apiVersion: NET,
        name: 'parent',
        properties: { [c.property]: [{ name: declared.name, properties: declared.properties }] },
      },
    ]);
    const code = parseArmTemplate(text, 't.json').resources.filter((r) => r.type === c.type);
    expect(code).toHaveLength(1);

    const fromLive = normalised(c.type, liveMapped?.attributes ?? {});
    const fromTemplate = normalised(c.type, code[0]?.attributes ?? {});
    const notReported = new Set([...(fixture.forms.armTemplate?.notReported ?? [])]);
    const comparable = (attributes: Record<string, Value>) =>
      Object.fromEntries(Object.entries(attributes).filter(([name]) => !notReported.has(name)));
    expect(comparable(fromTemplate)).toEqual(comparable(fromLive));
    expect(comparable(fromTemplate)).toEqual(comparable(fixture.canonical));
    // What the template leaves out is only what the child's id gives, or the fixture's template leaves out.
    for (const name of c.fromId) expect(fromLive[name]).toBeDefined();
    expect(Object.keys(fromLive).filter((name) => !(name in fromTemplate))).toEqual(
      expect.arrayContaining(c.fromId),
    );
  });
});
