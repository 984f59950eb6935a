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
 *   report, and the live side may report what Terraform does not manage. That holds at every depth, inside
 *   blocks too: Terraform keeps a nested block as a list of objects (`site_config[0].application_stack`), whose
 *   keys are the block's attributes, so a key only one side has there is not compared either. An object held
 *   directly by a key is a map (`tags`, `app_settings`, a policy's `Condition`), whose keys are data: a key only
 *   one side has is a change. So is everything inside a policy document (its statements too), which both sides
 *   hold whole. A value present on both sides, even `null` on one, is compared; so are list elements added or
 *   removed.
 * - An unknown value, at any depth, is never drift.
 * - Secrets compare by digest and render as "(sensitive)".
 */
export function attributeChanges(
  declared: Attributes,
  live: Attributes,
  ignored?: PathFilter,
): AttributeChange[] {
  // Most pairs are equal: the keys are sorted (for the order of the changes) only once one differs.
  const differing: string[] = [];
  for (const key of Object.keys(declared)) {
    if (!Object.hasOwn(live, key)) continue;
    const a = declared[key] ?? null;
    const b = live[key] ?? null;
    if (isUnknown(a) || isUnknown(b) || deepEqual(a, b)) continue;
    differing.push(key);
  }
  if (differing.length === 0) return [];
  const changes: ChangeWithSegments[] = [];
  for (const key of differing.sort()) {
    const a = declared[key] ?? null;
    const b = live[key] ?? null;
    // Two values that are not both lists or both objects differ as a whole: no need to ask json-diff how.
    if (Array.isArray(a) !== Array.isArray(b) || !isObjectLike(a) || !isObjectLike(b))
      push(changes, [key], a, b);
    else walk(jsonDiff(encode(a), encode(b)), [key], a, b, changes);
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

/**
 * Where the walk is: `block` for an object that is an element of a list (a nested block), `map` for an object
 * held by a key, `document` anywhere inside a policy document.
 */
type Context = 'block' | 'map' | 'document';

function walk(
  delta: unknown,
  path: PathSegment[],
  a: Value | undefined,
  b: Value | undefined,
  changes: ChangeWithSegments[],
  context: Context = 'map',
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
    walkArray(delta, path, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], changes, context);
    return;
  }
  if ('__old' in delta && '__new' in delta) {
    push(changes, path, a, b);
    return;
  }
  const here = context === 'document' || isPolicyDocument(a) || isPolicyDocument(b) ? 'document' : context;
  const entries = Object.keys(delta).map((deltaKey) => decodeDeltaKey(deltaKey));
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { deltaKey, key, kind } of entries) {
    // A block attribute only one side reports is not compared (see attributeChanges).
    if (kind !== 'changed' && here === 'block') continue;
    if (kind === 'deleted') push(changes, [...path, key], ownMember(a, key), null);
    else if (kind === 'added') push(changes, [...path, key], null, ownMember(b, key));
    else
      walk(
        delta[deltaKey],
        [...path, key],
        ownMember(a, key),
        ownMember(b, key),
        changes,
        here === 'document' ? 'document' : 'map',
      );
  }
}

/** Both sides hold a policy document whole (see normalise/policy-documents): every key of it counts. */
function isPolicyDocument(value: Value | undefined): boolean {
  return isPlainObject(value) && !isUnknown(value) && Object.hasOwn(value, 'Statement');
}

/**
 * json-diff reads keys with `in`, builds its result by assignment and treats string elements as keys of its own
 * tables, so a key or string such as `__proto__`, `constructor` or `toString` would be lost or read from
 * Object.prototype. It is given a copy in which every key and every string carries a prefix (`k:`, `s:`); the
 * structure, and so the diff, is the same, and the walk reads the values themselves from the originals.
 */
function encode(value: Value): unknown {
  if (typeof value === 'string') return `s:${value}`;
  if (Array.isArray(value)) return value.map(encode);
  if (isPlainObject(value)) {
    const out: { [key: string]: unknown } = {};
    for (const key of Object.keys(value)) out[`k:${key}`] = encode(value[key] ?? null);
    return out;
  }
  return value;
}

function decodeDeltaKey(deltaKey: string): {
  deltaKey: string;
  key: string;
  kind: 'deleted' | 'added' | 'changed';
} {
  const kind = deltaKey.endsWith('__deleted')
    ? 'deleted'
    : deltaKey.endsWith('__added')
      ? 'added'
      : 'changed';
  const suffix = kind === 'changed' ? 0 : `__${kind}`.length;
  return { deltaKey, key: deltaKey.slice(2, deltaKey.length - suffix), kind };
}

function ownMember(value: Value | undefined, key: string): Value | undefined {
  return isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

type ArrayDelta = [string, unknown?][];

function walkArray(
  delta: ArrayDelta,
  path: PathSegment[],
  a: Value[],
  b: Value[],
  changes: ChangeWithSegments[],
  context: Context,
): void {
  const element: Context = context === 'document' ? 'document' : 'block';
  let i = 0;
  let j = 0;
  for (let k = 0; k < delta.length; k++) {
    const [op, payload] = delta[k] ?? [' '];
    const next = delta[k + 1]?.[0];
    if (op === ' ') {
      i++;
      j++;
    } else if (op === '-' && next === '+' && i === j) {
      // An element replaced in place is one change of that element, not a removal and an addition; two blocks
      // that differ only in attributes one side lacks are the same element.
      if (element !== 'block' || differs(a[i], b[j])) push(changes, [...path, i], a[i], b[j]);
      i++;
      j++;
      k++;
    } else if (op === '-') {
      push(changes, [...path, i], a[i], null);
      i++;
    } else if (op === '+') {
      push(changes, [...path, j], null, b[j]);
      j++;
    } else if (op === '~') {
      walk(payload, [...path, i], a[i], b[j], changes, element);
      i++;
      j++;
    }
  }
}

/** Whether two list elements differ, comparing them as blocks. */
function differs(a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined || b === undefined || !isObjectLike(a) || !isObjectLike(b)) return true;
  if (Array.isArray(a) !== Array.isArray(b)) return true;
  const found: ChangeWithSegments[] = [];
  walk(jsonDiff(encode(a), encode(b)), [], a, b, found, Array.isArray(a) ? 'map' : 'block');
  return found.length > 0;
}

function isObjectLike(value: Value): boolean {
  return typeof value === 'object' && value !== null && !isSensitive(value);
}

function isDelta(delta: unknown): delta is Record<string, unknown> | ArrayDelta {
  return typeof delta === 'object' && delta !== null;
}
