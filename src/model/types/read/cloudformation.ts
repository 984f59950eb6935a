import { isPlainObject, isUnknown, setOwnValue, unknown, type Value } from '../../value.js';
import type { Attributes } from '../resource-type.js';

/**
 * Readers of CloudFormation's shape: resolved Properties, in which anything not static is an unknown marker. Type
 * modules build their CloudFormation mapping from these; an absent property is left out unless the mapping gives
 * CloudFormation's default for it.
 */
export type Convert = (value: Value | undefined) => Value | undefined;
/** `'CfnName'`, `['CfnName', convert]`, or a function of the whole Properties (undefined leaves it out). */
export type FieldSource = string | [string, Convert] | ((properties: Value) => Value | undefined);
export type FieldSpec = Record<string, FieldSource>;

/** A name CloudFormation generates when the template gives none: known only after the stack is created. */
export const generated = (name: Value | undefined): Value => name ?? unknown('computed');

/** A value that depends on a name CloudFormation may generate. */
export const unknownName = (): Value => unknown('computed');

export function field(container: Value | undefined, key: string): Value | undefined {
  if (isUnknown(container)) return container;
  return isPlainObject(container) ? container[key] : undefined;
}

export function fields(properties: Value, spec: FieldSpec): Attributes {
  const attributes: Attributes = {};
  for (const [name, source] of Object.entries(spec)) {
    let value: Value | undefined;
    if (typeof source === 'function') value = source(properties);
    else if (typeof source === 'string') value = field(properties, source);
    else value = source[1](field(properties, source[0]));
    if (value !== undefined) attributes[name] = value;
  }
  return attributes;
}

/** Properties typed Boolean accept "true"/"false" strings. */
export const bool: Convert = (value) =>
  typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value;

/** Properties typed Integer accept numeric strings ("50"); Terraform holds numbers. */
export const num: Convert = (value) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** Terraform holds strings where YAML may have read a number (`Port: 443` in a redirect). */
export const text: Convert = (value) =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;

/** AWS stores DB identifiers in lower case. */
export const lowerCase: Convert = (value) => (typeof value === 'string' ? value.toLowerCase() : value);

export const orNull = (value: Value | undefined): Value => value ?? null;

/** The property, or `fallback` when it is absent. */
export const or =
  (key: string, fallback: Value, convert: Convert = (v) => v) =>
  (properties: Value): Value =>
    convert(field(properties, key)) ?? fallback;

export function eachOf(list: Value | undefined, map: (item: Value) => Value): Value | undefined {
  if (list === undefined || isUnknown(list) || !Array.isArray(list)) return list;
  return list.map((item) => (isUnknown(item) ? item : map(item)));
}

/** Maps a nested block that may be absent (undefined) or unknown (kept as is). */
export const block =
  (map: (known: Value) => Value): Convert =>
  (value) =>
    value === undefined || isUnknown(value) ? value : map(value);

/** `[{Key, Value}]` -> `{key: value}`. An unknown key makes the whole map unknown. */
export const tags: Convert = (list) => {
  if (list === undefined || isUnknown(list) || !Array.isArray(list)) return list;
  const out: Attributes = {};
  for (const tag of list) {
    const key = field(tag, 'Key');
    if (typeof key !== 'string') return unknown('expression');
    setOwnValue(out, key, text(field(tag, 'Value')) ?? '');
  }
  return out;
};

/**
 * Encryption a resource inherits from what it is created from (a snapshot, a source instance, its cluster) when
 * the template does not say: unknown. Otherwise absent means the CloudFormation default, unencrypted.
 */
export const encryptedFlag =
  (key: string, inheritedFrom: string[]) =>
  (properties: Value): Value => {
    const flag = bool(field(properties, key));
    if (flag !== undefined) return flag;
    const inherited = inheritedFrom.some((name) => field(properties, name) !== undefined);
    return inherited ? unknown('computed') : false;
  };

/** The mapping of a spec: the attributes of resolved Properties. */
export function fromSpec(spec: FieldSpec): (properties: Value) => Attributes {
  return (properties) => fields(properties, spec);
}

/** A name CloudFormation generates when the template leaves it out: `name('BucketName')`. */
export const name =
  (key: string, convert: Convert = (v) => v) =>
  (p: Value) =>
    generated(convert(field(p, key)));

/** A policy document property; absent is no document. */
export const policyDocument = or('PolicyDocument', null);

/**
 * A template's mapping from the mapping of present properties: what CloudFormation sets for a property the template
 * leaves out, in canonical names, fills what the properties do not give. AWS Config items of types recorded
 * through the CloudFormation registry carry the same Properties shape, fully read: those use the mapping without
 * the defaults.
 */
export function withTemplateDefaults(
  map: (properties: Value) => Attributes,
  defaults: Readonly<Attributes>,
): (properties: Value) => Attributes {
  return (properties) => {
    const attributes = map(properties);
    for (const [name, value] of Object.entries(defaults))
      if (!Object.hasOwn(attributes, name)) attributes[name] = structuredClone(value);
    return attributes;
  };
}
