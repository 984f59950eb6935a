import { isPlainObject, isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { IDENTITY_SETS, identityOf, identitySchema, withoutComputedIdentity } from './shared/identity.js';

/**
 * azurerm_cosmosdb_account, from Microsoft.DocumentDB/databaseAccounts (a row of the azurerm table until it had a
 * module).
 *
 * ARM shape: Azure/azure-rest-api-specs `cosmos-db/resource-manager/Microsoft.DocumentDB/stable/2024-11-15/`
 * `examples/CosmosDBDatabaseAccountGet.json` (kind, properties.databaseAccountOfferType, minimalTlsVersion,
 * disableKeyBasedMetadataWriteAccess, ipRules, isVirtualNetworkFilterEnabled, virtualNetworkRules, networkAclBypass,
 * networkAclBypassResourceIds, consistencyPolicy, locations, backupPolicy, defaultIdentity, enableFreeTier,
 * enableAnalyticalStorage, enablePartitionMerge, enableBurstCapacity, identity) with publicNetworkAccess,
 * disableLocalAuth, keyVaultKeyUri, enableAutomaticFailover and enableMultipleWriteLocations from that
 * api-version's DatabaseAccountGetProperties. Attribute semantics follow terraform-provider-azurerm 4.x
 * `resourceCosmosDbAccountRead`: access_key_metadata_writes_enabled is the negation of
 * disableKeyBasedMetadataWriteAccess, network_acl_bypass_for_azure_services is networkAclBypass `AzureServices`,
 * ip_range_filter a set of the ipRules' ipAddressOrRange, geo_location a set of the locations (normalised location
 * name, failover priority, zone redundancy), backup one block of the policy's type and its mode's properties.
 *
 * geo_location's `id` (the account-region name Cosmos DB chooses) is not compared: canonicalise leaves it out of
 * Terraform's blocks, as it does a Continuous backup's zero interval and retention and the system-assigned
 * identity's principal and tenant ids. Account keys and connection strings come from listKeys /
 * listConnectionStrings, not GET; nothing under them is ever read.
 */
export const cosmosdbAccount = defineType({
  type: 'azurerm_cosmosdb_account',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    offer_type: s.string,
    kind: s.string,
    minimal_tls_version: s.string,
    public_network_access_enabled: s.boolean,
    local_authentication_disabled: s.boolean,
    access_key_metadata_writes_enabled: s.boolean,
    key_vault_key_id: s.string,
    default_identity_type: s.string,
    is_virtual_network_filter_enabled: s.boolean,
    ip_range_filter: s.strings,
    virtual_network_rule: s.blocks({ id: s.string, ignore_missing_vnet_service_endpoint: s.boolean }),
    network_acl_bypass_for_azure_services: s.boolean,
    network_acl_bypass_ids: s.strings,
    free_tier_enabled: s.boolean,
    analytical_storage_enabled: s.boolean,
    automatic_failover_enabled: s.boolean,
    multiple_write_locations_enabled: s.boolean,
    partition_merge_enabled: s.boolean,
    burst_capacity_enabled: s.boolean,
    consistency_policy: s.blocks({
      consistency_level: s.string,
      max_interval_in_seconds: s.number,
      max_staleness_prefix: s.number,
    }),
    geo_location: s.blocks({ location: s.string, failover_priority: s.number, zone_redundant: s.boolean }),
    backup: s.blocks({
      type: s.string,
      tier: s.string,
      interval_in_minutes: s.number,
      retention_in_hours: s.number,
      storage_redundancy: s.string,
    }),
    identity: identitySchema,
  }),
  sets: [
    ...IDENTITY_SETS,
    'ip_range_filter',
    'virtual_network_rule',
    'network_acl_bypass_ids',
    'geo_location',
  ],
  computed: ['endpoint', 'read_endpoints', 'write_endpoints'],
  sensitive: [
    'primary_key',
    'secondary_key',
    'primary_readonly_key',
    'secondary_readonly_key',
    'primary_sql_connection_string',
    'secondary_sql_connection_string',
    'primary_readonly_sql_connection_string',
    'secondary_readonly_sql_connection_string',
    'primary_mongodb_connection_string',
    'secondary_mongodb_connection_string',
    'primary_readonly_mongodb_connection_string',
    'secondary_readonly_mongodb_connection_string',
  ],
  // azurerm 4.x schema defaults (website/docs/r/cosmosdb_account.html.markdown).
  defaults: {
    kind: 'GlobalDocumentDB',
    minimal_tls_version: 'Tls12',
    public_network_access_enabled: true,
    local_authentication_disabled: false,
    access_key_metadata_writes_enabled: true,
    is_virtual_network_filter_enabled: false,
    network_acl_bypass_for_azure_services: false,
    free_tier_enabled: false,
    analytical_storage_enabled: false,
    automatic_failover_enabled: false,
    multiple_write_locations_enabled: false,
    partition_merge_enabled: false,
    burst_capacity_enabled: false,
  },
  // azurerm 4.0 renamed the enable_* flags (website/docs/4.0-upgrade-guide.html.markdown).
  renamed: [
    ['enable_free_tier', 'free_tier_enabled'],
    ['enable_automatic_failover', 'automatic_failover_enabled'],
    ['enable_multiple_write_locations', 'multiple_write_locations_enabled'],
  ],
  id: { attribute: 'id', caseInsensitive: true },
  canonicalise(attributes) {
    withoutComputedIdentity(attributes);
    for (const block of blocksOf(attributes.geo_location)) delete block.id;
    for (const block of blocksOf(attributes.backup)) {
      if (typeof block.type !== 'string' || block.type.toLowerCase() !== 'continuous') continue;
      if (block.interval_in_minutes === 0) delete block.interval_in_minutes;
      if (block.retention_in_hours === 0) delete block.retention_in_hours;
    }
  },
  sources: { arm: { type: 'Microsoft.DocumentDB/databaseAccounts', map: fromArm } },
});

function blocksOf(value: Value | undefined): Attributes[] {
  return Array.isArray(value)
    ? value.filter((block): block is Attributes => isPlainObject(block) && !isUnknown(block))
    : [];
}

function negated(value: Value | undefined): Value | undefined {
  return typeof value === 'boolean' ? !value : value;
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'kind', arm.str(resource.kind));
  arm.put(attributes, 'offer_type', arm.str(arm.field(p, 'databaseAccountOfferType')));
  arm.put(attributes, 'minimal_tls_version', arm.str(arm.field(p, 'minimalTlsVersion')));
  arm.put(attributes, 'public_network_access_enabled', arm.enabledFlag(arm.field(p, 'publicNetworkAccess')));
  arm.put(attributes, 'local_authentication_disabled', arm.bool(arm.field(p, 'disableLocalAuth')));
  arm.put(
    attributes,
    'access_key_metadata_writes_enabled',
    negated(arm.bool(arm.field(p, 'disableKeyBasedMetadataWriteAccess'))),
  );
  arm.put(attributes, 'key_vault_key_id', arm.str(arm.field(p, 'keyVaultKeyUri')));
  arm.put(attributes, 'default_identity_type', arm.str(arm.field(p, 'defaultIdentity')));
  arm.put(
    attributes,
    'is_virtual_network_filter_enabled',
    arm.bool(arm.field(p, 'isVirtualNetworkFilterEnabled')),
  );
  arm.put(attributes, 'ip_range_filter', arm.fieldOfEach(arm.field(p, 'ipRules'), 'ipAddressOrRange'));
  arm.put(
    attributes,
    'virtual_network_rule',
    arm.records(arm.field(p, 'virtualNetworkRules'), (rule) => ({
      id: arm.str(arm.field(rule, 'id')) ?? null,
      ignore_missing_vnet_service_endpoint:
        arm.bool(arm.field(rule, 'ignoreMissingVNetServiceEndpoint')) ?? false,
    })),
  );
  arm.put(attributes, 'network_acl_bypass_for_azure_services', bypass(arm.field(p, 'networkAclBypass')));
  arm.put(attributes, 'network_acl_bypass_ids', arm.strings(arm.field(p, 'networkAclBypassResourceIds')));
  arm.put(attributes, 'free_tier_enabled', arm.bool(arm.field(p, 'enableFreeTier')));
  arm.put(attributes, 'analytical_storage_enabled', arm.bool(arm.field(p, 'enableAnalyticalStorage')));
  arm.put(attributes, 'automatic_failover_enabled', arm.bool(arm.field(p, 'enableAutomaticFailover')));
  arm.put(
    attributes,
    'multiple_write_locations_enabled',
    arm.bool(arm.field(p, 'enableMultipleWriteLocations')),
  );
  arm.put(attributes, 'partition_merge_enabled', arm.bool(arm.field(p, 'enablePartitionMerge')));
  arm.put(attributes, 'burst_capacity_enabled', arm.bool(arm.field(p, 'enableBurstCapacity')));
  arm.put(attributes, 'consistency_policy', consistency(arm.field(p, 'consistencyPolicy')));
  arm.put(
    attributes,
    'geo_location',
    arm.records(arm.field(p, 'locations'), (item) => ({
      location: arm.location(arm.field(item, 'locationName')) ?? null,
      failover_priority: arm.num(arm.field(item, 'failoverPriority')) ?? null,
      zone_redundant: arm.bool(arm.field(item, 'isZoneRedundant')) ?? false,
    })),
  );
  arm.put(attributes, 'backup', backup(arm.field(p, 'backupPolicy')));
  return attributes;
}

/** `AzureServices` -> true, `None` -> false. */
function bypass(value: Value | undefined): Value | undefined {
  const text = arm.str(value);
  if (typeof text !== 'string') return text;
  return text.toLowerCase() === 'azureservices';
}

function consistency(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'consistency_level', arm.str(arm.field(value, 'defaultConsistencyLevel')));
  arm.put(block, 'max_interval_in_seconds', arm.num(arm.field(value, 'maxIntervalInSeconds')));
  arm.put(block, 'max_staleness_prefix', arm.num(arm.field(value, 'maxStalenessPrefix')));
  return [block];
}

/** Periodic: interval, retention and redundancy; Continuous: its tier. */
function backup(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const type = arm.str(arm.field(value, 'type'));
  const block: Attributes = {};
  arm.put(block, 'type', type);
  if (typeof type === 'string' && type.toLowerCase() === 'continuous') {
    arm.put(block, 'tier', arm.str(arm.field(value, 'continuousModeProperties', 'tier')));
    return [block];
  }
  const periodic = arm.field(value, 'periodicModeProperties');
  arm.put(block, 'interval_in_minutes', arm.num(arm.field(periodic, 'backupIntervalInMinutes')));
  arm.put(block, 'retention_in_hours', arm.num(arm.field(periodic, 'backupRetentionIntervalInHours')));
  arm.put(block, 'storage_redundancy', arm.str(arm.field(periodic, 'backupStorageRedundancy')));
  return [block];
}
