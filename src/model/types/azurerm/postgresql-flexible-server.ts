import { isUnknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import {
  backupAndNetwork,
  customerManagedKey,
  customerManagedKeySchema,
  highAvailability,
  highAvailabilitySchema,
  skuName,
} from './shared/flexible-server.js';
import { IDENTITY_SETS, identityOf, identitySchema } from './shared/identity.js';

/**
 * azurerm_postgresql_flexible_server, from Microsoft.DBforPostgreSQL/flexibleServers (a row of the azurerm table
 * until it had a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/`
 * `examples/ServerGet.json` (sku{name, tier}, properties.version, storage{storageSizeGB, autoGrow, tier},
 * network.publicNetworkAccess, dataEncryption.type, authConfig{activeDirectoryAuth, passwordAuth}, availabilityZone,
 * backup{backupRetentionDays, geoRedundantBackup}, highAvailability.mode) and
 * `ServerCreateWithDataEncryptionEnabled.json` (dataEncryption `AzureKeyVault` with primaryKeyURI and
 * primaryUserAssignedIdentityId, network{delegatedSubnetResourceId, privateDnsZoneArmResourceId},
 * highAvailability.standbyAvailabilityZone, a user-assigned identity). Attribute semantics follow
 * terraform-provider-azurerm 4.x `resourcePostgresqlFlexibleServerRead`: sku_name is the tier's short name
 * (`B`, `GP`, `MO`) and the sku name joined by `_`; storage_mb is storageSizeGB * 1024; high_availability is one
 * block unless its mode is `Disabled`; customer_managed_key is one block when dataEncryption.type is `AzureKeyVault`
 * and none when it is `SystemManaged`; authentication is one block of authConfig.
 *
 * The administrator password is write-only (never returned by GET); nothing under it is ever read.
 */
export const postgresqlFlexibleServer = defineType({
  type: 'azurerm_postgresql_flexible_server',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    version: s.string,
    sku_name: s.string,
    zone: s.string,
    storage_mb: s.number,
    storage_tier: s.string,
    auto_grow_enabled: s.boolean,
    backup_retention_days: s.number,
    geo_redundant_backup_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    delegated_subnet_id: s.string,
    private_dns_zone_id: s.string,
    administrator_login: s.string,
    authentication: s.blocks({
      active_directory_auth_enabled: s.boolean,
      password_auth_enabled: s.boolean,
      tenant_id: s.string,
    }),
    customer_managed_key: customerManagedKeySchema,
    high_availability: highAvailabilitySchema,
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['fqdn'],
  sensitive: ['administrator_password', 'administrator_password_wo'],
  // azurerm 4.x schema defaults (website/docs/r/postgresql_flexible_server.html.markdown).
  defaults: {
    auto_grow_enabled: false,
    backup_retention_days: 7,
    geo_redundant_backup_enabled: false,
    public_network_access_enabled: true,
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.DBforPostgreSQL/flexibleServers', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const storage = arm.field(p, 'storage');
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku_name', skuName(resource.sku));
  arm.put(attributes, 'version', arm.str(arm.field(p, 'version')));
  arm.put(attributes, 'zone', arm.str(arm.field(p, 'availabilityZone')));
  arm.put(attributes, 'storage_mb', storageMb(arm.num(arm.field(storage, 'storageSizeGB'))));
  arm.put(attributes, 'storage_tier', arm.str(arm.field(storage, 'tier')));
  arm.put(attributes, 'auto_grow_enabled', arm.enabledFlag(arm.field(storage, 'autoGrow')));
  Object.assign(attributes, backupAndNetwork(p, 'privateDnsZoneArmResourceId'));
  arm.put(attributes, 'administrator_login', arm.str(arm.field(p, 'administratorLogin')));
  arm.put(attributes, 'authentication', authentication(arm.field(p, 'authConfig')));
  arm.put(attributes, 'customer_managed_key', customerManagedKey(arm.field(p, 'dataEncryption')));
  arm.put(attributes, 'high_availability', highAvailability(arm.field(p, 'highAvailability')));
  return attributes;
}

function authentication(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'active_directory_auth_enabled', arm.enabledFlag(arm.field(value, 'activeDirectoryAuth')));
  arm.put(block, 'password_auth_enabled', arm.enabledFlag(arm.field(value, 'passwordAuth')));
  arm.put(block, 'tenant_id', arm.str(arm.field(value, 'tenantId')));
  return [block];
}

export function storageMb(gb: Value | undefined): Value | undefined {
  return typeof gb === 'number' ? gb * 1024 : gb;
}
