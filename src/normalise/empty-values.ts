import { isPlainObject, isSensitive, isUnknown, setOwnValue, type Value } from '../model/value.js';
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

/**
 * Returns the value with empty parts removed, or undefined when nothing is left. A list or an object that loses
 * nothing is kept, changed in place (as most are); one that loses an entry is a new one, without it. `delete` would
 * leave the object in V8's slow dictionary mode, and every later pass, the diff, the policy input and the report
 * read it: a 100k scan prunes 200,000 of them.
 */
export function pruneEmpty(value: Value): Value | undefined {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) return pruneList(value);
  if (isPlainObject(value)) {
    if (isUnknown(value) || isSensitive(value)) return value;
    return pruneObject(value);
  }
  return value;
}

function pruneList(list: Value[]): Value[] | undefined {
  let kept: Value[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index] ?? null;
    const pruned = pruneEmpty(item);
    if (pruned === undefined) kept ??= list.slice(0, index);
    else if (kept) kept.push(pruned);
    else if (pruned !== item) list[index] = pruned;
  }
  const out = kept ?? list;
  return out.length === 0 ? undefined : out;
}

function pruneObject(object: { [key: string]: Value }): { [key: string]: Value } | undefined {
  const keys = Object.keys(object);
  let kept: { [key: string]: Value } | undefined;
  let count = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const value = object[key] ?? null;
    const pruned = pruneEmpty(value);
    if (pruned === undefined) {
      if (!kept) {
        kept = {};
        for (const earlier of keys.slice(0, index)) setOwnValue(kept, earlier, object[earlier] ?? null);
      }
      continue;
    }
    count++;
    if (kept) setOwnValue(kept, key, pruned);
    else if (pruned !== value) setOwnValue(object, key, pruned);
  }
  return count === 0 ? undefined : (kept ?? object);
}
