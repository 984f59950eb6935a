import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { hasUnknown } from './hcl-functions.js';

const UNKNOWN = unknown('expression');

/**
 * HCL's binary operators, lowest precedence first (https://developer.hashicorp.com/terraform/language/expressions/operators):
 * `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=`, `+` `-`, `*` `/` `%`.
 */
export const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['+', '-'],
  ['*', '/', '%'],
];

/**
 * One binary operation on known values. An unknown operand makes the result unknown (Terraform does not
 * short-circuit on unknowns either); operands of the wrong type are an error in the code, read as unknown.
 */
export function binary(operator: string, left: Value, right: Value): Value {
  if (hasUnknown(left) || hasUnknown(right)) return UNKNOWN;
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '&&':
    case '||':
      if (typeof left !== 'boolean' || typeof right !== 'boolean') return UNKNOWN;
      return operator === '&&' ? left && right : left || right;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === undefined || b === undefined) return UNKNOWN;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? UNKNOWN : a / b;
    default:
      // `%` keeps the sign of the dividend, as Go's math.Mod does.
      return b === 0 ? UNKNOWN : a % b;
  }
}

export function not(value: Value): Value {
  return typeof value === 'boolean' ? !value : UNKNOWN;
}

export function negate(value: Value): Value {
  const number = hasUnknown(value) ? undefined : toNumber(value);
  return number === undefined ? UNKNOWN : -number;
}

/** Terraform converts a string holding a number where a number is expected. */
function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** Equality of values of the same type: `1 == "1"` is false in Terraform. */
function equal(a: Value, b: Value): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => equal(item, b[i] ?? null))
    );
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && equal(a[key] ?? null, b[key] ?? null))
  );
}
