import { isPlainObject, isUnknown, unknown, type Value } from '../../../value.js';
import * as arm from '../../read/arm.js';
import type { Attributes } from '../../resource-type.js';

/*
 * Nested blocks of the network types. ARM holds each part as a sub-resource, `{name, id, properties}`, that refers
 * to the others by id; Terraform holds it as a block of a list or set that also keeps what the provider reads back
 * of the sub-resource (its own id, and the ids of what refers to it).
 */

/** Reads one attribute of a block from a sub-resource's `properties` (or the sub-resource). */
export type Read = (properties: Value | undefined) => Value | undefined;

export function text(key: string): Read {
  return (p) => arm.str(arm.field(p, key));
}

export function count(key: string): Read {
  return (p) => arm.num(arm.field(p, key));
}

export function flag(key: string): Read {
  return (p) => arm.bool(arm.field(p, key));
}

export function texts(key: string): Read {
  return (p) => arm.strings(arm.field(p, key));
}

/** The id of a reference `{id}`. */
export function idOf(key: string): Read {
  return (p) => arm.str(arm.field(p, key, 'id'));
}

/** A reference `{id}` as the name of what it refers to. */
export function nameOf(key: string): Read {
  return (p) => referencedName(arm.field(p, key));
}

/** A list of references as the names of what they refer to. */
export function namesOf(key: string): Read {
  return (p) => arm.list(arm.field(p, key), isPlainObject, (reference) => referencedName(reference) ?? null);
}

/**
 * Each sub-resource of `property` as a block: its name, the given attributes of its properties, and those read from
 * the sub-resource itself (`beside`: a load balancer frontend's zones sit beside its properties).
 */
export function subResources(
  property: string,
  fields: Readonly<Record<string, Read>>,
  beside: Readonly<Record<string, Read>> = {},
): Read {
  return (p) =>
    arm.records(arm.field(p, property), (item) => {
      const block: Attributes = {};
      arm.put(block, 'name', arm.str(arm.field(item, 'name')));
      const own = arm.field(item, 'properties');
      for (const [name, read] of Object.entries(fields)) arm.put(block, name, read(own));
      for (const [name, read] of Object.entries(beside)) arm.put(block, name, read(item));
      return block;
    });
}

/** The object under `property` as a one-block list of the given attributes; an absent one reads as `absent`. */
export function single(property: string, fields: Readonly<Record<string, Read>>, absent?: Value): Read {
  return (p) => {
    const value = arm.field(p, property);
    if (value === undefined) return absent;
    if (isUnknown(value)) return value;
    if (!isPlainObject(value)) return unknown('expression');
    const block: Attributes = {};
    for (const [name, read] of Object.entries(fields)) arm.put(block, name, read(value));
    return [block];
  };
}

/**
 * The name a sub-resource reference points at: the last segment of `{id}` (`.../frontendPorts/port-443` ->
 * `port-443`), as the provider's `...IDInsensitively` parsers read it.
 */
export function referencedName(reference: Value | undefined): Value | undefined {
  const id = arm.str(arm.field(reference, 'id'));
  if (typeof id !== 'string') return id;
  return id
    .split('/')
    .filter((segment) => segment !== '')
    .at(-1);
}

/**
 * Keeps in each `name` block only the attributes the module compares (for a module's `canonicalise`). Terraform
 * also stores each sub-resource's computed id and back-references, and attributes no ARM mapping reports: left in a
 * set of blocks, they would sort the declared side's elements differently from the live side's.
 */
export function keepFields(attributes: Attributes, name: string, fields: readonly string[]): void {
  const kept = new Set(fields);
  for (const block of blocksOf(attributes[name]))
    for (const key of Object.keys(block)) if (!kept.has(key)) delete block[key];
}

/** The blocks of a block list that are known objects. */
export function blocksOf(value: Value | undefined): Attributes[] {
  return Array.isArray(value)
    ? value.filter((block): block is Attributes => isPlainObject(block) && !isUnknown(block))
    : [];
}
