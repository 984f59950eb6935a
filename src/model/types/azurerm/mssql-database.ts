import { isUnknown, unknown, type Value } from '../../value.js';
import * as arm from '../read/arm.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { ArmShape } from '../sources.js';
import { parentIdOf } from './shared/arm-ids.js';

const BYTES_PER_GB = 1073741824;

/**
 * azurerm_mssql_database, from Microsoft.Sql/servers/databases.
 *
 * ARM shape: Azure/azure-rest-api-specs `sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/`
 * `GetVCoreDatabase.json`. As in the provider's read, sku_name is `currentServiceObjectiveName` (`BC_Gen5_2`, not
 * sku.name `BC_Gen5`) and max_size_gb is maxSizeBytes in whole GiB. A template has no service objective yet: its
 * `sku` names one (`S0`, `GP_Gen5_2`), or a vCore family and capacity (`GP_Gen5` + 2), which ARM joins the same way.
 *
 * Transparent data encryption is a child resource (`.../databases/<db>/transparentDataEncryption/current`,
 * `TransparentDataEncryptionGet.json`), not part of the database payload. Every reader attaches the child's
 * properties as `properties.transparentDataEncryption = { state: "Enabled" | "Disabled" }`: the live connector from
 * its GET, the template reader from the template's child resource. Without it the attribute is left out (a template
 * then gets ARM's default, on); a child whose state cannot be read is unknown, never guessed.
 *
 * `master` is skipped: every logical server has one and Terraform never manages it.
 */
export const mssqlDatabase = defineType({
  type: 'azurerm_mssql_database',
  provider: 'azurerm',
  schema: s.attributes({
    name: s.string,
    server_id: s.string,
    tags: s.tags,
    sku_name: s.string,
    collation: s.string,
    max_size_gb: s.number,
    zone_redundant: s.boolean,
    transparent_data_encryption_enabled: s.boolean,
  }),
  // azurerm 4.x schema default (website/docs/r/mssql_database.html.markdown).
  defaults: { transparent_data_encryption_enabled: true },
  id: { attribute: 'id', caseInsensitive: true },
  sources: {
    arm: {
      type: 'Microsoft.Sql/servers/databases',
      typeOf: (resource) => (isMaster(resource) ? undefined : 'azurerm_mssql_database'),
      map: fromArm,
      // Transparent data encryption is on for new databases unless a transparentDataEncryption child turns it off.
      platformDefaults: { transparent_data_encryption_enabled: true },
    },
  },
});

function isMaster(resource: ArmShape): boolean {
  const name = arm.nameOf(resource);
  return typeof name === 'string' && name.toLowerCase() === 'master';
}

function fromArm(resource: ArmShape): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  arm.put(attributes, 'name', arm.nameOf(resource));
  arm.put(attributes, 'server_id', parentIdOf(resource.id));
  arm.put(
    attributes,
    'sku_name',
    arm.str(arm.field(p, 'currentServiceObjectiveName')) ?? skuName(resource.sku),
  );
  arm.put(attributes, 'collation', arm.str(arm.field(p, 'collation')));
  arm.put(attributes, 'max_size_gb', maxSizeGb(arm.num(arm.field(p, 'maxSizeBytes'))));
  arm.put(attributes, 'zone_redundant', arm.bool(arm.field(p, 'zoneRedundant')));
  arm.put(
    attributes,
    'transparent_data_encryption_enabled',
    transparentDataEncryption(arm.field(p, 'transparentDataEncryption')),
  );
  arm.put(attributes, 'tags', arm.tagsOf(resource.tags));
  return attributes;
}

/**
 * `S0`, `GP_Gen5_2`, or a vCore family's `GP_Gen5` with capacity 2: `GP_Gen5_2`. A DTU tier with a capacity
 * (`Standard`, 10) names no objective without ARM's table, and is left out.
 */
function skuName(sku: Value | undefined): Value | undefined {
  const name = arm.str(arm.field(sku, 'name'));
  if (typeof name !== 'string') return name;
  const capacity = arm.num(arm.field(sku, 'capacity'));
  const vCore = arm.field(sku, 'family') !== undefined;
  if (capacity === undefined) return vCore ? undefined : name;
  if (typeof capacity !== 'number') return capacity;
  if (name.endsWith(`_${capacity}`)) return name;
  return vCore ? `${name}_${capacity}` : undefined;
}

function maxSizeGb(bytes: Value | undefined): Value | undefined {
  return typeof bytes === 'number' ? Math.floor(bytes / BYTES_PER_GB) : bytes;
}

/** The attached child's `state` (`status` in api-version 2014-04-01) as a flag. */
function transparentDataEncryption(child: Value | undefined): Value | undefined {
  if (child === undefined || isUnknown(child)) return child;
  const state = arm.field(child, 'state') ?? arm.field(child, 'status');
  return arm.enabledFlag(state) ?? unknown('not-reported');
}
