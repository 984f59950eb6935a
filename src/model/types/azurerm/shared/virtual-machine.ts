import { isUnknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { ArmMapping, Attributes, ResourceType } from '../../resource-type.js';
import * as s from '../../schema.js';
import type { ArmShape } from '../../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './identity.js';

/**
 * Microsoft.Compute/virtualMachines: one ARM type that is azurerm_linux_virtual_machine and
 * azurerm_windows_virtual_machine, told apart by `properties.osProfile.linuxConfiguration` /
 * `windowsConfiguration`, else (a VM without an OS profile, attached from a disk) by
 * `storageProfile.osDisk.osType`. The legacy azurerm_virtual_machine (deprecated, the same ARM type) is left out:
 * nothing in the payload tells which of the three Terraform types created a VM, and the two current types are
 * what the provider imports a VM as.
 *
 * ARM shape: Azure/azure-rest-api-specs `compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/`
 * `examples/virtualMachineExamples/VirtualMachine_Get.json` (hardwareProfile.vmSize, storageProfile{imageReference,
 * osDisk{osType, caching, managedDisk.storageAccountType, diskSizeGB}}, osProfile.windowsConfiguration,
 * networkProfile.networkInterfaces, diagnosticsProfile.bootDiagnostics), `VirtualMachine_Create_WithSshAuthentication.json`
 * (linuxConfiguration.disablePasswordAuthentication), `VirtualMachine_Create_WithEncryptionAtHost.json`
 * (securityProfile.encryptionAtHost), `VirtualMachine_Create_WithUefiSettings.json` (securityProfile.uefiSettings)
 * and `VirtualMachine_Create_WithDiskEncryptionSetResource.json` (osDisk.managedDisk.diskEncryptionSet.id).
 * Attribute semantics follow terraform-provider-azurerm 4.x `resourceLinuxVirtualMachineRead` /
 * `resourceWindowsVirtualMachineRead`: encryption_at_host_enabled, secure_boot_enabled and vtpm_enabled are false
 * when the security profile leaves them out; boot_diagnostics is one block when enabled (an empty storage URI is
 * managed storage) and none when not; source_image_reference is left empty when the image is an id.
 *
 * Admin passwords, custom data and user data are never read (GET does not return the password).
 */
export const virtualMachineMapping: ArmMapping = {
  type: 'Microsoft.Compute/virtualMachines',
  typeOf: (resource) => vmTypeOf(resource.properties),
  map: fromArm,
  // LinuxConfiguration/WindowsConfiguration.provisionVMAgent: "When this property is not specified in the request
  // body, default behavior is to set it to true" (ComputeRP 2024-07-01 spec).
  platformDefaults: { provision_vm_agent: true },
};

const common = {
  ...s.azurermEnvelope,
  size: s.string,
  admin_username: s.string,
  computer_name: s.string,
  provision_vm_agent: s.boolean,
  allow_extension_operations: s.boolean,
  encryption_at_host_enabled: s.boolean,
  secure_boot_enabled: s.boolean,
  vtpm_enabled: s.boolean,
  patch_mode: s.string,
  license_type: s.string,
  network_interface_ids: s.strings,
  source_image_id: s.string,
  source_image_reference: s.blocks({
    publisher: s.string,
    offer: s.string,
    sku: s.string,
    version: s.string,
  }),
  os_disk: s.blocks({
    name: s.string,
    caching: s.string,
    storage_account_type: s.string,
    disk_size_gb: s.number,
    disk_encryption_set_id: s.string,
    write_accelerator_enabled: s.boolean,
  }),
  boot_diagnostics: s.blocks({ storage_account_uri: s.string }),
  identity: identitySchema,
};

/** What both VM types share but their name, schema and defaults. */
export const virtualMachine = {
  provider: 'azurerm',
  sets: [...IDENTITY_SETS],
  computed: ['virtual_machine_id', 'private_ip_address', 'public_ip_address', 'os_managed_disk_id'],
  sensitive: ['admin_password', 'custom_data', 'user_data'],
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: virtualMachineMapping },
} as const satisfies Omit<ResourceType, 'type' | 'schema'>;

export const linuxVirtualMachineSchema = s.attributes({
  ...common,
  disable_password_authentication: s.boolean,
});

export const windowsVirtualMachineSchema = s.attributes({
  ...common,
  automatic_updates_enabled: s.boolean,
  hotpatching_enabled: s.boolean,
  timezone: s.string,
});

/** The azurerm type of a VM payload; undefined when neither its OS profile nor its OS disk says the OS. */
export function vmTypeOf(properties: Value | undefined): string | undefined {
  const os = osOf(properties);
  return os === undefined ? undefined : `azurerm_${os}_virtual_machine`;
}

/**
 * The OS of a VM's properties, or of a scale set's `virtualMachineProfile` (the same `osProfile` and
 * `storageProfile`): the OS profile's configuration says it, else the OS disk's `osType`.
 */
export function osOf(properties: Value | undefined): 'linux' | 'windows' | undefined {
  const profile = arm.field(properties, 'osProfile');
  if (isPresent(arm.field(profile, 'linuxConfiguration'))) return 'linux';
  if (isPresent(arm.field(profile, 'windowsConfiguration'))) return 'windows';
  const osType = arm.str(arm.field(properties, 'storageProfile', 'osDisk', 'osType'));
  if (typeof osType !== 'string') return undefined;
  const lower = osType.toLowerCase();
  return lower === 'linux' ? 'linux' : lower === 'windows' ? 'windows' : undefined;
}

function isPresent(value: Value | undefined): boolean {
  return value !== undefined && !isUnknown(value);
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  // A list row carries no properties: the envelope is all it says.
  if (p === undefined || p === null) return attributes;
  const os = osOf(p);
  const profile = arm.field(p, 'osProfile');
  const config = arm.field(profile, os === 'windows' ? 'windowsConfiguration' : 'linuxConfiguration');
  arm.put(attributes, 'size', arm.str(arm.field(p, 'hardwareProfile', 'vmSize')));
  arm.put(attributes, 'admin_username', arm.str(arm.field(profile, 'adminUsername')));
  arm.put(attributes, 'computer_name', arm.str(arm.field(profile, 'computerName')));
  arm.put(attributes, 'allow_extension_operations', arm.bool(arm.field(profile, 'allowExtensionOperations')));
  arm.put(attributes, 'provision_vm_agent', arm.bool(arm.field(config, 'provisionVMAgent')));
  arm.put(attributes, 'patch_mode', arm.str(arm.field(config, 'patchSettings', 'patchMode')));
  if (os === 'linux')
    arm.put(
      attributes,
      'disable_password_authentication',
      arm.bool(arm.field(config, 'disablePasswordAuthentication')),
    );
  if (os === 'windows') {
    arm.put(attributes, 'automatic_updates_enabled', arm.bool(arm.field(config, 'enableAutomaticUpdates')));
    const patch = arm.field(config, 'patchSettings');
    // The provider reads an absent enableHotpatching of a patch profile as false.
    if (patch !== undefined)
      arm.put(attributes, 'hotpatching_enabled', arm.bool(arm.field(patch, 'enableHotpatching')) ?? false);
    arm.put(attributes, 'timezone', arm.str(arm.field(config, 'timeZone')));
  }
  const security = arm.field(p, 'securityProfile');
  arm.put(
    attributes,
    'encryption_at_host_enabled',
    arm.bool(arm.field(security, 'encryptionAtHost')) ?? false,
  );
  arm.put(
    attributes,
    'secure_boot_enabled',
    arm.bool(arm.field(security, 'uefiSettings', 'secureBootEnabled')) ?? false,
  );
  arm.put(attributes, 'vtpm_enabled', arm.bool(arm.field(security, 'uefiSettings', 'vTpmEnabled')) ?? false);
  // An absent licenseType is no license, in a template and a GET alike (the provider reads it as empty).
  arm.put(attributes, 'license_type', licenseType(arm.str(arm.field(p, 'licenseType'))) ?? null);
  arm.put(
    attributes,
    'network_interface_ids',
    arm.fieldOfEach(arm.field(p, 'networkProfile', 'networkInterfaces'), 'id'),
  );
  const storage = arm.field(p, 'storageProfile');
  const image = arm.field(storage, 'imageReference');
  const imageId = imageIdOf(image);
  // An image given by publisher, offer and sku has no image id (the provider writes it empty), and the reverse.
  if (imageId !== undefined) arm.put(attributes, 'source_image_id', imageId);
  else if (image !== undefined) {
    arm.put(attributes, 'source_image_id', isUnknown(image) ? image : null);
    arm.put(attributes, 'source_image_reference', imageReference(image));
  }
  arm.put(attributes, 'os_disk', osDisk(arm.field(storage, 'osDisk')));
  arm.put(
    attributes,
    'boot_diagnostics',
    bootDiagnostics(arm.field(p, 'diagnosticsProfile', 'bootDiagnostics')),
  );
  return attributes;
}

/** ARM's `None` is the provider's empty license type. */
function licenseType(value: Value | undefined): Value | undefined {
  return typeof value === 'string' && value.toLowerCase() === 'none' ? null : value;
}

function imageIdOf(image: Value | undefined): Value | undefined {
  return (
    arm.str(arm.field(image, 'id')) ??
    arm.str(arm.field(image, 'communityGalleryImageId')) ??
    arm.str(arm.field(image, 'sharedGalleryImageId'))
  );
}

export function imageReference(image: Value | undefined): Value | undefined {
  if (image === undefined || isUnknown(image)) return image;
  const block: Attributes = {};
  for (const key of ['publisher', 'offer', 'sku', 'version'])
    arm.put(block, key, arm.str(arm.field(image, key)));
  return Object.keys(block).length === 0 ? undefined : [block];
}

/** The `os_disk` block; a scale set's has no `name` (its instances' disks are named by the platform). */
export function osDisk(disk: Value | undefined, named = true): Value | undefined {
  if (disk === undefined || isUnknown(disk)) return disk;
  const managed = arm.field(disk, 'managedDisk');
  const block: Attributes = {};
  if (named) arm.put(block, 'name', arm.str(arm.field(disk, 'name')));
  arm.put(block, 'caching', arm.str(arm.field(disk, 'caching')));
  arm.put(block, 'storage_account_type', arm.str(arm.field(managed, 'storageAccountType')));
  arm.put(block, 'disk_size_gb', arm.num(arm.field(disk, 'diskSizeGB')));
  arm.put(block, 'disk_encryption_set_id', arm.str(arm.field(managed, 'diskEncryptionSet', 'id')));
  arm.put(block, 'write_accelerator_enabled', arm.bool(arm.field(disk, 'writeAcceleratorEnabled')) ?? false);
  return [block];
}

/** Enabled -> `[{storage_account_uri}]` (empty for managed storage); disabled -> no block. */
function bootDiagnostics(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const enabled = arm.bool(arm.field(value, 'enabled'));
  if (enabled === false) return [];
  if (enabled !== true) return enabled;
  return [{ storage_account_uri: arm.str(arm.field(value, 'storageUri')) ?? null }];
}
