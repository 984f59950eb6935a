import type { Value } from '../../value.js';

/** A non-empty string attribute, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `<left><separator><right>` of two non-empty string attributes: the import id of an attachment or association. */
export function joined(
  left: Value | undefined,
  right: Value | undefined,
  separator = '/',
): string | undefined {
  const a = text(left);
  const b = text(right);
  return a && b ? `${a}${separator}${b}` : undefined;
}
