import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

/*
 * Child resources ARM nests in their parent (subnets in a virtual network, rules in a network security group):
 * neither the resource list nor Resource Graph lists them, so they are read out of the parent's payload, and
 * paired the way azurerm declares them: as resources of their own, or as blocks of the parent.
 */

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-net`;
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-prod`;
const NSG = `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-app`;

const subnetPayload = (name: string, prefix: string) => ({
  id: `${VNET}/subnets/${name}`,
  name,
  type: 'Microsoft.Network/virtualNetworks/subnets',
  properties: {
    addressPrefix: prefix,
    privateEndpointNetworkPolicies: 'Disabled',
    privateLinkServiceNetworkPolicies: 'Enabled',
  },
});

const rulePayload = (name: string, priority: number, port: string) => ({
  id: `${NSG}/securityRules/${name}`,
  name,
  type: 'Microsoft.Network/networkSecurityGroups/securityRules',
  properties: {
    protocol: 'Tcp',
    sourcePortRange: '*',
    destinationPortRange: port,
    sourceAddressPrefix: '*',
    destinationAddressPrefix: '*',
    access: 'Allow',
    priority,
    direction: 'Inbound',
  },
});

const LIVE = [
  {
    id: VNET,
    name: 'vnet-prod',
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [
        // Declared as azurerm_subnet, and widened by hand.
        subnetPayload('snet-app', '10.0.1.0/23'),
        // Declared inline, in the network's subnet blocks.
        subnetPayload('snet-inline', '10.0.3.0/24'),
        // Declared nowhere.
        subnetPayload('snet-handmade', '10.0.9.0/24'),
      ],
    },
  },
  {
    id: NSG,
    name: 'nsg-app',
    type: 'Microsoft.Network/networkSecurityGroups',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: {
      securityRules: [
        // Declared as azurerm_network_security_rule for 443; opened to 22 by hand.
        rulePayload('allow-https', 100, '22'),
        // Not declared as a rule resource, but in the group's security_rule blocks.
        rulePayload('allow-http', 110, '80'),
      ],
      defaultSecurityRules: [rulePayload('AllowVnetInBound', 65000, '*')],
    },
  },
];

function declared() {
  return state([
    {
      type: 'azurerm_virtual_network',
      name: 'prod',
      instances: [
        {
          attributes: {
            id: VNET,
            name: 'vnet-prod',
            resource_group_name: 'rg-net',
            location: 'westeurope',
            address_space: ['10.0.0.0/16'],
            tags: { env: 'prod' },
            // azurerm 4.x keeps every subnet it saw in the network's computed `subnet` set.
            subnet: [
              { name: 'snet-app', address_prefixes: ['10.0.1.0/24'], id: `${VNET}/subnets/snet-app` },
              { name: 'SNET-INLINE', address_prefixes: ['10.0.3.0/24'], id: `${VNET}/subnets/snet-inline` },
            ],
          },
        },
      ],
    },
    {
      type: 'azurerm_subnet',
      name: 'app',
      instances: [
        {
          attributes: {
            id: `${VNET}/subnets/snet-app`,
            name: 'snet-app',
            resource_group_name: 'rg-net',
            virtual_network_name: 'vnet-prod',
            address_prefixes: ['10.0.1.0/24'],
            private_endpoint_network_policies: 'Disabled',
            private_link_service_network_policies_enabled: true,
          },
        },
      ],
    },
    {
      type: 'azurerm_subnet',
      name: 'gone',
      instances: [
        {
          attributes: {
            id: `${VNET}/subnets/snet-gone`,
            name: 'snet-gone',
            resource_group_name: 'rg-net',
            virtual_network_name: 'vnet-prod',
            address_prefixes: ['10.0.4.0/24'],
          },
        },
      ],
    },
    {
      type: 'azurerm_network_security_group',
      name: 'app',
      instances: [
        {
          attributes: {
            id: NSG,
            name: 'nsg-app',
            resource_group_name: 'rg-net',
            location: 'westeurope',
            tags: { env: 'prod' },
            // azurerm 4.x keeps every rule it saw in the group's computed `security_rule` set, the ones
            // declared as azurerm_network_security_rule too.
            security_rule: [
              {
                name: 'allow-https',
                priority: 100,
                protocol: 'Tcp',
                direction: 'Inbound',
                access: 'Allow',
                source_port_range: '*',
                destination_port_range: '443',
                source_address_prefix: '*',
                destination_address_prefix: '*',
              },
              {
                name: 'allow-http',
                priority: 110,
                protocol: 'Tcp',
                direction: 'Inbound',
                access: 'Allow',
                source_port_range: '*',
                destination_port_range: '80',
                source_address_prefix: '*',
                destination_address_prefix: '*',
              },
            ],
          },
        },
      ],
    },
    {
      type: 'azurerm_network_security_rule',
      name: 'https',
      instances: [
        {
          attributes: {
            id: `${NSG}/securityRules/allow-https`,
            name: 'allow-https',
            resource_group_name: 'rg-net',
            network_security_group_name: 'nsg-app',
            priority: 100,
            protocol: 'Tcp',
            direction: 'Inbound',
            access: 'Allow',
            source_port_range: '*',
            destination_port_range: '443',
            source_address_prefix: '*',
            destination_address_prefix: '*',
          },
        },
      ],
    },
  ]);
}

type Drift = { kind: string; key: string; changes: { path: string; declared: unknown; live: unknown }[] };

const key = (type: string, id: string) => `${type}.${id.toLowerCase()}`;

describe('child resources ARM nests in their parent', () => {
  const arm = useFakeArm({ resources: LIVE, pageSize: 1 });

  beforeEach(() => arm.clear());

  const env = () => ({
    ...arm.env(),
    DRIFTWARDEN_AZURE_MAX_RETRIES: '0',
  });

  async function scan(live: string) {
    const cwd = tempDir({ 'net.tfstate': declared() });
    const result = await runCli(['scan', '--state', 'net.tfstate', '--live', live, '--format', 'json'], {
      cwd,
      env: env(),
    });
    return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
  }

  const expected = [
    ['missing', key('azurerm_subnet', `${VNET}/subnets/snet-gone`), []],
    [
      'changed',
      key('azurerm_network_security_rule', `${NSG}/securityRules/allow-https`),
      [{ path: 'destination_port_range', declared: '443', live: '22' }],
    ],
    [
      'changed',
      key('azurerm_subnet', `${VNET}/subnets/snet-app`),
      [{ path: 'address_prefixes[0]', declared: '10.0.1.0/24', live: '10.0.1.0/23' }],
    ],
    ['unmanaged', key('azurerm_subnet', `${VNET}/subnets/snet-handmade`), []],
  ];

  for (const [name, live] of [
    ['Resource Manager', `azure:${SUB}`],
    ['Resource Graph', `azure-graph:${SUB}`],
  ] as const) {
    it(`${name}: pairs declared subnets and rules, keeps inline ones the parent's, and never lists the children on their own`, async () => {
      const { report, stderr } = await scan(live);
      expect(stderr).toBe('');
      expect(report.scan.complete).toBe(true);
      expect(report.drift.map((d: Drift) => [d.kind, d.key, d.changes])).toEqual(expected);
      // The children came out of their parents' payloads: no request or query names their types.
      const asked = [...arm.requests.map((r) => r.path), ...arm.graphQueries.map((q) => q.query)].join('\n');
      expect(asked.toLowerCase()).not.toContain('/subnets');
      expect(asked.toLowerCase()).not.toContain('/securityrules');
    });
  }

  it('reads the parent for --types that name only a child, and reports only the child type', async () => {
    const { report } = await scan(`azure:${SUB};types=azurerm_subnet`);
    expect(report.drift.map((d: Drift) => [d.kind, d.key])).toEqual([
      ['missing', key('azurerm_subnet', `${VNET}/subnets/snet-gone`)],
      ['changed', key('azurerm_subnet', `${VNET}/subnets/snet-app`)],
      ['unmanaged', key('azurerm_subnet', `${VNET}/subnets/snet-handmade`)],
    ]);
    expect(arm.requests.some((r) => r.path.toLowerCase().includes('/virtualnetworks/vnet-prod'))).toBe(true);
    expect(arm.requests.some((r) => r.path.toLowerCase().includes('/networksecuritygroups/nsg-app'))).toBe(
      false,
    );
  });

  it('reports no subnet missing when the network cannot be read, and says what was not compared', async () => {
    arm.inject({ path: /virtualNetworks\/vnet-prod/i, status: 500, times: 10 });
    const { report, code } = await scan(`azure:${SUB}`);
    expect(report.scan.complete).toBe(false);
    const kinds = report.drift.map((d: Drift) => [d.kind, d.key.split('.')[0]]);
    expect(kinds).not.toContainEqual(['missing', 'azurerm_subnet']);
    expect(kinds).not.toContainEqual(['unmanaged', 'azurerm_subnet']);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'azure');
    expect(source.status).toBe('partial');
    expect(source.problems).toContainEqual(expect.stringMatching(/^azurerm_subnet not compared: /));
    expect(source.coveredTypes).not.toContain('azurerm_subnet');
    expect(source.coveredTypes).toContain('azurerm_network_security_rule');
    expect(code).toBe(3);
  });
});
