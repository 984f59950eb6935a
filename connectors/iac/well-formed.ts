import type { Value } from '../../src/model/value.js';
import { setOwn } from './limits.js';

const LONE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const HAS_LONE = new RegExp(LONE);
const EVERY_LONE = new RegExp(LONE, 'g');

/**
 * A string with each lone UTF-16 surrogate (`"\ud800"` in JSON or YAML) replaced by U+FFFD. Such a string has no
 * UTF-8 form: the policy engine's JSON reader rejects it, and with it every resource evaluated alongside.
 */
export function wellFormed(text: string): string {
  return HAS_LONE.test(text) ? text.replace(EVERY_LONE, '\uFFFD') : text;
}

/** The same for every string and key of a parsed document (nested no deeper than the nesting limit). */
export function wellFormedValue(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: { [key: string]: Value } = {};
  for (const [key, item] of Object.entries(value))
    setOwn(out, wellFormed(key), wellFormedValue(item) as Value);
  return out;
}
