import type { Value } from '../model/value.js';
import { isPlainObject } from '../model/value.js';

/** The longest resource name written: long enough to tell names apart, short enough to read in a plan. */
const MAX_NAME = 64;

/** Attributes that hold a resource's own name, in the order they are tried (after the type's id attribute). */
const NAME_ATTRIBUTES = ['name', 'bucket', 'function_name', 'domain_name', 'identifier', 'alarm_name'];

/**
 * The live name of a resource: its `name` (or the type's naming attribute), its `Name` tag, else the last segment
 * of its id (`/subscriptions/.../storageAccounts/logs` -> `logs`, `arn:...:function:api` -> `api`).
 */
export function liveName(
  id: string,
  idAttribute: string | undefined,
  attributes: Readonly<Record<string, Value>>,
) {
  for (const attribute of [...NAME_ATTRIBUTES, ...(idAttribute ? [idAttribute] : [])]) {
    const value = attributes[attribute];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  const tags = attributes.tags;
  if (isPlainObject(tags) && typeof tags.Name === 'string' && tags.Name.trim() !== '') return tags.Name;
  const segments = id.split(/[/:|]/).filter((segment) => segment !== '');
  return segments[segments.length - 1] ?? id;
}

/**
 * A Terraform resource name from a live name: lower case ASCII letters, digits and `_` (accents dropped, anything
 * else `_`), starting with a letter or `_` as HCL identifiers must (hashicorp/hcl hclsyntax/spec.md,
 * "Identifiers"), at most 64 characters; `resource` when nothing is left.
 */
export function resourceName(live: string): string {
  const ascii = live.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let name = ascii
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') name = 'resource';
  if (/^[0-9]/.test(name)) name = `r_${name}`;
  return name.slice(0, MAX_NAME).replace(/_+$/, '');
}

/**
 * Hands out names unique per resource type: the second `logs` is `logs_2`, then `logs_3`. Names already used (a
 * configuration's own) can be given, so that nothing written collides with them.
 */
export function uniqueNames(taken: Iterable<{ type: string; name: string }> = []) {
  const byType = new Map<string, Set<string>>();
  const namesOf = (type: string): Set<string> => {
    const names = byType.get(type) ?? new Set<string>();
    byType.set(type, names);
    return names;
  };
  for (const { type, name } of taken) namesOf(type).add(name);
  return (type: string, wanted: string): string => {
    const names = namesOf(type);
    let name = wanted;
    for (let n = 2; names.has(name); n++) name = `${wanted.slice(0, MAX_NAME - `_${n}`.length)}_${n}`;
    names.add(name);
    return name;
  };
}
