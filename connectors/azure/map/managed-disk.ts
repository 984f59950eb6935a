import type { Value } from '../../../src/model/value.js';
import {
  asNumber,
  asRecord,
  asRecordList,
  asString,
  enabledFlag,
  envelopeAttributes,
  propertiesOf,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Compute/disks -> azurerm_managed_disk.
 *
 * Shape: Azure/azure-rest-api-specs `compute/resource-manager/Microsoft.Compute/DiskRP/stable/2023-10-02/examples/`
 * `diskExamples/Disk_Get.json` (sku.name, diskSizeGB, encryptionSettingsCollection, encryption.type) and
 * `Disk_Create_WithDiskEncryptionSet.json` (encryption.diskEncryptionSetId).
 *
 * azurerm has no attribute for the encryption type (platform or customer key); a customer key shows as
 * disk_encryption_set_id. Azure Disk Encryption (encryptionSettingsCollection) becomes the 4.x
 * `encryption_settings` block, `[{disk_encryption_key: [{secret_url, source_vault_id}],
 * key_encryption_key: [{key_url, source_vault_id}]}]`, read from the first element as the provider's
 * `flattenManagedDiskEncryptionSettings` does; 4.x dropped the block's `enabled` flag, so it is not emitted.
 */
export const managedDiskMapping: ArmTypeMapping = {
  armType: 'Microsoft.Compute/disks',
  terraformTypes: ['azurerm_managed_disk'],
  map: mapManagedDisk,
};

function mapManagedDisk(resource: ArmResource): MappedResource {
  const p = propertiesOf(resource);
  const attributes = envelopeAttributes(resource);
  put(attributes, 'storage_account_type', asString(resource.sku?.name));
  put(attributes, 'disk_size_gb', asNumber(p.diskSizeGB));
  put(attributes, 'disk_encryption_set_id', asString(asRecord(p.encryption)?.diskEncryptionSetId));
  put(attributes, 'encryption_settings', encryptionSettings(asRecord(p.encryptionSettingsCollection)));
  put(attributes, 'network_access_policy', asString(p.networkAccessPolicy));
  put(attributes, 'disk_access_id', asString(p.diskAccessId));
  put(attributes, 'public_network_access_enabled', enabledFlag(p.publicNetworkAccess));
  return { id: resource.id, terraformType: 'azurerm_managed_disk', attributes };
}

function encryptionSettings(collection: Record<string, unknown> | undefined): Value[] | undefined {
  if (!collection) return undefined;
  const first = asRecordList(collection.encryptionSettings)?.[0];
  const block: Record<string, Value> = {};
  put(
    block,
    'disk_encryption_key',
    keyReference(asRecord(first?.diskEncryptionKey), 'secretUrl', 'secret_url'),
  );
  put(block, 'key_encryption_key', keyReference(asRecord(first?.keyEncryptionKey), 'keyUrl', 'key_url'));
  return [block];
}

function keyReference(
  reference: Record<string, unknown> | undefined,
  urlKey: string,
  urlAttribute: string,
): Value[] | undefined {
  if (!reference) return undefined;
  const block: Record<string, Value> = {};
  put(block, urlAttribute, asString(reference[urlKey]));
  put(block, 'source_vault_id', asString(asRecord(reference.sourceVault)?.id));
  return [block];
}
