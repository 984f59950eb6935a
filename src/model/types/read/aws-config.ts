import { unknown, type Value } from '../../value.js';

/*
 * Readers of AWS Config's shape: a decoded configuration item. Absent stays absent (unknown); only what the item
 * reports becomes an attribute.
 */

/** Sets `attributes[name]` only when the item reports the value: absent stays unknown. */
export function put(attributes: Record<string, Value>, name: string, value: unknown): void {
  if (value === undefined) return;
  attributes[name] = value as Value;
}

/** `[{key, value}]` or `[{Key, Value}]` tag lists, or a map, as a Terraform tags map. */
export function tagMap(tags: unknown): Record<string, string> | undefined {
  if (Array.isArray(tags)) {
    const out: Record<string, string> = {};
    for (const tag of tags) {
      if (typeof tag !== 'object' || tag === null) continue;
      const t = tag as Record<string, unknown>;
      const key = t.key ?? t.Key;
      const value = t.value ?? t.Value;
      if (typeof key === 'string') out[key] = typeof value === 'string' ? value : String(value ?? '');
    }
    return out;
  }
  if (typeof tags === 'object' && tags !== null) return tags as Record<string, string>;
  return undefined;
}

/** IAM policy documents in configuration items are URL-encoded JSON. */
export function decodePolicyDocument(encoded: unknown): Value | undefined {
  if (typeof encoded !== 'string' || encoded === '') return undefined;
  try {
    return JSON.parse(decodeURIComponent(encoded)) as Value;
  } catch {
    try {
      return JSON.parse(encoded) as Value;
    } catch {
      return undefined;
    }
  }
}

/** The record at `value`, if it is one. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * A field of a decoded item as a typed value: `null` or absent is `null` (the item reports it unset), a value of
 * the wrong type is unknown (the item reports something the mapping cannot read as this attribute).
 */
export function stringOrNull(value: unknown): Value {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : unknown('not-reported');
}

export function booleanOr(value: unknown, absent: boolean | null): Value {
  if (value === undefined || value === null) return absent;
  return typeof value === 'boolean' ? value : unknown('not-reported');
}
