import { isUnknown, unknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { Attributes } from '../../resource-type.js';
import * as s from '../../schema.js';

/*
 * What azurerm_postgresql_flexible_server and azurerm_mysql_flexible_server read alike from their ARM resources
 * (Microsoft.DBforPostgreSQL/flexibleServers and Microsoft.DBforMySQL/flexibleServers share sku, dataEncryption and
 * highAvailability shapes): the provider's sku_name, the customer-managed key block and the high-availability block.
 */

export const customerManagedKeySchema = s.blocks({
  key_vault_key_id: s.string,
  primary_user_assigned_identity_id: s.string,
  geo_backup_key_vault_key_id: s.string,
  geo_backup_user_assigned_identity_id: s.string,
});

export const highAvailabilitySchema = s.blocks({ mode: s.string, standby_availability_zone: s.string });

const TIER_PREFIX: Readonly<Record<string, string>> = {
  burstable: 'B',
  generalpurpose: 'GP',
  memoryoptimized: 'MO',
};

/** `{name: Standard_D4ds_v5, tier: GeneralPurpose}` -> `GP_Standard_D4ds_v5`; a tier the provider does not know is unknown. */
export function skuName(sku: Value | undefined): Value | undefined {
  const name = arm.str(arm.field(sku, 'name'));
  const tier = arm.str(arm.field(sku, 'tier'));
  if (name === undefined || tier === undefined) return undefined;
  if (typeof name !== 'string') return name;
  if (typeof tier !== 'string') return tier;
  const prefix = TIER_PREFIX[tier.toLowerCase()];
  return prefix === undefined ? unknown('expression') : `${prefix}_${name}`;
}

/** `AzureKeyVault` -> one block of the keys and identities; `SystemManaged` (service-managed keys) is no block. */
export function customerManagedKey(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const type = arm.str(arm.field(value, 'type'));
  if (typeof type !== 'string') return type;
  if (type.toLowerCase() === 'systemmanaged') return [];
  if (type.toLowerCase() !== 'azurekeyvault') return unknown('expression');
  const block: Attributes = {};
  arm.put(block, 'key_vault_key_id', arm.str(arm.field(value, 'primaryKeyURI')));
  arm.put(
    block,
    'primary_user_assigned_identity_id',
    arm.str(arm.field(value, 'primaryUserAssignedIdentityId')),
  );
  arm.put(block, 'geo_backup_key_vault_key_id', arm.str(arm.field(value, 'geoBackupKeyURI')));
  arm.put(
    block,
    'geo_backup_user_assigned_identity_id',
    arm.str(arm.field(value, 'geoBackupUserAssignedIdentityId')),
  );
  return [block];
}

/** One block unless the mode is `Disabled`, as the provider reads it. */
export function highAvailability(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const mode = arm.str(arm.field(value, 'mode'));
  if (typeof mode !== 'string') return mode;
  if (mode.toLowerCase() === 'disabled') return [];
  const block: Attributes = { mode };
  arm.put(block, 'standby_availability_zone', arm.str(arm.field(value, 'standbyAvailabilityZone')));
  return [block];
}

/**
 * Backup retention, geo-redundant backup, public network access and VNet integration, which both servers read from
 * `properties.backup` and `properties.network`; only the private DNS zone's property name differs.
 */
export function backupAndNetwork(properties: Value | undefined, privateDnsZoneProperty: string): Attributes {
  const backup = arm.field(properties, 'backup');
  const network = arm.field(properties, 'network');
  const attributes: Attributes = {};
  arm.put(attributes, 'backup_retention_days', arm.num(arm.field(backup, 'backupRetentionDays')));
  arm.put(
    attributes,
    'geo_redundant_backup_enabled',
    arm.enabledFlag(arm.field(backup, 'geoRedundantBackup')),
  );
  arm.put(
    attributes,
    'public_network_access_enabled',
    arm.enabledFlag(arm.field(network, 'publicNetworkAccess')),
  );
  arm.put(attributes, 'delegated_subnet_id', arm.str(arm.field(network, 'delegatedSubnetResourceId')));
  arm.put(attributes, 'private_dns_zone_id', arm.str(arm.field(network, privateDnsZoneProperty)));
  return attributes;
}
