import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { checkSize, setOwn } from './limits.js';

const UNKNOWN = unknown('expression');

function merge(args: Value[]): Value {
  const out: Record<string, Value> = {};
  for (const arg of args.filter(isPlainObject))
    for (const [key, item] of Object.entries(arg)) setOwn(out, key, item);
  return checkSize(out, 'merge()');
}

/**
 * The functions infrastructure code uses to build documents; any other function is unknown. Those that only
 * arrange their arguments (`jsonencode`, `merge`, `concat`, `tolist`, `tomap`) keep the known parts of a partly
 * unknown argument, so that a policy document with one unknown ARN still shows its other statements; one whose
 * result depends on every part (`lower`, `length`, `toset`, which may merge an unknown element with a known one)
 * is unknown as soon as any part is.
 */
export function callFunction(name: string, args: Value[]): Value {
  if (ARRANGING.has(name) ? args.some(isUnknown) : args.some(hasUnknown)) return UNKNOWN;
  switch (name) {
    case 'jsonencode':
      return jsonencode(args[0] ?? null);
    case 'merge':
      return merge(args);
    case 'concat':
      return checkSize(
        args.flatMap((a) => (Array.isArray(a) ? a : [])),
        'concat()',
      );
    case 'tolist':
    case 'toset':
      return Array.isArray(args[0]) ? args[0] : UNKNOWN;
    case 'tomap':
      return isPlainObject(args[0]) ? args[0] : UNKNOWN;
    case 'lower':
      return typeof args[0] === 'string' ? args[0].toLowerCase() : UNKNOWN;
    case 'upper':
      return typeof args[0] === 'string' ? args[0].toUpperCase() : UNKNOWN;
    case 'length':
      return Array.isArray(args[0])
        ? args[0].length
        : isPlainObject(args[0])
          ? Object.keys(args[0]).length
          : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Functions whose result holds their arguments' parts as they are: an unknown part stays an unknown leaf. */
const ARRANGING = new Set(['jsonencode', 'merge', 'concat', 'tolist', 'tomap']);

/**
 * The JSON text of a known value. A policy document (an object with `Statement`) with unknown parts is kept as the
 * document itself, its unknowns typed leaves: the policy-documents pass reads it as it reads the parsed text, and
 * the rules judge what is known. Any other value with an unknown part is unknown.
 */
export function jsonencode(value: Value): Value {
  if (!hasUnknown(value)) return JSON.stringify(checkSize(value, 'jsonencode()'));
  return isPolicyDocument(value) ? checkSize(value, 'jsonencode()') : UNKNOWN;
}

export function isPolicyDocument(value: Value): value is { [key: string]: Value } {
  return isPlainObject(value) && !isUnknown(value) && Object.hasOwn(value, 'Statement');
}

const unknowns = new WeakMap<object, boolean>();

/** Whether a value holds an unknown; remembered per part, as values share parts. */
export function hasUnknown(value: Value | undefined): boolean {
  if (value === null || typeof value !== 'object') return false;
  const known = unknowns.get(value);
  if (known !== undefined) return known;
  const result = Array.isArray(value)
    ? value.some(hasUnknown)
    : value.__unknown === true || Object.values(value).some(hasUnknown);
  unknowns.set(value, result);
  return result;
}
