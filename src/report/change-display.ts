import type { AttributeChange } from '../model/report.js';
import type { Value } from '../model/value.js';

/**
 * Attribute changes and values as the renderers show them, whatever the keys and values are called. Every value
 * in a report should be JSON; one that is not (a function, read through an object's prototype by a key named
 * `toString` or `constructor` that one side does not have) is shown as what it means, absent, and never crashes
 * a renderer or drops a field from the JSON report.
 */

/** A JSON.stringify replacer that keeps the report JSON: functions and symbols as null, bigints as strings. */
export function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** True when the value is absent on its side: null, or not a JSON value at all. */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A value as JSON text; `(absent)` when it is absent. */
export function valueText(value: Value | undefined): string {
  if (isAbsent(value)) return '(absent)';
  try {
    return JSON.stringify(value, jsonSafe) ?? '(absent)';
  } catch {
    return '(unreadable)';
  }
}

/**
 * The changes of one drift entry as people read them: a list element that was replaced, which the diff may list
 * as a removal and an addition at the same path, shows as one change from the old value to the new one.
 */
export function displayChanges(changes: readonly AttributeChange[]): AttributeChange[] {
  const byPath = new Map<string, AttributeChange[]>();
  for (const change of changes) {
    const same = byPath.get(change.path);
    if (same) same.push(change);
    else byPath.set(change.path, [change]);
  }
  const out: AttributeChange[] = [];
  for (const [path, same] of byPath) {
    const [first, second] = same;
    if (same.length === 2 && first && second) {
      const removal = isAbsent(first.live) ? first : isAbsent(second.live) ? second : undefined;
      const addition = removal === first ? second : first;
      if (removal && isAbsent(addition.declared) && !isAbsent(removal.declared)) {
        out.push({ path, declared: removal.declared, live: addition.live });
        continue;
      }
    }
    out.push(...same);
  }
  return out;
}
