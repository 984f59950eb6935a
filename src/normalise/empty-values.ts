import { isPlainObject, isSensitive, isUnknown, type Value } from '../model/value.js';
import type { NormalisePass } from './pass.js';

/**
 * Terraform providers treat an absent value, `null`, `""`, `[]` and `{}` alike for optional attributes, and clouds
 * report whichever they like. Inside objects, empty entries are dropped; a top-level empty value becomes `null`
 * (the attribute stays, so that "set to nothing" still compares against "set to something").
 * Types listed in EMPTY_IS_MEANINGFUL keep the named attributes as they are.
 */
const EMPTY_IS_MEANINGFUL: ReadonlyMap<string, ReadonlySet<string>> = new Map();

export const emptyValuesPass: NormalisePass = {
  name: 'empty-values',
  apply(resource) {
    const keep = EMPTY_IS_MEANINGFUL.get(resource.type);
    for (const key of Object.keys(resource.attributes)) {
      if (keep?.has(key)) continue;
      const value = pruneEmpty(resource.attributes[key] ?? null);
      resource.attributes[key] = value === undefined ? null : value;
    }
  },
};

/** Returns the value with empty parts removed, or undefined when nothing is left. */
export function pruneEmpty(value: Value): Value | undefined {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items: Value[] = [];
    for (const item of value) {
      const pruned = pruneEmpty(item);
      if (pruned !== undefined) items.push(pruned);
    }
    return items.length === 0 ? undefined : items;
  }
  if (isPlainObject(value)) {
    if (isUnknown(value) || isSensitive(value)) return value;
    let kept = 0;
    for (const key of Object.keys(value)) {
      const pruned = pruneEmpty(value[key] ?? null);
      if (pruned === undefined) delete value[key];
      else {
        value[key] = pruned;
        kept++;
      }
    }
    return kept === 0 ? undefined : value;
  }
  return value;
}
