import { isArmTypeMapped, mapArmResource } from '../../src/model/types/map-arm.js';
import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { setOwn } from './limits.js';

/*
 * Evaluated ARM template resources -> canonical azurerm types, in the attribute shapes of the live connector
 * (connectors/azure/map): template `properties` carry the ARM property names a GET returns. An attribute the
 * template leaves out gets the value ARM gives it where that is fixed (https_traffic_only_enabled true,
 * purge_protection_enabled false, ...) and is otherwise left out. A value that is not static stays unknown.
 */

/** One resource of a template, with its expressions evaluated. */
export interface TemplateResource {
  /** The full ARM type, e.g. `Microsoft.Sql/servers/databases`. */
  armType: string;
  /** The resource's own name: the last segment of its full name (`db` for `server/db`). */
  name: Value;
  location?: Value;
  kind?: Value;
  tags?: Value;
  sku?: Value;
  properties?: Value;
  /** The extension resource's `scope` property. */
  scope?: Value;
}

export interface CanonicalResource {
  type: string;
  attributes: Record<string, Value>;
}

type Attributes = Record<string, Value>;

// Readers. `null` reads as absent; a value of the wrong type reads as unknown rather than as a default.

/** `properties.a.b`, property names compared case-insensitively as ARM does. Unknown along the way is unknown. */
function field(value: Value | undefined, ...path: string[]): Value | undefined {
  let current = value;
  for (const key of path) {
    if (current === undefined || current === null) return undefined;
    if (!isPlainObject(current) || isUnknown(current)) return unknown('expression');
    const lower = key.toLowerCase();
    const name = Object.hasOwn(current, key)
      ? key
      : Object.keys(current).find((k) => k.toLowerCase() === lower);
    current = name === undefined ? undefined : current[name];
  }
  return current === null ? undefined : current;
}

function typed(value: Value | undefined, type: 'string' | 'boolean' | 'number'): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === type || isUnknown(value)) return value;
  return unknown('expression');
}

const str = (value: Value | undefined) => typed(value, 'string');
const bool = (value: Value | undefined) => typed(value, 'boolean');
const num = (value: Value | undefined) => typed(value, 'number');

/** The entries of a list that `keep` accepts, mapped; an unknown list stays unknown. */
function list(value: Value | undefined, keep: (item: Value) => boolean, map = (item: Value) => item) {
  if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
  return Array.isArray(value) ? value.filter(keep).map(map) : unknown('expression');
}

const strings = (value: Value | undefined) =>
  list(value, (item) => typeof item === 'string' || isUnknown(item));
const records = (value: Value | undefined, map: (item: Value) => Value) => list(value, isPlainObject, map);

function put(attributes: Attributes, name: string, value: Value | undefined): void {
  if (value !== undefined) attributes[name] = value;
}

/** name, location (as the provider normalises it: `West Europe` -> `westeurope`) and tags. */
function envelope(resource: TemplateResource): Attributes {
  const attributes: Attributes = {};
  put(attributes, 'name', str(resource.name));
  const location = str(resource.location);
  put(
    attributes,
    'location',
    typeof location === 'string' ? location.toLowerCase().replaceAll(' ', '') : location,
  );
  put(attributes, 'tags', tagsOf(resource.tags));
  return attributes;
}

/** The tags map; values neither strings nor unknown are dropped. */
function tagsOf(tags: Value | undefined): Value | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (!isPlainObject(tags) || isUnknown(tags)) return unknown('expression');
  const out: Attributes = {};
  for (const [key, value] of Object.entries(tags))
    if (typeof value === 'string' || isUnknown(value)) setOwn(out, key, value);
  return out;
}

function keyVault(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes = envelope(resource);
  put(attributes, 'tenant_id', str(field(p, 'tenantId')));
  attributes.purge_protection_enabled = bool(field(p, 'enablePurgeProtection')) ?? false;
  put(attributes, 'soft_delete_retention_days', num(field(p, 'softDeleteRetentionInDays')));
  return attributes;
}

function mssqlServer(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes = envelope(resource);
  put(attributes, 'version', str(field(p, 'version')));
  // administratorLoginPassword is a secret and is never read.
  put(attributes, 'administrator_login', str(field(p, 'administratorLogin')));
  const tls = str(field(p, 'minimalTlsVersion'));
  const none = typeof tls === 'string' && tls.toLowerCase() === 'none';
  put(attributes, 'minimum_tls_version', none ? 'Disabled' : tls);
  return attributes;
}

function mssqlDatabase(resource: TemplateResource): Attributes | undefined {
  if (typeof resource.name === 'string' && resource.name.toLowerCase() === 'master') return undefined;
  const attributes: Attributes = { name: str(resource.name) ?? unknown('expression') };
  // Transparent data encryption is on for new databases unless a transparentDataEncryption child turns it off.
  attributes.transparent_data_encryption_enabled = true;
  put(attributes, 'tags', tagsOf(resource.tags));
  return attributes;
}

/** `properties.state` (`status` in api-version 2014-04-01) of a transparentDataEncryption child, as a boolean. */
export function transparentDataEncryptionOf(resource: TemplateResource): Value {
  const state = str(field(resource.properties, 'state') ?? field(resource.properties, 'status'));
  const flag = typeof state === 'string' ? state.toLowerCase() : undefined;
  return flag === 'enabled' ? true : flag === 'disabled' ? false : unknown('expression');
}

function roleDefinition(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  put(attributes, 'name', str(field(p, 'roleName')));
  put(attributes, 'description', str(field(p, 'description')));
  put(
    attributes,
    'permissions',
    records(field(p, 'permissions'), (permission) => ({
      actions: strings(field(permission, 'actions')) ?? [],
      not_actions: strings(field(permission, 'notActions')) ?? [],
      data_actions: strings(field(permission, 'dataActions')) ?? [],
      not_data_actions: strings(field(permission, 'notDataActions')) ?? [],
    })),
  );
  put(attributes, 'assignable_scopes', strings(field(p, 'assignableScopes')));
  return attributes;
}

function roleAssignment(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes: Attributes = {};
  put(attributes, 'name', str(resource.name));
  put(attributes, 'role_definition_id', str(field(p, 'roleDefinitionId')));
  put(attributes, 'principal_id', str(field(p, 'principalId')));
  put(attributes, 'principal_type', str(field(p, 'principalType')));
  // The top-level `scope` of an extension resource, else properties.scope. A relative scope
  // (`Microsoft.Storage/storageAccounts/x`) is below the deployment's resource group, whose id is not static.
  const scope = str(resource.scope) ?? str(field(p, 'scope'));
  attributes.scope =
    typeof scope === 'string' && scope.startsWith('/')
      ? scope.replace(/^(\/subscriptions\/[^/]+\/)resourcegroups\//i, '$1resourceGroups/')
      : unknown('expression');
  return attributes;
}

/** `kind` -> the azurerm type; ARM's default kind is `app`, a Windows web app. */
function webAppType(kind: Value | undefined): string | undefined {
  if (typeof kind !== 'string' && kind !== undefined && kind !== null) return undefined;
  const tokens = new Set((kind ?? 'app').split(',').map((token) => token.trim().toLowerCase()));
  if (['workflowapp', 'kubernetes', 'azurecontainerapps'].some((token) => tokens.has(token)))
    return undefined;
  const os = tokens.has('linux') ? 'linux' : 'windows';
  if (tokens.has('functionapp')) return `azurerm_${os}_function_app`;
  return tokens.has('app') ? `azurerm_${os}_web_app` : undefined;
}

const SITE_CONFIG_FIELDS: readonly (readonly [string, string, 'string' | 'boolean'])[] = [
  ['minTlsVersion', 'minimum_tls_version', 'string'],
  ['ftpsState', 'ftps_state', 'string'],
  ['http20Enabled', 'http2_enabled', 'boolean'],
  ['alwaysOn', 'always_on', 'boolean'],
];

function webApp(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes = envelope(resource);
  attributes.https_only = bool(field(p, 'httpsOnly')) ?? false;
  const siteConfig = field(p, 'siteConfig');
  // As on the live side, site_config only when it sets the minimum TLS version.
  if (isUnknown(siteConfig) || field(siteConfig, 'minTlsVersion') !== undefined) {
    const block: Attributes = {};
    for (const [armName, name, type] of SITE_CONFIG_FIELDS)
      put(block, name, typed(field(siteConfig, armName), type));
    attributes.site_config = isUnknown(siteConfig) ? unknown('expression') : [block];
  }
  return attributes;
}

function managedDisk(resource: TemplateResource): Attributes {
  const p = resource.properties;
  const attributes = envelope(resource);
  put(attributes, 'storage_account_type', str(field(resource.sku, 'name')));
  put(attributes, 'disk_size_gb', num(field(p, 'diskSizeGB')));
  put(attributes, 'disk_encryption_set_id', str(field(p, 'encryption', 'diskEncryptionSetId')));
  return attributes;
}

/** Protocols in the provider's casing once capitalised (`tcp` -> `Tcp`). */
const PROTOCOLS = ['tcp', 'udp', 'icmp', 'esp', 'ah', '*'];
// ARM name -> azurerm name by case: sourcePortRange -> source_port_range.
const RULE_STRINGS = ['direction', 'access', 'sourcePortRange', 'destinationPortRange', 'description'];
const RULE_PREFIXES = ['sourceAddressPrefix', 'destinationAddressPrefix'];
const LISTS = [
  'sourcePortRanges',
  'destinationPortRanges',
  'sourceAddressPrefixes',
  'destinationAddressPrefixes',
];

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function securityRule(rule: Value): Value {
  const p = field(rule, 'properties');
  const block: Attributes = {};
  put(block, 'name', str(field(rule, 'name')));
  const protocol = str(field(p, 'protocol'));
  const known = PROTOCOLS.find((name) => typeof protocol === 'string' && name === protocol.toLowerCase());
  put(block, 'protocol', known ? (known[0]?.toUpperCase() ?? '') + known.slice(1) : protocol);
  put(block, 'priority', num(field(p, 'priority')));
  for (const name of [...RULE_STRINGS, ...RULE_PREFIXES]) put(block, snakeCase(name), str(field(p, name)));
  for (const name of LISTS) put(block, snakeCase(name), strings(field(p, name)));
  return block;
}

function networkSecurityGroup(resource: TemplateResource): Attributes {
  const attributes = envelope(resource);
  put(attributes, 'security_rule', records(field(resource.properties, 'securityRules'), securityRule));
  return attributes;
}

type Mapper = (resource: TemplateResource) => CanonicalResource | undefined;

function webSite(resource: TemplateResource): CanonicalResource | undefined {
  const type = webAppType(resource.kind);
  return type ? { type, attributes: webApp(resource) } : undefined;
}

function simple(type: string, map: (resource: TemplateResource) => Attributes | undefined): Mapper {
  return (resource) => {
    const attributes = map(resource);
    return attributes ? { type, attributes } : undefined;
  };
}

const MAPPERS: ReadonlyMap<string, Mapper> = new Map<string, Mapper>([
  ['microsoft.keyvault/vaults', simple('azurerm_key_vault', keyVault)],
  ['microsoft.sql/servers', simple('azurerm_mssql_server', mssqlServer)],
  ['microsoft.sql/servers/databases', simple('azurerm_mssql_database', mssqlDatabase)],
  ['microsoft.authorization/roledefinitions', simple('azurerm_role_definition', roleDefinition)],
  ['microsoft.authorization/roleassignments', simple('azurerm_role_assignment', roleAssignment)],
  ['microsoft.compute/disks', simple('azurerm_managed_disk', managedDisk)],
  ['microsoft.network/networksecuritygroups', simple('azurerm_network_security_group', networkSecurityGroup)],
  ['microsoft.web/sites', webSite],
]);

/** The canonical resource, or undefined for a type (or kind) driftwarden does not map. ARM types are case-insensitive. */
export function mapTemplateResource(resource: TemplateResource): CanonicalResource | undefined {
  const { armType, ...shape } = resource;
  const mapped = mapArmResource({ ...shape, type: armType }, { template: true });
  if (mapped) return { type: mapped.terraformType, attributes: mapped.attributes };
  return MAPPERS.get(resource.armType.toLowerCase())?.(resource);
}

/** True when the type has a mapping (or is folded into one): other resources need not be evaluated. */
export function isMapped(armType: string): boolean {
  return (
    isArmTypeMapped(armType) || MAPPERS.has(armType.toLowerCase()) || isTransparentDataEncryption(armType)
  );
}

export function isTransparentDataEncryption(armType: string): boolean {
  return armType.toLowerCase() === 'microsoft.sql/servers/databases/transparentdataencryption';
}
