import type { Value } from '../../../src/model/value.js';
import {
  asBoolean,
  asRecord,
  asString,
  enabledFlag,
  envelopeAttributes,
  fieldOfEach,
  getInsensitive,
  propertiesOf,
  put,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

/**
 * Microsoft.Storage/storageAccounts -> azurerm_storage_account.
 *
 * Shape: Azure/azure-rest-api-specs `storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/`
 * `StorageAccountGetProperties.json` (networkAcls) and `StorageAccountCreateUserAssignedEncryptionIdentityWithCMK.json`
 * (encryption.keySource `Microsoft.Keyvault`, `keyvaultproperties{keyvaulturi, keyname, keyversion}`,
 * `encryption.identity.userAssignedIdentity`). Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceStorageAccountRead`: account_replication_type is the part of sku.name after `_`, network_rules is a
 * one-element block list whose bypass is the comma-separated ARM value split into a set, and customer_managed_key
 * rebuilds the Key Vault key id from the vault URI, key name and (optional) version.
 *
 * Account keys and connection strings come from listKeys, not GET; nothing under them is ever read here.
 */
export const storageAccountMapping: ArmTypeMapping = {
  armType: 'Microsoft.Storage/storageAccounts',
  terraformTypes: ['azurerm_storage_account'],
  map: mapStorageAccount,
};

function mapStorageAccount(resource: ArmResource): MappedResource {
  const p = propertiesOf(resource);
  const encryption = asRecord(p.encryption);
  const attributes = envelopeAttributes(resource);
  put(attributes, 'account_kind', asString(resource.kind));
  const sku = skuParts(resource.sku);
  put(attributes, 'account_tier', sku.tier);
  put(attributes, 'account_replication_type', sku.replication);
  put(attributes, 'https_traffic_only_enabled', asBoolean(p.supportsHttpsTrafficOnly));
  put(attributes, 'min_tls_version', asString(p.minimumTlsVersion));
  put(attributes, 'allow_nested_items_to_be_public', asBoolean(p.allowBlobPublicAccess));
  put(
    attributes,
    'infrastructure_encryption_enabled',
    asBoolean(encryption?.requireInfrastructureEncryption),
  );
  put(attributes, 'shared_access_key_enabled', asBoolean(p.allowSharedKeyAccess));
  put(attributes, 'public_network_access_enabled', enabledFlag(p.publicNetworkAccess));
  put(attributes, 'network_rules', networkRules(asRecord(p.networkAcls)));
  put(attributes, 'customer_managed_key', customerManagedKey(encryption));
  return { id: resource.id, terraformType: 'azurerm_storage_account', attributes };
}

/** `Standard_LRS` -> tier `Standard`, replication `LRS`; an explicit sku.tier wins for the tier. */
function skuParts(sku: Record<string, unknown> | undefined): { tier?: string; replication?: string } {
  const name = asString(sku?.name);
  const separator = name?.indexOf('_') ?? -1;
  return {
    tier: asString(sku?.tier) ?? (name && separator > 0 ? name.slice(0, separator) : undefined),
    replication: name && separator > 0 ? name.slice(separator + 1) : undefined,
  };
}

function networkRules(acls: Record<string, unknown> | undefined): Value[] | undefined {
  if (!acls) return undefined;
  const block: Record<string, Value> = {};
  put(block, 'default_action', asString(acls.defaultAction));
  put(block, 'bypass', bypassSet(asString(acls.bypass)));
  put(block, 'ip_rules', fieldOfEach(acls.ipRules, 'value'));
  put(block, 'virtual_network_subnet_ids', fieldOfEach(acls.virtualNetworkRules, 'id'));
  return [block];
}

/** `AzureServices, Logging` -> `["AzureServices", "Logging"]`. */
function bypassSet(bypass: string | undefined): string[] | undefined {
  return bypass
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function customerManagedKey(encryption: Record<string, unknown> | undefined): Value[] | undefined {
  if (asString(encryption?.keySource)?.toLowerCase() !== 'microsoft.keyvault') return undefined;
  const vault = asRecord(getInsensitive(encryption, 'keyvaultproperties'));
  const block: Record<string, Value> = {};
  const keyId = keyIdOf(vault);
  if (keyId) put(block, isManagedHsm(keyId) ? 'managed_hsm_key_id' : 'key_vault_key_id', keyId);
  const identity = asRecord(encryption?.identity);
  put(block, 'user_assigned_identity_id', asString(identity?.userAssignedIdentity));
  return [block];
}

/** `https://v.vault.azure.net` + `k` + `` -> `https://v.vault.azure.net/keys/k` (versionless, auto-rotating). */
function keyIdOf(vault: Record<string, unknown> | undefined): string | undefined {
  const uri = asString(getInsensitive(vault, 'keyvaulturi'));
  const name = asString(getInsensitive(vault, 'keyname'));
  if (!uri || !name) return undefined;
  const version = asString(getInsensitive(vault, 'keyversion'));
  const base = `${uri.replace(/\/+$/, '')}/keys/${name}`;
  return version ? `${base}/${version}` : base;
}

function isManagedHsm(keyId: string): boolean {
  return /^https:\/\/[^/]+\.managedhsm\./i.test(keyId);
}
