import { isUnknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { ArmMapping, Attributes, ResourceType } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './identity.js';
import { keepOnly, renameInBlocks } from './nested-blocks.js';
import { imageReference, osDisk, osOf } from './virtual-machine.js';

/**
 * Microsoft.Compute/virtualMachineScaleSets: one ARM type that is azurerm_linux_virtual_machine_scale_set and
 * azurerm_windows_virtual_machine_scale_set, told apart as the VMs are (./virtual-machine.ts): by
 * `virtualMachineProfile.osProfile.linuxConfiguration` / `windowsConfiguration`, else by
 * `storageProfile.osDisk.osType`. Both create Uniform scale sets only; a scale set in Flexible orchestration mode is
 * azurerm_orchestrated_virtual_machine_scale_set (website/docs/r/linux_virtual_machine_scale_set.html.markdown,
 * "Disclaimers"), not modelled here: typeOf leaves it to no type, so it is never read as either.
 *
 * ARM shape: Azure/azure-rest-api-specs `compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/`
 * `examples/virtualMachineScaleSetExamples/VirtualMachineScaleSet_Create_WithEncryptionAtHost.json` (sku{name,
 * capacity}, properties{singlePlacementGroup, overprovision, upgradePolicy.mode, virtualMachineProfile{
 * storageProfile{imageReference, osDisk{caching, managedDisk.storageAccountType}}, securityProfile.encryptionAtHost,
 * osProfile{computerNamePrefix, adminUsername, windowsConfiguration}, networkProfile.networkInterfaceConfigurations[
 * {name, properties{primary, enableIPForwarding, enableAcceleratedNetworking, dnsSettings, ipConfigurations[{name,
 * properties{subnet.id, privateIPAddressVersion}}]}}]}}}), `VirtualMachineScaleSet_Create_WithSshAuthentication.json`
 * (linuxConfiguration.disablePasswordAuthentication) and `VirtualMachineScaleSet_Create_WithUefiSettings.json`
 * (securityProfile.uefiSettings). Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceLinuxVirtualMachineScaleSetRead` / `resourceWindowsVirtualMachineScaleSetRead` and
 * `FlattenVirtualMachineScaleSetNetworkInterface`: instances is sku.capacity, extension_operations_enabled is true and
 * encryption_at_host_enabled, secure_boot_enabled and vtpm_enabled false when ARM leaves them out; a network
 * interface's flags are false when absent; source_image_reference is left empty when the image is an id. azurerm 4.0
 * renamed the interface's enable_accelerated_networking and enable_ip_forwarding (canonicalise reads the 3.x names).
 *
 * Not compared: `zones`, a top-level field ARM's shape here does not carry (the template reader, the GET reader and
 * the Graph projection pass no `zones`); data disks, extensions, the rolling upgrade and automatic OS upgrade
 * policies, boot diagnostics, scale-in and spot settings (canonicalise keeps Terraform's nested blocks to what is
 * compared). admin_password and custom_data are secrets, never read (GET returns neither).
 */
export const virtualMachineScaleSetMapping: ArmMapping = {
  type: 'Microsoft.Compute/virtualMachineScaleSets',
  typeOf: (resource) => scaleSetTypeOf(resource.properties),
  map: fromArm,
  // LinuxConfiguration/WindowsConfiguration.provisionVMAgent: "When this property is not specified in the request
  // body, default behavior is to set it to true" (ComputeRP 2024-07-01 spec).
  platformDefaults: { provision_vm_agent: true },
};

const NETWORK_INTERFACE_FIELDS = [
  'name',
  'primary',
  'accelerated_networking_enabled',
  'ip_forwarding_enabled',
  'network_security_group_id',
  'dns_servers',
  'ip_configuration',
] as const;
const IP_CONFIGURATION_FIELDS = [
  'name',
  'primary',
  'subnet_id',
  'version',
  'load_balancer_backend_address_pool_ids',
  'application_gateway_backend_address_pool_ids',
  'application_security_group_ids',
] as const;
const OS_DISK_FIELDS = [
  'caching',
  'storage_account_type',
  'disk_size_gb',
  'disk_encryption_set_id',
  'write_accelerator_enabled',
] as const;

const common = {
  ...s.azurermEnvelope,
  sku: s.string,
  instances: s.number,
  upgrade_mode: s.string,
  overprovision: s.boolean,
  single_placement_group: s.boolean,
  admin_username: s.string,
  computer_name_prefix: s.string,
  provision_vm_agent: s.boolean,
  extension_operations_enabled: s.boolean,
  encryption_at_host_enabled: s.boolean,
  secure_boot_enabled: s.boolean,
  vtpm_enabled: s.boolean,
  source_image_id: s.string,
  source_image_reference: s.blocks({
    publisher: s.string,
    offer: s.string,
    sku: s.string,
    version: s.string,
  }),
  os_disk: s.blocks({
    caching: s.string,
    storage_account_type: s.string,
    disk_size_gb: s.number,
    disk_encryption_set_id: s.string,
    write_accelerator_enabled: s.boolean,
  }),
  network_interface: s.blocks({
    name: s.string,
    primary: s.boolean,
    accelerated_networking_enabled: s.boolean,
    ip_forwarding_enabled: s.boolean,
    network_security_group_id: s.string,
    dns_servers: s.strings,
    ip_configuration: s.blocks({
      name: s.string,
      primary: s.boolean,
      subnet_id: s.string,
      version: s.string,
      load_balancer_backend_address_pool_ids: s.strings,
      application_gateway_backend_address_pool_ids: s.strings,
      application_security_group_ids: s.strings,
    }),
  }),
  identity: identitySchema,
};

/** The azurerm 4.x schema defaults both scale set types share (website/docs/r/*_virtual_machine_scale_set.html.markdown). */
export const SCALE_SET_DEFAULTS = {
  instances: 0,
  upgrade_mode: 'Manual',
  overprovision: true,
  single_placement_group: true,
  provision_vm_agent: true,
  extension_operations_enabled: true,
  encryption_at_host_enabled: false,
  secure_boot_enabled: false,
  vtpm_enabled: false,
} as const;

/** What both scale set types share but their name, schema and defaults. */
export const virtualMachineScaleSet = {
  provider: 'azurerm',
  sets: [
    ...IDENTITY_SETS,
    'network_interface[*].ip_configuration[*].load_balancer_backend_address_pool_ids',
    'network_interface[*].ip_configuration[*].application_gateway_backend_address_pool_ids',
    'network_interface[*].ip_configuration[*].application_security_group_ids',
  ],
  computed: ['unique_id'],
  sensitive: ['admin_password', 'custom_data', 'user_data'],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes: Attributes) {
    withoutComputedIdentity(attributes);
    keepOnly(attributes.os_disk, OS_DISK_FIELDS);
    renameInBlocks(attributes.network_interface, [
      ['enable_accelerated_networking', 'accelerated_networking_enabled'],
      ['enable_ip_forwarding', 'ip_forwarding_enabled'],
    ]);
    for (const nic of keepOnly(attributes.network_interface, NETWORK_INTERFACE_FIELDS))
      keepOnly(nic.ip_configuration, IP_CONFIGURATION_FIELDS);
  },
  sources: { arm: virtualMachineScaleSetMapping },
} as const satisfies Omit<ResourceType, 'type' | 'schema'>;

export const linuxScaleSetSchema = s.attributes({ ...common, disable_password_authentication: s.boolean });

export const windowsScaleSetSchema = s.attributes({
  ...common,
  automatic_updates_enabled: s.boolean,
  timezone: s.string,
});

/** The azurerm type of a scale set payload; undefined for a Flexible one, or one whose OS nothing says. */
export function scaleSetTypeOf(properties: Value | undefined): string | undefined {
  const mode = arm.str(arm.field(properties, 'orchestrationMode'));
  if (typeof mode === 'string' && mode.toLowerCase() === 'flexible') return undefined;
  const os = osOf(arm.field(properties, 'virtualMachineProfile'));
  return os === undefined ? undefined : `azurerm_${os}_virtual_machine_scale_set`;
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'instances', arm.num(arm.field(resource.sku, 'capacity')));
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  arm.put(attributes, 'upgrade_mode', arm.str(arm.field(p, 'upgradePolicy', 'mode')));
  arm.put(attributes, 'overprovision', arm.bool(arm.field(p, 'overprovision')));
  arm.put(attributes, 'single_placement_group', arm.bool(arm.field(p, 'singlePlacementGroup')));
  const profile = arm.field(p, 'virtualMachineProfile');
  if (profile === undefined) return attributes;
  const os = osOf(profile);
  osProfile(attributes, arm.field(profile, 'osProfile'), os);
  const security = arm.field(profile, 'securityProfile');
  const uefi = arm.field(security, 'uefiSettings');
  arm.put(
    attributes,
    'encryption_at_host_enabled',
    arm.bool(arm.field(security, 'encryptionAtHost')) ?? false,
  );
  arm.put(attributes, 'secure_boot_enabled', arm.bool(arm.field(uefi, 'secureBootEnabled')) ?? false);
  arm.put(attributes, 'vtpm_enabled', arm.bool(arm.field(uefi, 'vTpmEnabled')) ?? false);
  storageProfile(attributes, arm.field(profile, 'storageProfile'));
  arm.put(
    attributes,
    'network_interface',
    arm.records(arm.field(profile, 'networkProfile', 'networkInterfaceConfigurations'), networkInterface),
  );
  return attributes;
}

function osProfile(
  attributes: Attributes,
  profile: Value | undefined,
  os: 'linux' | 'windows' | undefined,
): void {
  if (profile === undefined) return;
  const config = arm.field(profile, os === 'windows' ? 'windowsConfiguration' : 'linuxConfiguration');
  arm.put(attributes, 'admin_username', arm.str(arm.field(profile, 'adminUsername')));
  arm.put(attributes, 'computer_name_prefix', arm.str(arm.field(profile, 'computerNamePrefix')));
  arm.put(
    attributes,
    'extension_operations_enabled',
    arm.bool(arm.field(profile, 'allowExtensionOperations')) ?? true,
  );
  arm.put(attributes, 'provision_vm_agent', arm.bool(arm.field(config, 'provisionVMAgent')));
  if (os === 'linux')
    arm.put(
      attributes,
      'disable_password_authentication',
      arm.bool(arm.field(config, 'disablePasswordAuthentication')),
    );
  if (os === 'windows') {
    arm.put(attributes, 'automatic_updates_enabled', arm.bool(arm.field(config, 'enableAutomaticUpdates')));
    arm.put(attributes, 'timezone', arm.str(arm.field(config, 'timeZone')));
  }
}

function storageProfile(attributes: Attributes, storage: Value | undefined): void {
  if (storage === undefined) return;
  const image = arm.field(storage, 'imageReference');
  const imageId =
    arm.str(arm.field(image, 'id')) ??
    arm.str(arm.field(image, 'communityGalleryImageId')) ??
    arm.str(arm.field(image, 'sharedGalleryImageId'));
  // An image given by publisher, offer and sku has no image id (the provider writes it empty), and the reverse.
  if (imageId !== undefined) arm.put(attributes, 'source_image_id', imageId);
  else if (image !== undefined) {
    arm.put(attributes, 'source_image_id', isUnknown(image) ? image : null);
    arm.put(attributes, 'source_image_reference', imageReference(image));
  }
  arm.put(attributes, 'os_disk', osDisk(arm.field(storage, 'osDisk'), false));
}

/** A `{name, properties}` interface configuration; the provider reads its absent flags as false. */
function networkInterface(nic: Value): Value {
  const p = arm.field(nic, 'properties');
  const block: Attributes = {};
  arm.put(block, 'name', arm.str(arm.field(nic, 'name')));
  arm.put(block, 'primary', arm.bool(arm.field(p, 'primary')) ?? false);
  arm.put(
    block,
    'accelerated_networking_enabled',
    arm.bool(arm.field(p, 'enableAcceleratedNetworking')) ?? false,
  );
  arm.put(block, 'ip_forwarding_enabled', arm.bool(arm.field(p, 'enableIPForwarding')) ?? false);
  arm.put(block, 'network_security_group_id', arm.str(arm.field(p, 'networkSecurityGroup', 'id')));
  arm.put(block, 'dns_servers', arm.strings(arm.field(p, 'dnsSettings', 'dnsServers')));
  arm.put(block, 'ip_configuration', arm.records(arm.field(p, 'ipConfigurations'), ipConfiguration));
  return block;
}

/** privateIPAddressVersion: "Default is taken as IPv4" (ComputeRP 2024-07-01), as the provider's default is. */
function ipConfiguration(config: Value): Value {
  const p = arm.field(config, 'properties');
  const block: Attributes = {};
  arm.put(block, 'name', arm.str(arm.field(config, 'name')));
  arm.put(block, 'primary', arm.bool(arm.field(p, 'primary')) ?? false);
  arm.put(block, 'subnet_id', arm.str(arm.field(p, 'subnet', 'id')));
  arm.put(block, 'version', arm.str(arm.field(p, 'privateIPAddressVersion')) ?? 'IPv4');
  for (const [name, key] of [
    ['load_balancer_backend_address_pool_ids', 'loadBalancerBackendAddressPools'],
    ['application_gateway_backend_address_pool_ids', 'applicationGatewayBackendAddressPools'],
    ['application_security_group_ids', 'applicationSecurityGroups'],
  ] as const)
    arm.put(block, name, arm.fieldOfEach(arm.field(p, key), 'id'));
  return block;
}
