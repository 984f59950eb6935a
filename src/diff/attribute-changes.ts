import { diff as jsonDiff } from 'json-diff';
import { formatPath, type PathSegment } from '../model/path.js';
import type { AttributeChange } from '../model/report.js';
import {
  containsUnknown,
  displayValue,
  isPlainObject,
  isSensitive,
  isUnknown,
  type Value,
} from '../model/value.js';
import { deepEqual } from '../util/canonical-json.js';

type Attributes = Record<string, Value>;
export type PathFilter = (path: readonly PathSegment[]) => boolean;

/**
 * The attribute-level differences between a declared and a live resource, after normalisation.
 * - An attribute only one side has is not drift: the declared side may hold computed values the cloud does not
 *   report, and the live side may report what Terraform does not manage.
 * - An unknown value, at any depth, is never drift.
 * - Secrets compare by digest and render as "(sensitive)".
 */
export function attributeChanges(
  declared: Attributes,
  live: Attributes,
  ignored?: PathFilter,
): AttributeChange[] {
  const changes: ChangeWithSegments[] = [];
  for (const key of Object.keys(declared).sort()) {
    if (!Object.hasOwn(live, key)) continue;
    const a = declared[key] ?? null;
    const b = live[key] ?? null;
    if (isUnknown(a) || isUnknown(b) || deepEqual(a, b)) continue;
    walk(jsonDiff(a, b), [key], a, b, changes);
  }
  return ignored
    ? changes.filter((change) => !ignored(change.pathSegments)).map(stripSegments)
    : changes.map(stripSegments);
}

interface ChangeWithSegments extends AttributeChange {
  pathSegments: PathSegment[];
}

function stripSegments(change: ChangeWithSegments): AttributeChange {
  return { path: change.path, declared: change.declared, live: change.live };
}

function push(
  changes: ChangeWithSegments[],
  path: PathSegment[],
  declared: Value | undefined,
  live: Value | undefined,
): void {
  if (containsUnknown(declared) || containsUnknown(live)) return;
  const change: ChangeWithSegments = {
    path: formatPath(path),
    pathSegments: [...path],
    declared: displayValue(declared),
    live: displayValue(live),
  };
  changes.push(change);
}

function walk(
  delta: unknown,
  path: PathSegment[],
  a: Value | undefined,
  b: Value | undefined,
  changes: ChangeWithSegments[],
): void {
  if (delta === undefined) return;
  if (isUnknown(a) || isUnknown(b)) return;
  if (isSensitive(a) || isSensitive(b) || !isDelta(delta)) {
    push(changes, path, a, b);
    return;
  }
  if (Array.isArray(delta)) {
    // An unknown element makes element-by-element pairing meaningless: the list is not comparable.
    if ((Array.isArray(a) && a.some(isUnknown)) || (Array.isArray(b) && b.some(isUnknown))) return;
    walkArray(delta, path, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], changes);
    return;
  }
  if ('__old' in delta && '__new' in delta) {
    push(changes, path, a, b);
    return;
  }
  const left = isPlainObject(a) ? a : {};
  const right = isPlainObject(b) ? b : {};
  for (const deltaKey of Object.keys(delta).sort()) {
    if (deltaKey.endsWith('__deleted')) {
      const key = deltaKey.slice(0, -'__deleted'.length);
      push(changes, [...path, key], left[key], null);
    } else if (deltaKey.endsWith('__added')) {
      const key = deltaKey.slice(0, -'__added'.length);
      push(changes, [...path, key], null, right[key]);
    } else {
      walk(delta[deltaKey], [...path, deltaKey], left[deltaKey], right[deltaKey], changes);
    }
  }
}

type ArrayDelta = [string, unknown?][];

function walkArray(
  delta: ArrayDelta,
  path: PathSegment[],
  a: Value[],
  b: Value[],
  changes: ChangeWithSegments[],
): void {
  let i = 0;
  let j = 0;
  for (const [op, payload] of delta) {
    if (op === ' ') {
      i++;
      j++;
    } else if (op === '-') {
      push(changes, [...path, i], a[i], null);
      i++;
    } else if (op === '+') {
      push(changes, [...path, j], null, b[j]);
      j++;
    } else if (op === '~') {
      walk(payload, [...path, i], a[i], b[j], changes);
      i++;
      j++;
    }
  }
}

function isDelta(delta: unknown): delta is Record<string, unknown> | ArrayDelta {
  return typeof delta === 'object' && delta !== null;
}
