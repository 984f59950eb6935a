import { unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType, type SubResource } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';

/**
 * azurerm_storage_account, from Microsoft.Storage/storageAccounts.
 *
 * ARM shape: Azure/azure-rest-api-specs `storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/`
 * `StorageAccountGetProperties.json` (networkAcls) and `StorageAccountCreateUserAssignedEncryptionIdentityWithCMK.json`
 * (encryption.keySource `Microsoft.Keyvault`, `keyvaultproperties{keyvaulturi, keyname, keyversion}`,
 * `encryption.identity.userAssignedIdentity`). Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceStorageAccountRead`: account_replication_type is the part of sku.name after `_`, network_rules is a
 * one-element block list whose bypass is the comma-separated ARM value split into a set, and customer_managed_key
 * rebuilds the Key Vault key id from the vault URI, key name and (optional) version; keySource `Microsoft.Storage`
 * (Microsoft-managed keys) is no customer_managed_key block. azurerm_storage_account_customer_managed_key, the
 * separate resource for the same setting, is folded into the account's customer_managed_key.
 *
 * Account keys and connection strings come from listKeys, not GET; nothing under them is ever read.
 */
export const storageAccount = defineType({
  type: 'azurerm_storage_account',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    account_kind: s.string,
    account_tier: s.string,
    account_replication_type: s.string,
    https_traffic_only_enabled: s.boolean,
    min_tls_version: s.string,
    allow_nested_items_to_be_public: s.boolean,
    infrastructure_encryption_enabled: s.boolean,
    shared_access_key_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    network_rules: s.blocks({
      default_action: s.string,
      bypass: s.strings,
      ip_rules: s.strings,
      virtual_network_subnet_ids: s.strings,
    }),
    customer_managed_key: s.blocks({
      key_vault_key_id: s.string,
      managed_hsm_key_id: s.string,
      user_assigned_identity_id: s.string,
    }),
  }),
  sets: [
    'network_rules[*].ip_rules',
    'network_rules[*].virtual_network_subnet_ids',
    'network_rules[*].bypass',
  ],
  computed: [
    'primary_access_key',
    'secondary_access_key',
    'primary_connection_string',
    'primary_blob_endpoint',
  ],
  sensitive: [
    'primary_access_key',
    'secondary_access_key',
    'primary_connection_string',
    'secondary_connection_string',
    'primary_blob_connection_string',
    'secondary_blob_connection_string',
  ],
  // azurerm's schema defaults (4.x); allow_nested_items_to_be_public is true from 3.0 on (2.x's allow_blob_public_access
  // defaulted to false, and is read as it through `renamed`).
  defaults: {
    account_kind: 'StorageV2',
    https_traffic_only_enabled: true,
    min_tls_version: 'TLS1_2',
    allow_nested_items_to_be_public: true,
    infrastructure_encryption_enabled: false,
    shared_access_key_enabled: true,
    public_network_access_enabled: true,
  },
  renamed: [
    ['enable_https_traffic_only', 'https_traffic_only_enabled'],
    ['allow_blob_public_access', 'allow_nested_items_to_be_public'],
  ],
  id: { attribute: 'id', caseInsensitive: true },
  folds: [customerManagedKeyResource()],
  sources: {
    arm: {
      type: 'Microsoft.Storage/storageAccounts',
      map: fromArm,
      platformDefaults: storagePlatformDefaults,
    },
  },
});

/**
 * The first api-version whose absent `allowBlobPublicAccess` is false ("The default interpretation is false for this
 * property"); before it the specs said true, but what an account made then holds depends on when it was made, so an
 * older template leaves it unknown.
 */
export const PUBLIC_BLOBS_OFF_BY_DEFAULT_SINCE = '2023-01-01';

/** The first api-version whose absent `supportsHttpsTrafficOnly` is true. */
export const HTTPS_ONLY_BY_DEFAULT_SINCE = '2019-04-01';

/**
 * What ARM gives a property a template leaves out, at the template's api-version (azure-rest-api-specs
 * `storage/resource-manager/Microsoft.Storage/stable/<version>/storage.json`, StorageAccountPropertiesCreateParameters):
 * - `supportsHttpsTrafficOnly`: "The default value is true since API version 2019-04-01" (false before it; an
 *   api-version that is not static leaves it unknown);
 * - `minimumTlsVersion`: "The default interpretation is TLS 1.0 for this property" (the property came with
 *   2019-04-01, and the text is unchanged through 2025-06-01, the newest stable version; an account made with an
 *   older version has no minimum, which is TLS 1.0 too). This is the account's setting, which the rule judges;
 *   Microsoft's retirement of TLS 1.0/1.1 on the storage endpoints does not change what an absent property holds;
 * - `encryption.requireInfrastructureEncryption`: false.
 */
export function storagePlatformDefaults(apiVersion: string | undefined): Readonly<Attributes> {
  const date = apiVersion === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(apiVersion)?.[0];
  return {
    https_traffic_only_enabled:
      date === undefined ? unknown('expression') : date >= HTTPS_ONLY_BY_DEFAULT_SINCE,
    min_tls_version: 'TLS1_0',
    allow_nested_items_to_be_public:
      date === undefined || date < PUBLIC_BLOBS_OFF_BY_DEFAULT_SINCE ? unknown('expression') : false,
    infrastructure_encryption_enabled: false,
  };
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const encryption = arm.field(p, 'encryption');
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'account_kind', arm.str(resource.kind));
  const sku = skuParts(resource.sku);
  arm.put(attributes, 'account_tier', sku.tier);
  arm.put(attributes, 'account_replication_type', sku.replication);
  arm.put(attributes, 'https_traffic_only_enabled', arm.bool(arm.field(p, 'supportsHttpsTrafficOnly')));
  arm.put(attributes, 'min_tls_version', arm.str(arm.field(p, 'minimumTlsVersion')));
  arm.put(attributes, 'allow_nested_items_to_be_public', arm.bool(arm.field(p, 'allowBlobPublicAccess')));
  arm.put(
    attributes,
    'infrastructure_encryption_enabled',
    arm.bool(arm.field(encryption, 'requireInfrastructureEncryption')),
  );
  arm.put(attributes, 'shared_access_key_enabled', arm.bool(arm.field(p, 'allowSharedKeyAccess')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'network_rules', networkRules(arm.field(p, 'networkAcls')));
  arm.put(attributes, 'customer_managed_key', customerManagedKey(encryption));
  return attributes;
}

/** `Standard_LRS` -> tier `Standard`, replication `LRS`; an explicit sku.tier wins for the tier. */
function skuParts(sku: Value | undefined): { tier?: Value; replication?: Value } {
  const name = arm.str(arm.field(sku, 'name'));
  const tier = arm.str(arm.field(sku, 'tier'));
  if (typeof name !== 'string')
    return { ...(tier === undefined ? {} : { tier }), ...(name === undefined ? {} : { replication: name }) };
  const separator = name.indexOf('_');
  return {
    ...(tier !== undefined ? { tier } : separator > 0 ? { tier: name.slice(0, separator) } : {}),
    ...(separator > 0 ? { replication: name.slice(separator + 1) } : {}),
  };
}

function networkRules(acls: Value | undefined): Value | undefined {
  if (acls === undefined) return undefined;
  const block: Attributes = {};
  arm.put(block, 'default_action', arm.str(arm.field(acls, 'defaultAction')));
  arm.put(block, 'bypass', bypassSet(arm.str(arm.field(acls, 'bypass'))));
  arm.put(block, 'ip_rules', arm.fieldOfEach(arm.field(acls, 'ipRules'), 'value'));
  arm.put(block, 'virtual_network_subnet_ids', arm.fieldOfEach(arm.field(acls, 'virtualNetworkRules'), 'id'));
  return [block];
}

/** `AzureServices, Logging` -> `["AzureServices", "Logging"]`. */
function bypassSet(bypass: Value | undefined): Value | undefined {
  if (typeof bypass !== 'string') return bypass;
  return bypass
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function customerManagedKey(encryption: Value | undefined): Value | undefined {
  const source = arm.str(arm.field(encryption, 'keySource'));
  if (typeof source !== 'string') return source;
  if (source.toLowerCase() === 'microsoft.storage') return [];
  if (source.toLowerCase() !== 'microsoft.keyvault') return undefined;
  const vault = arm.field(encryption, 'keyvaultproperties');
  const block: Attributes = {};
  const keyId = keyIdOf(vault);
  if (typeof keyId === 'string')
    arm.put(block, isManagedHsm(keyId) ? 'managed_hsm_key_id' : 'key_vault_key_id', keyId);
  else arm.put(block, 'key_vault_key_id', keyId);
  arm.put(
    block,
    'user_assigned_identity_id',
    arm.str(arm.field(encryption, 'identity', 'userAssignedIdentity')),
  );
  return [block];
}

/**
 * azurerm_storage_account_customer_managed_key (azurerm 3.x and 4.x: storage_account_id, key_vault_id or
 * key_vault_uri, key_name, key_version, managed_hsm_key_id, user_assigned_identity_id) as the account's block. A
 * key named by key_vault_id (the vault's ARM id, not its URI) has a key id that is not known here.
 */
function customerManagedKeyResource(): SubResource {
  return {
    type: 'azurerm_storage_account_customer_managed_key',
    parentIdAttribute: 'storage_account_id',
    fold(parent, sub) {
      const block: Attributes = nonEmpty(sub.managed_hsm_key_id)
        ? { managed_hsm_key_id: sub.managed_hsm_key_id }
        : { key_vault_key_id: foldedKeyId(sub) };
      if (sub.user_assigned_identity_id !== undefined)
        block.user_assigned_identity_id = sub.user_assigned_identity_id;
      parent.customer_managed_key = [block];
    },
  };
}

function foldedKeyId(sub: Attributes): Value {
  const { key_vault_uri: uri, key_name: name, key_version: version } = sub;
  if (!nonEmpty(uri) || !nonEmpty(name)) return unknown('expression');
  const base = `${uri.replace(/\/+$/, '')}/keys/${name}`;
  return nonEmpty(version) ? `${base}/${version}` : base;
}

function nonEmpty(value: Value | undefined): value is string {
  return typeof value === 'string' && value !== '';
}

/** `https://v.vault.azure.net` + `k` + `` -> `https://v.vault.azure.net/keys/k` (versionless, auto-rotating). */
function keyIdOf(vault: Value | undefined): Value | undefined {
  const uri = arm.str(arm.field(vault, 'keyvaulturi'));
  const name = arm.str(arm.field(vault, 'keyname'));
  if (uri === undefined || name === undefined) return undefined;
  if (typeof uri !== 'string' || typeof name !== 'string') return typeof uri !== 'string' ? uri : name;
  const version = arm.str(arm.field(vault, 'keyversion'));
  if (version !== undefined && typeof version !== 'string') return version;
  const base = `${uri.replace(/\/+$/, '')}/keys/${name}`;
  return version ? `${base}/${version}` : base;
}

function isManagedHsm(keyId: string): boolean {
  return /^https:\/\/[^/]+\.managedhsm\./i.test(keyId);
}
