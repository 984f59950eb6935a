/**
 * Attribute values are plain JSON, plus two markers that are themselves JSON objects so that they survive
 * serialisation into snapshots and into the policy engine:
 * - `{"__unknown": true}`: the value is not known (not until apply, or the source does not report it).
 *   An unknown value is never drift and never a violation.
 * - `{"__sensitive": "<digest>"}`: a secret. The digest is keyed with a per-process random key, so two equal
 *   secrets compare equal inside one scan while the digest reveals nothing outside it.
 */
import type { SecretShape } from './secret-shape.js';

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export type UnknownReason = 'computed' | 'not-reported' | 'expression' | 'error';

// Type aliases rather than interfaces: they must stay assignable to Value's index signature.
export type UnknownValue = { __unknown: true; reason?: UnknownReason };

/** `shape`: what the masker recognised the secret as, for the secrets rules; never the value or a part of it. */
export type SensitiveValue = { __sensitive: string; shape?: SecretShape };

export const SENSITIVE_PLACEHOLDER = '(sensitive)';

export function unknown(reason?: UnknownReason): UnknownValue {
  return reason ? { __unknown: true, reason } : { __unknown: true };
}

export function isPlainObject(value: unknown): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isUnknown(value: unknown): value is UnknownValue {
  return isPlainObject(value) && value.__unknown === true;
}

export function isSensitive(value: unknown): value is SensitiveValue {
  return isPlainObject(value) && typeof value.__sensitive === 'string';
}

/** True when the value is unknown or holds an unknown anywhere inside it. */
export function containsUnknown(value: Value | undefined): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) if (containsUnknown(value[key])) return true;
  }
  return false;
}

/**
 * Sets an own property, also for keys such as `__proto__`, which plain assignment would treat as the prototype:
 * attribute keys come from untrusted JSON.
 */
/**
 * A copy of the object without `key`. `delete` would leave the object in V8's slow dictionary mode, and every later
 * reader (the other passes, the diff, the policy input's JSON, the report) pays for that, and a pass that drops an
 * attribute (`tags_all`) does it to every resource of a scan.
 */
export function withoutKey<T extends { [key: string]: Value }>(object: T, key: string): T {
  const { [key]: _dropped, ...rest } = object;
  return rest as T;
}

export function setOwnValue(object: { [key: string]: Value }, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Replaces sensitive markers by the placeholder text, for anything that leaves the process. */
export function displayValue(value: Value | undefined): Value {
  if (value === undefined) return null;
  if (isSensitive(value)) return SENSITIVE_PLACEHOLDER;
  if (Array.isArray(value)) return value.map(displayValue);
  if (isPlainObject(value)) {
    const out: { [key: string]: Value } = {};
    for (const key of Object.keys(value)) setOwnValue(out, key, displayValue(value[key]));
    return out;
  }
  return value;
}

/** The keys driftwarden's own markers use; a source's data never carries them as they are. */
const MARKER_KEYS = new Set(['__unknown', '__sensitive']);

/**
 * A value read from an untrusted file with its marker keys renamed (`__unknown` -> `_raw__unknown`): a state that
 * writes `{"__unknown": true}` must not make its value unknown, and so hide drift, nor pose as a masked secret.
 */
export function escapeMarkers(value: Value): Value {
  if (Array.isArray(value)) return value.map(escapeMarkers);
  if (!isPlainObject(value)) return value;
  const out: Record<string, Value> = {};
  for (const key of Object.keys(value))
    setOwnValue(out, MARKER_KEYS.has(key) ? `_raw${key}` : key, escapeMarkers(value[key] ?? null));
  return out;
}

/**
 * escapeMarkers for a value nothing else holds (fresh from JSON.parse): the same result, but a list or object that
 * holds no marker key at any depth is the one given, not a copy. A state's attributes rarely hold one, and copying
 * all of them was a copy of the whole state for the garbage collector.
 */
export function escapeMarkersOfParsed(value: Value): Value {
  if (Array.isArray(value)) {
    let copy: Value[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = value[index] ?? null;
      const escaped = escapeMarkersOfParsed(item);
      if (escaped !== item) {
        copy ??= value.slice();
        copy[index] = escaped;
      }
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let out: Record<string, Value> | undefined;
  for (const [index, key] of keys.entries()) {
    const item = value[key] ?? null;
    const escaped = escapeMarkersOfParsed(item);
    if (!out && (escaped !== item || MARKER_KEYS.has(key))) {
      // The first change: the object is rebuilt from here on, its keys in their order, as escapeMarkers does.
      out = {};
      for (const before of keys.slice(0, index)) setOwnValue(out, before, value[before] ?? null);
    }
    if (out) setOwnValue(out, MARKER_KEYS.has(key) ? `_raw${key}` : key, escaped);
  }
  return out ?? value;
}
