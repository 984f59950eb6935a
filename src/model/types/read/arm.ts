import { isPlainObject, isUnknown, setOwnValue, unknown, type Value } from '../../value.js';
import type { Attributes } from '../resource-type.js';
import type { ArmShape } from '../sources.js';

/*
 * Readers of ARM's shape, shared by every reader of it: a template resource (anything not static is an unknown
 * marker), a GET payload and a Resource Graph row. `null` reads as absent; a value of the wrong type reads as
 * unknown, never as a default. Property names compare case-insensitively, as ARM compares them.
 */

/** `properties.a.b`; unknown along the way is unknown. */
export function field(value: Value | undefined, ...path: string[]): Value | undefined {
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

export const str = (value: Value | undefined) => typed(value, 'string');
export const bool = (value: Value | undefined) => typed(value, 'boolean');
export const num = (value: Value | undefined) => typed(value, 'number');

/** The entries of a list that `keep` accepts, mapped; an unknown list stays unknown. */
export function list(value: Value | undefined, keep: (item: Value) => boolean, map = (item: Value) => item) {
  if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
  return Array.isArray(value) ? value.filter(keep).map(map) : unknown('expression');
}

export const strings = (value: Value | undefined) =>
  list(value, (item) => typeof item === 'string' || isUnknown(item));
export const records = (value: Value | undefined, map: (item: Value) => Value) =>
  list(value, isPlainObject, map);

/** `field` of every record in a list: `ipRules[*].value`. */
export const fieldOfEach = (value: Value | undefined, key: string) =>
  list(
    value,
    (item) => isPlainObject(item) && (typeof field(item, key) === 'string' || isUnknown(field(item, key))),
    (item) => field(item, key) ?? null,
  );

export function put(attributes: Attributes, name: string, value: Value | undefined): void {
  if (value !== undefined) attributes[name] = value;
}

/**
 * `Enabled`/`Disabled` (any case) as a flag. Another value (`SecuredByPerimeter`) is one the Terraform attribute
 * cannot hold: left out, not compared.
 */
export function enabledFlag(value: Value | undefined): Value | undefined {
  const text = str(value);
  if (typeof text !== 'string') return text;
  const lower = text.toLowerCase();
  return lower === 'enabled' ? true : lower === 'disabled' ? false : undefined;
}

/** `West Europe` -> `westeurope`, as the provider normalises locations. */
export function location(value: Value | undefined): Value | undefined {
  const text = str(value);
  return typeof text === 'string' ? text.toLowerCase().replaceAll(' ', '') : text;
}

/** The tags map; values neither strings nor unknown are dropped. */
export function tagsOf(tags: Value | undefined): Value | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (!isPlainObject(tags) || isUnknown(tags)) return unknown('expression');
  const out: Attributes = {};
  for (const [key, value] of Object.entries(tags))
    if (typeof value === 'string' || isUnknown(value)) setOwnValue(out, key, value);
  return out;
}

/** The value after `name` in an ARM id: `resourcegroups` -> the resource group. */
export function idSegmentAfter(id: string | undefined, name: string): string | undefined {
  if (id === undefined) return undefined;
  const segments = id.split('/').filter((segment) => segment !== '');
  const index = segments.findIndex((segment) => segment.toLowerCase() === name);
  return index >= 0 ? segments[index + 1] : undefined;
}

/** The resource's own name: its `name`, else the last segment of its id. */
export function nameOf(resource: ArmShape): Value | undefined {
  return str(resource.name) ?? resource.id?.split('/').filter(Boolean).at(-1);
}

/**
 * name, location, resource_group_name and tags: what every resource-group-scoped azurerm type has. A template does
 * not know its resource group (the deployment chooses it), so it leaves that out.
 */
export function envelope(resource: ArmShape): Attributes {
  const attributes: Attributes = {};
  put(attributes, 'name', nameOf(resource));
  put(attributes, 'location', location(resource.location));
  put(attributes, 'resource_group_name', idSegmentAfter(resource.id, 'resourcegroups'));
  put(attributes, 'tags', tagsOf(resource.tags));
  return attributes;
}
