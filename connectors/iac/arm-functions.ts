import { containsUnknown, isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { LIMITS, LimitExceeded, setOwn, valueSize } from './limits.js';

/*
 * The ARM template functions of numbers, arrays and objects that copy counts are built from: every Bicep `for`
 * loop compiles to `copy.count = [length(...)]` over `coalesce(parameters('x'), createArray())`, `range(0, n)` or a
 * variable. Each takes evaluated arguments and gives the value ARM gives, or undefined where ARM would fail the
 * deployment or the value is not static. Semantics: learn.microsoft.com, "Array functions for ARM templates",
 * "Numeric functions for ARM templates", "Logical functions" (coalesce) and "Object functions" (union, empty).
 */

export type PureFunction = (args: Value[]) => Value | undefined;

/** ARM's own bound on `range`: "count ... up to 10000". */
export const ARM_RANGE_COUNT = 10_000;
/** ARM's template integers are 32-bit: `range`'s start plus count may not pass it. */
const INT_MAX = 2_147_483_647;

/** Unknown when any argument is unknown, or the count of arguments is outside `arity`; otherwise `fn`. */
export function strict(arity: [number, number], fn: PureFunction): PureFunction {
  return (args) => {
    if (args.length < arity[0] || args.length > arity[1] || args.some(isUnknown)) return undefined;
    return fn(args);
  };
}

/** JSON with sorted keys: ARM compares objects regardless of key order. */
export function canonicalJson(value: Value): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (!isPlainObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
}

const isInteger = (value: Value | undefined): value is number => Number.isSafeInteger(value);

/** A safe integer result, or undefined (ARM's integers would have overflowed). */
const integer = (value: number) => (Number.isSafeInteger(value) ? value : undefined);

function length([value]: Value[]): Value | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return isPlainObject(value) ? Object.keys(value).length : undefined;
}

function arithmetic(fn: (a: number, b: number) => number | undefined): PureFunction {
  return strict([2, 2], ([a, b]) => (isInteger(a) && isInteger(b) ? fn(a, b) : undefined));
}

/** `min(1, 2)` or `min(createArray(1, 2))`; an empty array has no minimum. */
function extreme(pick: (...values: number[]) => number): PureFunction {
  return strict([1, Infinity], (args) => {
    const [first] = args;
    const values = args.length === 1 && Array.isArray(first) ? first : args;
    if (values.length === 0 || !values.every(isInteger)) return undefined;
    return pick(...values);
  });
}

function range([start, count]: Value[]): Value | undefined {
  if (!isInteger(start) || !isInteger(count) || count < 0 || count > ARM_RANGE_COUNT) return undefined;
  if (start + count > INT_MAX) return undefined;
  return Array.from({ length: count }, (_, index) => start + index);
}

/** The first argument that is not null; unknown as soon as an argument before it is unknown. */
function coalesce(args: Value[]): Value | undefined {
  for (const arg of args) {
    if (isUnknown(arg)) return undefined;
    if (arg !== null) return arg;
  }
  return args.length > 0 ? null : undefined;
}

function empty([value]: Value[]): Value | undefined {
  const size = length([value ?? null]);
  return size === undefined ? undefined : size === 0;
}

/** Throws LimitExceeded when the arguments of a function that joins them are larger than the value size limit. */
export function checkJoined(args: Value[], what: string): void {
  const size = args.reduce<number>((sum, arg) => sum + valueSize(arg), 0);
  if (size > LIMITS.valueSize)
    throw new LimitExceeded(`${what} expands past ${LIMITS.valueSize.toLocaleString('en')} bytes as JSON`);
}

/** Arrays: every element once, in order. Objects: merged, later ones winning, nested objects merged too. */
function union(args: Value[]): Value | undefined {
  checkJoined(args, 'union()');
  if (args.every(Array.isArray)) {
    const items = args.flat();
    if (items.some(containsUnknown)) return undefined;
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = canonicalJson(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (!args.every((arg) => isPlainObject(arg))) return undefined;
  return args.reduce<Value>((merged, arg) => mergeObjects(merged, arg), {});
}

function mergeObjects(under: Value, over: Value): Value {
  if (!isPlainObject(under) || !isPlainObject(over) || isUnknown(over)) return over;
  if (isUnknown(under)) return unknown('expression');
  const out: { [key: string]: Value } = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const existing = out[key];
    setOwn(
      out,
      key,
      Object.hasOwn(out, key) && existing !== undefined ? mergeObjects(existing, value) : value,
    );
  }
  return out;
}

export const COLLECTION_FUNCTIONS: ReadonlyMap<string, PureFunction> = new Map<string, PureFunction>([
  ['length', strict([1, 1], length)],
  ['add', arithmetic((a, b) => integer(a + b))],
  ['sub', arithmetic((a, b) => integer(a - b))],
  ['mul', arithmetic((a, b) => integer(a * b))],
  // Integer division and remainder, as ARM's C# gives them: truncated towards zero; by zero, the deployment fails.
  ['div', arithmetic((a, b) => (b === 0 ? undefined : integer(Math.trunc(a / b))))],
  ['mod', arithmetic((a, b) => (b === 0 ? undefined : integer(a % b)))],
  ['min', extreme(Math.min)],
  ['max', extreme(Math.max)],
  ['range', strict([2, 2], range)],
  [
    'createarray',
    (args) => {
      checkJoined(args, 'createArray()');
      return args;
    },
  ],
  ['coalesce', coalesce],
  ['empty', strict([1, 1], empty)],
  ['union', strict([1, Infinity], union)],
]);
