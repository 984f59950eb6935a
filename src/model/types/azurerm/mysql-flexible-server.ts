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
 * azurerm_mysql_flexible_server, from Microsoft.DBforMySQL/flexibleServers (a row of the azurerm table until it had
 * a module).
 *
 * ARM shape: Azure/azure-rest-api-specs `mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/`
 * `2023-12-30/examples/ServerCreateWithBYOK.json` (sku{name, tier}, properties.version, availabilityZone,
 * storage{storageSizeGB, iops, autoGrow}, backup{backupRetentionDays, geoRedundantBackup}, network.publicNetworkAccess,
 * highAvailability{mode, standbyAvailabilityZone}, dataEncryption `AzureKeyVault` with the primary and geo-backup
 * keys and identities, a user-assigned identity) and `ServerGetWithVnet.json` (network.delegatedSubnetResourceId);
 * network.privateDnsZoneResourceId, storage.autoIoScaling and storage.logOnDisk from that api-version's Network and
 * Storage definitions.
 * Attribute semantics follow terraform-provider-azurerm 4.x `resourceMysqlFlexibleServerRead`: sku_name is the
 * tier's short name and the sku name joined by `_`; storage is one block; high_availability one block unless its
 * mode is `Disabled`; customer_managed_key one block when dataEncryption.type is `AzureKeyVault`;
 * public_network_access_enabled is network.publicNetworkAccess.
 *
 * TLS (require_secure_transport, tls_version) is a server parameter, azurerm_mysql_flexible_server_configuration,
 * not part of this resource. The administrator password is write-only; nothing under it is ever read.
 */
export const mysqlFlexibleServer = defineType({
  type: 'azurerm_mysql_flexible_server',
  provider: 'azurerm',
  schema: s.attributes({
    ...s.azurermEnvelope,
    version: s.string,
    sku_name: s.string,
    zone: s.string,
    storage: s.blocks({
      size_gb: s.number,
      iops: s.number,
      auto_grow_enabled: s.boolean,
      io_scaling_enabled: s.boolean,
      log_on_disk_enabled: s.boolean,
    }),
    backup_retention_days: s.number,
    geo_redundant_backup_enabled: s.boolean,
    public_network_access_enabled: s.boolean,
    delegated_subnet_id: s.string,
    private_dns_zone_id: s.string,
    administrator_login: s.string,
    customer_managed_key: customerManagedKeySchema,
    high_availability: highAvailabilitySchema,
    identity: identitySchema,
  }),
  sets: [...IDENTITY_SETS],
  computed: ['fqdn', 'replica_capacity'],
  sensitive: ['administrator_password', 'administrator_password_wo'],
  // azurerm 4.x schema defaults (website/docs/r/mysql_flexible_server.html.markdown).
  defaults: {
    backup_retention_days: 7,
    geo_redundant_backup_enabled: false,
  },
  id: { attribute: 'id', caseInsensitive: true },
  sources: { arm: { type: 'Microsoft.DBforMySQL/flexibleServers', map: fromArm } },
});

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes = arm.envelope(resource);
  arm.put(attributes, 'identity', identityOf(resource.identity));
  arm.put(attributes, 'sku_name', skuName(resource.sku));
  arm.put(attributes, 'version', arm.str(arm.field(p, 'version')));
  arm.put(attributes, 'zone', arm.str(arm.field(p, 'availabilityZone')));
  arm.put(attributes, 'storage', storage(arm.field(p, 'storage')));
  Object.assign(attributes, backupAndNetwork(p, 'privateDnsZoneResourceId'));
  arm.put(attributes, 'administrator_login', arm.str(arm.field(p, 'administratorLogin')));
  arm.put(attributes, 'customer_managed_key', customerManagedKey(arm.field(p, 'dataEncryption')));
  arm.put(attributes, 'high_availability', highAvailability(arm.field(p, 'highAvailability')));
  return attributes;
}

function storage(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value)) return value;
  const block: Attributes = {};
  arm.put(block, 'size_gb', arm.num(arm.field(value, 'storageSizeGB')));
  arm.put(block, 'iops', arm.num(arm.field(value, 'iops')));
  arm.put(block, 'auto_grow_enabled', arm.enabledFlag(arm.field(value, 'autoGrow')));
  arm.put(block, 'io_scaling_enabled', arm.enabledFlag(arm.field(value, 'autoIoScaling')));
  arm.put(block, 'log_on_disk_enabled', arm.enabledFlag(arm.field(value, 'logOnDisk')));
  return [block];
}
