import type { Value } from '../../../src/model/value.js';
import {
  asBoolean,
  asNumber,
  asRecord,
  asString,
  enabledFlag,
  lastSegmentOf,
  parentIdOf,
  propertiesOf,
  put,
  tagsOf,
} from './arm-id.js';
import type { ArmResource, ArmTypeMapping, MappedResource } from './types.js';

const BYTES_PER_GB = 1073741824;

/**
 * Microsoft.Sql/servers/databases -> azurerm_mssql_database.
 *
 * Shape: Azure/azure-rest-api-specs `sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/`
 * `GetVCoreDatabase.json`. As in the provider's read, sku_name is `currentServiceObjectiveName` (`BC_Gen5_2`, not
 * sku.name `BC_Gen5`) and max_size_gb is maxSizeBytes in whole GiB.
 *
 * Transparent data encryption is a child resource (`.../databases/<db>/transparentDataEncryption/current`,
 * `TransparentDataEncryptionGet.json`), not part of the database payload. Contract: when the connector fetched
 * it, it attaches the child's properties as `properties.transparentDataEncryption = { state: "Enabled" |
 * "Disabled" }`; a top-level `transparentDataEncryption` of the same shape is accepted too. Without it the
 * attribute is left out (unknown), never guessed.
 *
 * `master` is skipped: every logical server has one and Terraform never manages it.
 */
export const mssqlDatabaseMapping: ArmTypeMapping = {
  armType: 'Microsoft.Sql/servers/databases',
  terraformTypes: ['azurerm_mssql_database'],
  map: mapMssqlDatabase,
};

type ResourceWithTde = ArmResource & { transparentDataEncryption?: unknown };

function mapMssqlDatabase(resource: ResourceWithTde): MappedResource | undefined {
  const name = resource.name ?? lastSegmentOf(resource.id);
  if (name?.toLowerCase() === 'master') return undefined;
  const p = propertiesOf(resource);
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', name);
  put(attributes, 'server_id', parentIdOf(resource.id));
  put(attributes, 'sku_name', asString(p.currentServiceObjectiveName));
  put(attributes, 'collation', asString(p.collation));
  put(attributes, 'max_size_gb', maxSizeGb(asNumber(p.maxSizeBytes)));
  put(attributes, 'zone_redundant', asBoolean(p.zoneRedundant));
  const tde = asRecord(p.transparentDataEncryption) ?? asRecord(resource.transparentDataEncryption);
  put(attributes, 'transparent_data_encryption_enabled', enabledFlag(tde?.state));
  put(attributes, 'tags', tagsOf(resource));
  return { id: resource.id, terraformType: 'azurerm_mssql_database', attributes };
}

function maxSizeGb(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : Math.floor(bytes / BYTES_PER_GB);
}
