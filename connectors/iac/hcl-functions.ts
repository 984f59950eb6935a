import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { checkSize, setOwn } from './limits.js';

const UNKNOWN = unknown('expression');

/** The functions infrastructure code uses to build documents; any other function is unknown. */
function merge(args: Value[]): Value {
  const out: Record<string, Value> = {};
  for (const arg of args.filter(isPlainObject))
    for (const [key, item] of Object.entries(arg)) setOwn(out, key, item);
  return checkSize(out, 'merge()');
}

export function callFunction(name: string, args: Value[]): Value {
  if (args.some(hasUnknown) && name !== 'jsonencode') return UNKNOWN;
  switch (name) {
    case 'jsonencode':
      return hasUnknown(args[0]) ? UNKNOWN : JSON.stringify(checkSize(args[0] ?? null, 'jsonencode()'));
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
