import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

const keyReference = (url: string) => s.blocks({ [url]: s.string, source_vault_id: s.string });

/**
 * azurerm_managed_disk, from Microsoft.Compute/disks.
 *
 * ARM shape: Azure/azure-rest-api-specs `compute/resource-manager/Microsoft.Compute/DiskRP/stable/2023-10-02/examples/`
 * `diskExamples/Disk_Get.json` (sku.name, diskSizeGB, encryptionSettingsCollection, encryption.type) and
 * `Disk_Create_WithDiskEncryptionSet.json` (encryption.diskEncryptionSetId).
 *
 * azurerm has no attribute for the encryption type (platform or customer key); a customer key shows as
 * disk_encryption_set_id. Azure Disk Encryption (encryptionSettingsCollection) becomes the 4.x
 * `encryption_settings` block, `[{disk_encryption_key: [{secret_url, source_vault_id}],
 * key_encryption_key: [{key_url, source_vault_id}]}]`, read from the first element as the provider's
 * `flattenManagedDiskEncryptionSettings` does; 4.x dropped the block's `enabled` flag, so it is not emitted.
 */
export const managedDisk = defineType({
  type: 'azurerm_managed_disk',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    storage_account_type: s.string,
    disk_size_gb: s.number,
    disk_encryption_set_id: s.string,
    encryption_settings: s.blocks({
      disk_encryption_key: keyReference('secret_url'),
      key_encryption_key: keyReference('key_url'),
    }),
    network_access_policy: s.string,
    disk_access_id: s.string,
    public_network_access_enabled: s.boolean,
  }),
  // azurerm 4.x schema default (website/docs/r/managed_disk.html.markdown).
  defaults: { public_network_access_enabled: true },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.Compute/disks', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'storage_account_type', arm.str(arm.field(resource.sku, 'name')));
  arm.put(attributes, 'disk_size_gb', arm.num(arm.field(p, 'diskSizeGB')));
  arm.put(attributes, 'disk_encryption_set_id', arm.str(arm.field(p, 'encryption', 'diskEncryptionSetId')));
  arm.put(
    attributes,
    'encryption_settings',
    encryptionSettings(arm.field(p, 'encryptionSettingsCollection')),
  );
  arm.put(attributes, 'network_access_policy', arm.str(arm.field(p, 'networkAccessPolicy')));
  arm.put(attributes, 'disk_access_id', arm.str(arm.field(p, 'diskAccessId')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  return attributes;
}

function encryptionSettings(collection: Value | undefined): Value | undefined {
  if (collection === undefined || isUnknown(collection)) return collection;
  const settings = arm.records(arm.field(collection, 'encryptionSettings'), (item) => item);
  if (isUnknown(settings)) return settings;
  const first = Array.isArray(settings) ? settings[0] : undefined;
  const block: Attributes = {};
  arm.put(
    block,
    'disk_encryption_key',
    reference(arm.field(first, 'diskEncryptionKey'), 'secretUrl', 'secret_url'),
  );
  arm.put(block, 'key_encryption_key', reference(arm.field(first, 'keyEncryptionKey'), 'keyUrl', 'key_url'));
  return [block];
}

function reference(value: Value | undefined, urlKey: string, urlAttribute: string): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, urlAttribute, arm.str(arm.field(value, urlKey)));
  arm.put(block, 'source_vault_id', arm.str(arm.field(value, 'sourceVault', 'id')));
  return [block];
}
