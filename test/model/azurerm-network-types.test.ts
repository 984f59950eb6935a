import { describe, expect, it } from 'vitest';
import { mapArmResource } from '../../src/model/types/map-arm.js';
import type { ArmShape } from '../../src/model/types/sources.js';
import { unknown } from '../../src/model/value.js';

/**
 * The ARM mappings of the network types, on what their conformance fixtures (fixtures/types/azurerm/) do not show:
 * list rows without properties, absent and unknown values, and the readings the provider does of a few fields.
 */
const SUB = '00000000-0000-0000-0000-000000000000';
const NET = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.Network`;

function live(resource: ArmShape) {
  return mapArmResource(resource, { template: false })?.attributes;
}

function template(resource: ArmShape) {
  return mapArmResource(resource, { template: true })?.attributes;
}

const envelope = { name: 'x', location: 'westeurope', resource_group_name: 'rg-prod', tags: { env: 'prod' } };

describe('a Resources - List row (no properties) says the envelope and nothing else', () => {
  it.each([
    ['Microsoft.Network/networkInterfaces', 'networkInterfaces'],
    ['Microsoft.Network/applicationGateways', 'applicationGateways'],
  ])('%s: no flag read as false, no block read as absent', (type, kind) => {
    const row = { id: `${NET}/${kind}/x`, type, name: 'x', location: 'westeurope', tags: { env: 'prod' } };
    expect(live(row)).toEqual(envelope);
  });
});

describe('azurerm_network_interface', () => {
  const nic = (properties: Record<string, unknown>): ArmShape => ({
    id: `${NET}/networkInterfaces/nic`,
    type: 'Microsoft.Network/networkInterfaces',
    name: 'nic',
    properties: properties as ArmShape['properties'],
  });

  it('reads an absent flag as false, an auxiliary mode of None as none, and keeps an expression unknown', () => {
    const attributes = live(nic({ auxiliaryMode: 'None', auxiliarySku: 'None', ipConfigurations: [] }));
    expect(attributes).toMatchObject({
      accelerated_networking_enabled: false,
      ip_forwarding_enabled: false,
      auxiliary_mode: null,
      auxiliary_sku: null,
    });
    const expression = unknown('expression');
    expect(template(nic({ enableIPForwarding: expression }))?.ip_forwarding_enabled).toEqual(expression);
  });

  it('leaves out a primary flag and an address the payload does not state (Optional+Computed)', () => {
    const attributes = live(
      nic({
        ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } }],
      }),
    );
    expect(attributes?.ip_configuration).toEqual([
      { name: 'ipconfig1', private_ip_address_allocation: 'Dynamic' },
    ]);
  });
});

describe('azurerm_private_endpoint', () => {
  const endpoint = (properties: Record<string, unknown>): ArmShape => ({
    id: `${NET}/privateEndpoints/pe`,
    type: 'Microsoft.Network/privateEndpoints',
    name: 'pe',
    properties: properties as ArmShape['properties'],
  });
  const connection = (target: string, message?: string) => ({
    name: 'psc',
    properties: {
      privateLinkServiceId: target,
      groupIds: ['blob'],
      ...(message ? { requestMessage: message } : {}),
    },
  });
  const alias = 'pls.5d3c5b2e-8f3a-4c1e-9b7d-2a6f0e1c4d8b.westeurope.azure.privatelinkservice';

  it('keeps the request message of a manual connection only, and reads a Private Link alias as an alias', () => {
    expect(
      live(
        endpoint({ privateLinkServiceConnections: [connection(`${NET}/privateLinkServices/pls`, 'hello')] }),
      )?.private_service_connection,
    ).toEqual([
      {
        is_manual_connection: false,
        name: 'psc',
        private_connection_resource_id: `${NET}/privateLinkServices/pls`,
        subresource_names: ['blob'],
      },
    ]);
    expect(
      live(endpoint({ manualPrivateLinkServiceConnections: [connection(alias, 'hello')] }))
        ?.private_service_connection,
    ).toEqual([
      {
        is_manual_connection: true,
        name: 'psc',
        private_connection_resource_alias: alias,
        subresource_names: ['blob'],
        request_message: 'hello',
      },
    ]);
  });

  it('leaves the connection out when neither list is there, and unknown when either is an expression', () => {
    expect(live(endpoint({}))).not.toHaveProperty('private_service_connection');
    expect(
      template(
        endpoint({ privateLinkServiceConnections: [], manualPrivateLinkServiceConnections: unknown() }),
      )?.private_service_connection,
    ).toEqual(unknown('expression'));
  });
});

describe('azurerm_application_gateway', () => {
  const gateway = (properties: Record<string, unknown>): ArmShape => ({
    id: `${NET}/applicationGateways/agw`,
    type: 'Microsoft.Network/applicationGateways',
    name: 'agw',
    properties: properties as ArmShape['properties'],
  });

  it('reads no autoscale or WAF configuration as none, but leaves an absent TLS policy out (Azure applies one)', () => {
    const attributes = live(gateway({ sku: { name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 } }));
    expect(attributes).toMatchObject({
      sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }],
      autoscale_configuration: [],
      waf_configuration: [],
    });
    expect(attributes).not.toHaveProperty('ssl_policy');
  });

  it('splits backend addresses into IP addresses and FQDNs, and names what a reference points at', () => {
    const attributes = live(
      gateway({
        backendAddressPools: [
          {
            name: 'pool',
            properties: { backendAddresses: [{ ipAddress: '10.0.0.1' }, { fqdn: 'api.internal' }, {}] },
          },
        ],
        backendHttpSettingsCollection: [
          {
            name: 'settings',
            properties: {
              probe: { id: `${NET}/applicationGateways/agw/probes/probe-app` },
              trustedRootCertificates: [
                { id: `${NET}/applicationGateways/agw/trustedRootCertificates/root` },
              ],
            },
          },
        ],
      }),
    );
    expect(attributes?.backend_address_pool).toEqual([
      { name: 'pool', ip_addresses: ['10.0.0.1'], fqdns: ['api.internal'] },
    ]);
    expect(attributes?.backend_http_settings).toEqual([
      { name: 'settings', probe_name: 'probe-app', trusted_root_certificate_names: ['root'] },
    ]);
  });

  it('keeps a block whose template value is an expression unknown', () => {
    const expression = unknown('expression');
    expect(
      template(gateway({ autoscaleConfiguration: expression, httpListeners: expression })),
    ).toMatchObject({
      autoscale_configuration: expression,
      http_listener: expression,
    });
  });
});

describe('the DNS zones', () => {
  it.each([
    ['Microsoft.Network/dnsZones', 'dnsZones'],
    ['microsoft.network/privatednszones', 'privateDnsZones'],
  ])('%s: ARM location `global` is no attribute', (type, kind) => {
    const zone = {
      id: `${NET}/${kind}/example.com`,
      type,
      name: 'example.com',
      location: 'global',
      tags: {},
    };
    expect(live(zone)).toEqual({ name: 'example.com', resource_group_name: 'rg-prod', tags: {} });
  });
});
