import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

/**
 * The network types with modules of their own (azurerm_network_interface, azurerm_lb, azurerm_private_endpoint,
 * azurerm_application_gateway, azurerm_dns_zone, azurerm_private_dns_zone), read through the fake Resource Manager
 * by GET and through Resource Graph (types lower-cased), against the state azurerm writes: ARM's quirks pair and
 * compare alike, and the one real change shows. Payload shapes as in fixtures/types/azurerm/ (azure-rest-api-specs
 * network examples).
 */
const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
/** The resource group as Compute and Network may write it back in the ids they return. */
const RG_AS_RETURNED = `/subscriptions/${SUB}/resourcegroups/RG-PROD`;
const NET = `${RG}/providers/Microsoft.Network`;
const SUBNET = `${NET}/virtualNetworks/vnet-prod/subnets/snet-app`;
const TYPES = [
  'azurerm_network_interface',
  'azurerm_lb',
  'azurerm_private_endpoint',
  'azurerm_application_gateway',
  'azurerm_dns_zone',
  'azurerm_private_dns_zone',
];

/** A NIC as Network returns it: its id and subnet id in another casing, and no enableIPForwarding (it is off). */
function liveNic(name: string) {
  return {
    id: `${RG_AS_RETURNED}/providers/Microsoft.Network/networkInterfaces/${name}`,
    name,
    type: 'Microsoft.Network/networkInterfaces',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            privateIPAddress: '10.20.1.10',
            privateIPAllocationMethod: 'Dynamic',
            privateIPAddressVersion: 'IPv4',
            subnet: { id: SUBNET.toLowerCase() },
            primary: true,
          },
        },
      ],
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      enableAcceleratedNetworking: true,
      macAddress: '00-0D-3A-1B-C7-21',
    },
  };
}

const LIVE = [
  liveNic('nic-app-01'),
  liveNic('nic-app-02'),
  {
    id: `${NET}/loadBalancers/lb-app-prod`,
    name: 'lb-app-prod',
    type: 'Microsoft.Network/loadBalancers',
    location: 'westeurope',
    tags: { env: 'prod' },
    sku: { name: 'Standard', tier: 'Regional' },
    properties: {
      frontendIPConfigurations: [
        {
          name: 'fe-internal',
          id: `${NET}/loadBalancers/lb-app-prod/frontendIPConfigurations/fe-internal`,
          zones: ['1', '2', '3'],
          properties: {
            privateIPAddress: '10.20.1.100',
            privateIPAllocationMethod: 'Static',
            privateIPAddressVersion: 'IPv4',
            subnet: { id: SUBNET },
          },
        },
      ],
      loadBalancingRules: [],
    },
  },
  {
    id: `${NET}/privateEndpoints/pe-pls-partner`,
    name: 'pe-pls-partner',
    type: 'Microsoft.Network/privateEndpoints',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: {
      privateLinkServiceConnections: [],
      manualPrivateLinkServiceConnections: [
        {
          name: 'psc-partner',
          properties: {
            privateLinkServiceId:
              'pls-partner.5d3c5b2e-8f3a-4c1e-9b7d-2a6f0e1c4d8b.westeurope.azure.privatelinkservice',
            groupIds: [],
            requestMessage: 'acme prod, ticket 4711',
            privateLinkServiceConnectionState: { status: 'Pending', actionsRequired: 'None' },
          },
        },
      ],
      subnet: { id: SUBNET },
      networkInterfaces: [{ id: `${NET}/networkInterfaces/pe-pls-partner.nic.0a1b2c3d` }],
    },
  },
  {
    id: `${NET}/applicationGateways/agw-prod`,
    name: 'agw-prod',
    type: 'Microsoft.Network/applicationGateways',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: {
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      autoscaleConfiguration: { minCapacity: 2, maxCapacity: 10 },
      enableHttp2: true,
      // Network returns references in whatever casing they were written with.
      firewallPolicy: {
        id: `${RG_AS_RETURNED}/providers/Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies/waf-prod`,
      },
      frontendPorts: [{ name: 'port-443', properties: { port: 443 } }],
      httpListeners: [
        {
          name: 'listener-https',
          properties: {
            frontendIPConfiguration: {
              id: `${RG_AS_RETURNED}/providers/Microsoft.Network/applicationGateways/agw-prod/frontendIPConfigurations/fe-public`,
            },
            frontendPort: { id: `${NET}/applicationGateways/agw-prod/frontendPorts/port-443` },
            protocol: 'Https',
            requireServerNameIndication: false,
          },
        },
      ],
    },
  },
  ...['acme.example.com', 'privatelink.blob.core.windows.net'].map((name) => {
    const type = name.startsWith('privatelink') ? 'privateDnsZones' : 'dnsZones';
    return {
      id: `${NET}/${type}/${name}`,
      name,
      type: `Microsoft.Network/${type}`,
      location: 'global',
      tags: { env: 'prod' },
      properties: { numberOfRecordSets: 2, maxNumberOfRecordSets: 10000 },
    };
  }),
];

function declared(type: string, id: string, attributes: Record<string, unknown>) {
  const name = id.split('/').at(-1) ?? 'x';
  return {
    type,
    name: name.replaceAll(/[^a-z0-9]/g, '_'),
    instances: [
      { attributes: { id, name, resource_group_name: 'rg-prod', tags: { env: 'prod' }, ...attributes } },
    ],
  };
}

/** azurerm_network_interface as azurerm writes it; `flags` in the names of the release that wrote the state. */
function declaredNic(name: string, flags: Record<string, boolean>) {
  return declared('azurerm_network_interface', `${NET}/networkInterfaces/${name}`, {
    location: 'westeurope',
    ip_configuration: [
      {
        name: 'ipconfig1',
        subnet_id: SUBNET,
        private_ip_address_allocation: 'Dynamic',
        private_ip_address: '10.20.1.10',
        private_ip_address_version: 'IPv4',
        public_ip_address_id: '',
        primary: true,
        gateway_load_balancer_frontend_ip_configuration_id: '',
      },
    ],
    dns_servers: [],
    internal_dns_name_label: '',
    mac_address: '00-0D-3A-1B-C7-21',
    ...flags,
  });
}

const STATE = state([
  declaredNic('nic-app-01', { accelerated_networking_enabled: true, ip_forwarding_enabled: false }),
  // azurerm 3.x names; forwarding was on when this state was written.
  declaredNic('nic-app-02', { enable_accelerated_networking: true, enable_ip_forwarding: true }),
  declared('azurerm_lb', `${NET}/loadBalancers/lb-app-prod`, {
    location: 'westeurope',
    sku: 'Standard',
    sku_tier: 'Regional',
    frontend_ip_configuration: [
      {
        name: 'fe-internal',
        id: `${NET}/loadBalancers/lb-app-prod/frontendIPConfigurations/fe-internal`,
        subnet_id: SUBNET,
        private_ip_address: '10.20.1.100',
        // Saved lower-cased by the releases whose StateFunc was state.IgnoreCase.
        private_ip_address_allocation: 'static',
        private_ip_address_version: 'IPv4',
        zones: ['3', '1', '2'],
        load_balancer_rules: [],
      },
    ],
  }),
  declared('azurerm_private_endpoint', `${NET}/privateEndpoints/pe-pls-partner`, {
    location: 'westeurope',
    subnet_id: SUBNET,
    custom_network_interface_name: '',
    private_service_connection: [
      {
        name: 'psc-partner',
        is_manual_connection: true,
        private_connection_resource_alias:
          'pls-partner.5d3c5b2e-8f3a-4c1e-9b7d-2a6f0e1c4d8b.westeurope.azure.privatelinkservice',
        private_connection_resource_id: '',
        subresource_names: [],
        request_message: 'acme prod, ticket 4711',
        private_ip_address: '10.20.1.40',
      },
    ],
    ip_configuration: [],
  }),
  declared('azurerm_application_gateway', `${NET}/applicationGateways/agw-prod`, {
    location: 'westeurope',
    sku: [{ name: 'WAF_v2', tier: 'WAF_v2', capacity: 0 }],
    autoscale_configuration: [{ min_capacity: 2, max_capacity: 10 }],
    enable_http2: true,
    firewall_policy_id: `${NET}/applicationGatewayWebApplicationFirewallPolicies/waf-prod`,
    frontend_port: [
      { name: 'port-443', port: 443, id: `${NET}/applicationGateways/agw-prod/frontendPorts/port-443` },
    ],
    http_listener: [
      {
        name: 'listener-https',
        frontend_ip_configuration_name: 'fe-public',
        frontend_ip_configuration_id: `${NET}/applicationGateways/agw-prod/frontendIPConfigurations/fe-public`,
        frontend_port_name: 'port-443',
        protocol: 'Https',
        require_sni: false,
        host_names: [],
      },
    ],
    waf_configuration: [],
  }),
  // Neither zone type has a location attribute: ARM's `global` is not compared.
  declared('azurerm_dns_zone', `${NET}/dnsZones/acme.example.com`, { number_of_record_sets: 2 }),
  declared('azurerm_private_dns_zone', `${NET}/privateDnsZones/privatelink.blob.core.windows.net`, {}),
]);

describe('azure network types against a fake Resource Manager', () => {
  const arm = useFakeArm({ resources: LIVE, pageSize: 3 });

  async function scan(live: string) {
    const cwd = tempDir({ 'prod.tfstate': STATE });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', `${live};types=${TYPES.join(',')}`, '--format', 'json'],
      {
        cwd,
        env: {
          ...arm.env(),
        },
      },
    );
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  }

  it.each([
    ['GET', `azure:${SUB}`],
    ['Resource Graph', `azure-graph:${SUB}`],
  ])(
    '%s: every declared object pairs despite ids in other casings, and only the flag that changed drifts',
    async (_, live) => {
      const report = await scan(live);
      expect(report.scan.complete).toBe(true);
      expect(
        report.drift.map((d: { kind: string; key: string; changes: unknown[] }) => [
          d.kind,
          d.key,
          d.changes,
        ]),
      ).toEqual([
        [
          'changed',
          `azurerm_network_interface.${NET.toLowerCase()}/networkinterfaces/nic-app-02`,
          [{ path: 'ip_forwarding_enabled', declared: true, live: false }],
        ],
      ]);
      expect(report.summary).toMatchObject({ declared: 7, live: 7, managed: 7 });
    },
  );

  it('GETs each network object once, and Resource Graph reads them without a GET', async () => {
    arm.clear();
    await scan(`azure:${SUB}`);
    const gets = arm.requests.filter((r) => /\/providers\/Microsoft\.Network\/[^/]+\/[^/]+$/i.test(r.path));
    expect(gets.map((r) => r.status)).toEqual(LIVE.map(() => 200));
    arm.clear();
    await scan(`azure-graph:${SUB}`);
    expect(arm.requests.filter((r) => r.method === 'GET')).toEqual([]);
    expect(arm.graphQueries[0]?.query).toContain("'microsoft.network/dnszones'");
  });
});
