import { isPlainObject, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { flag, idOf, subResources, text } from './shared/blocks.js';

/**
 * azurerm_network_interface, from Microsoft.Network/networkInterfaces (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/`
 * `NetworkInterfaceGet.json` (`properties.ipConfigurations[{name, properties{privateIPAddress,
 * privateIPAllocationMethod, privateIPAddressVersion, subnet{id}, publicIPAddress{id}, primary}}]`,
 * `dnsSettings{dnsServers, internalDnsNameLabel}`, `enableAcceleratedNetworking`, `enableIPForwarding`,
 * `macAddress`, `virtualMachine{id}`) and `networkInterface.json` (NetworkInterfacePropertiesFormat: auxiliaryMode
 * and auxiliarySku, `None` when off). Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceNetworkInterfaceFlatten`: an auxiliary mode or SKU of `None` is no value; the two flags are *bool reads
 * that make an absent flag false, so a payload that leaves one out (ARM omits a false flag as often as it returns
 * it; a template leaves it off for a NIC without the feature) reads false. ip_configuration is a list, in ARM's
 * order; its `primary` and `private_ip_address` are Optional+Computed (Azure makes a single configuration primary
 * and assigns a Dynamic address), so they are compared where the source states them and left out otherwise.
 *
 * mac_address, private_ip_address (the first configuration's), private_ip_addresses, virtual_machine_id,
 * applied_dns_servers and internal_domain_name_suffix are the cloud's: computed, not compared. Not mapped: the NIC
 * of a private endpoint (properties.privateEndpoint) is Azure's, which Terraform never declares as this type: a
 * scan reports it unmanaged, as it did while the type was a table row. edge_zone (extendedLocation) is not part of
 * the ARM shape the readers pass on.
 */
export const networkInterface = defineType({
  type: 'azurerm_network_interface',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    ip_configuration: s.blocks({
      name: s.string,
      subnet_id: s.string,
      private_ip_address_allocation: s.string,
      private_ip_address: s.string,
      private_ip_address_version: s.string,
      public_ip_address_id: s.string,
      primary: s.boolean,
      gateway_load_balancer_frontend_ip_configuration_id: s.string,
    }),
    dns_servers: s.strings,
    accelerated_networking_enabled: s.boolean,
    ip_forwarding_enabled: s.boolean,
    internal_dns_name_label: s.string,
    auxiliary_mode: s.string,
    auxiliary_sku: s.string,
  }),
  computed: [
    'mac_address',
    'private_ip_address',
    'private_ip_addresses',
    'virtual_machine_id',
    'applied_dns_servers',
    'internal_domain_name_suffix',
  ],
  // azurerm 4.x schema: both flags `Default: false`.
  defaults: { accelerated_networking_enabled: false, ip_forwarding_enabled: false },
  // Late 3.x releases added these names beside the enable_* ones, which azurerm 4.0 removed.
  renamed: [
    ['enable_accelerated_networking', 'accelerated_networking_enabled'],
    ['enable_ip_forwarding', 'ip_forwarding_enabled'],
  ],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Network/networkInterfaces', map: fromArm } },
});

const ipConfigurations = subResources('ipConfigurations', {
  subnet_id: idOf('subnet'),
  private_ip_address_allocation: text('privateIPAllocationMethod'),
  private_ip_address: text('privateIPAddress'),
  private_ip_address_version: text('privateIPAddressVersion'),
  public_ip_address_id: idOf('publicIPAddress'),
  primary: flag('primary'),
  gateway_load_balancer_frontend_ip_configuration_id: idOf('gatewayLoadBalancer'),
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  // A list row carries no properties: the envelope is all it says.
  if (!isPlainObject(p)) return attributes;
  arm.put(attributes, 'ip_configuration', ipConfigurations(p));
  arm.put(attributes, 'dns_servers', arm.strings(arm.field(p, 'dnsSettings', 'dnsServers')));
  arm.put(
    attributes,
    'internal_dns_name_label',
    arm.str(arm.field(p, 'dnsSettings', 'internalDnsNameLabel')),
  );
  arm.put(
    attributes,
    'accelerated_networking_enabled',
    arm.bool(arm.field(p, 'enableAcceleratedNetworking')) ?? false,
  );
  arm.put(attributes, 'ip_forwarding_enabled', arm.bool(arm.field(p, 'enableIPForwarding')) ?? false);
  arm.put(attributes, 'auxiliary_mode', unlessNone(arm.str(arm.field(p, 'auxiliaryMode'))));
  arm.put(attributes, 'auxiliary_sku', unlessNone(arm.str(arm.field(p, 'auxiliarySku'))));
  return attributes;
}

/** `None` (any case) is the provider's empty value. */
function unlessNone(value: Value | undefined): Value | undefined {
  return typeof value === 'string' && value.toLowerCase() === 'none' ? null : value;
}
