import type { Value } from '../../../src/model/value.js';
import type { ArmResource } from './types.js';

/*
 * ARM resource ids, and the few readers every mapping shares.
 *
 * ARM compares ids case-insensitively and does not keep one casing: the same storage account shows up as
 * `/resourceGroups/` from GET and `/resourcegroups/` inside another resource's payload. So segment names match
 * case-insensitively, and values keep the casing they were given.
 */

function segmentsOf(id: string): string[] {
  return id.split('/').filter((segment) => segment !== '');
}

function joinSegments(segments: readonly string[]): string {
  return '/' + segments.join('/');
}

function valueAfter(id: string, name: string): string | undefined {
  const segments = segmentsOf(id);
  const index = segments.findIndex((segment) => segment.toLowerCase() === name);
  return index >= 0 ? segments[index + 1] : undefined;
}

/** `/subscriptions/<sub>/...` -> `<sub>`. */
export function subscriptionOf(id: string): string | undefined {
  return valueAfter(id, 'subscriptions');
}

/** `.../resourceGroups/<rg>/...` -> `<rg>`. */
export function resourceGroupOf(id: string): string | undefined {
  return valueAfter(id, 'resourcegroups');
}

/**
 * The id one level up: a child resource's parent (`.../servers/s/databases/d` -> `.../servers/s`), a top-level
 * or extension resource's scope (`.../resourceGroups/rg/providers/NS/type/n` -> `.../resourceGroups/rg`), a
 * resource group's subscription. Undefined at the root.
 */
export function parentIdOf(id: string): string | undefined {
  const segments = segmentsOf(id);
  const providers = segments.findLastIndex((segment) => segment.toLowerCase() === 'providers');
  if (providers >= 0) {
    // After `providers`: the namespace, then type/name pairs. One pair means the parent is the scope.
    const pairs = Math.floor((segments.length - providers - 2) / 2);
    if (pairs > 1) return joinSegments(segments.slice(0, -2));
    return providers === 0 ? undefined : joinSegments(segments.slice(0, providers));
  }
  if (segments.length <= 2) return undefined;
  return joinSegments(segments.slice(0, -2));
}

/** The last segment of an id: a resource's name, a role definition's GUID. */
export function lastSegmentOf(id: string): string | undefined {
  return segmentsOf(id).at(-1);
}

/**
 * The provider canonicalises the resource-group part of ids it stores (commonids `ID()`), while ARM returns
 * whatever casing the id was written with.
 */
export function canonicalResourceGroupCasing(id: string): string {
  return id.replace(/^(\/subscriptions\/[^/]+\/)resourcegroups\//i, '$1resourceGroups/');
}

// Payload readers. ARM reports an unset field as absent or `null`; both read as undefined here.

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A list of strings; non-string entries are dropped. */
export function asStringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** The records of a list; other entries are dropped. */
export function asRecordList(value: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Record<string, unknown>[] = [];
  for (const item of value) {
    const record = asRecord(item);
    if (record) out.push(record);
  }
  return out;
}

/** `[{value: "a"}, {value: "b"}]` -> `["a", "b"]`: the one field ARM wraps each entry of a list in. */
export function fieldOfEach(list: unknown, key: string): string[] | undefined {
  return asRecordList(list)
    ?.map((entry) => asString(entry[key]))
    .filter((value): value is string => value !== undefined);
}

/** A key looked up case-insensitively: some payloads spell `keyvaultproperties`, others `keyVaultProperties`. */
export function getInsensitive(record: Record<string, unknown> | undefined, key: string): unknown {
  if (!record) return undefined;
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === lower) return value;
  return undefined;
}

/** `Enabled`/`Disabled` as a boolean; any other value is not one the azurerm attribute can hold. */
export function enabledFlag(value: unknown): boolean | undefined {
  const text = asString(value)?.toLowerCase();
  if (text === 'enabled') return true;
  if (text === 'disabled') return false;
  return undefined;
}

/** Sets `attributes[name]` only when the payload reported a value: absent stays unknown. */
export function put(attributes: Record<string, Value>, name: string, value: Value | undefined): void {
  if (value !== undefined) attributes[name] = value;
}

/** The provider's `location.Normalize`: `West Europe` and `westeurope` are one region. */
export function normaliseLocation(location: string | undefined): string | undefined {
  return location?.toLowerCase().replaceAll(' ', '');
}

/** The tags map; non-string values (never seen from ARM) are dropped. */
export function tagsOf(resource: ArmResource): Record<string, string> | undefined {
  const tags = asRecord(resource.tags);
  if (!tags) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** name, location, resource_group_name and tags: what every resource-group-scoped azurerm type has. */
export function envelopeAttributes(resource: ArmResource): Record<string, Value> {
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', resource.name ?? lastSegmentOf(resource.id));
  put(attributes, 'location', normaliseLocation(resource.location));
  put(attributes, 'resource_group_name', resourceGroupOf(resource.id));
  put(attributes, 'tags', tagsOf(resource));
  return attributes;
}

/** `properties`, or an empty record when the payload has none (a Resources - List row). */
export function propertiesOf(resource: ArmResource): Record<string, unknown> {
  return asRecord(resource.properties) ?? {};
}
