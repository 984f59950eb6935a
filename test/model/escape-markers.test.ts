import { describe, expect, it } from 'vitest';
import { escapeMarkers, escapeMarkersOfParsed, type Value } from '../../src/model/value.js';

/** A deterministic pseudo-random stream (mulberry32), so that a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'b', '1', '__unknown', '__sensitive', '__proto__', 'constructor', '_raw__unknown'];

/** A random JSON text: objects, lists and scalars, some objects with marker keys, `__proto__` as an own key. */
function jsonText(next: () => number, depth: number): string {
  const pick = next();
  if (depth > 3 || pick < 0.3) return JSON.stringify([true, 1, 'x', null][Math.floor(next() * 4)]);
  const size = Math.floor(next() * 4);
  if (pick < 0.6) return `[${Array.from({ length: size }, () => jsonText(next, depth + 1)).join(',')}]`;
  const keys = [...new Set(Array.from({ length: size }, () => KEYS[Math.floor(next() * KEYS.length)]))];
  return `{${keys.map((key) => `${JSON.stringify(key)}:${jsonText(next, depth + 1)}`).join(',')}}`;
}

/** Every key, in order, at every depth: JSON.stringify would drop an own `__proto__`'s place in the order. */
function shape(value: Value): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.keys(value).map((key) => [key, shape(value[key] ?? null)]);
}

function hasMarker(value: Value): boolean {
  if (Array.isArray(value)) return value.some(hasMarker);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (key) => key === '__unknown' || key === '__sensitive' || hasMarker(value[key] ?? null),
  );
}

describe('escapeMarkersOfParsed', () => {
  it('gives what escapeMarkers gives, keys in their order, on 20,000 random documents', () => {
    const next = random(15);
    let withMarkers = 0;
    for (let index = 0; index < 20_000; index++) {
      const text = jsonText(next, 0);
      const expected = escapeMarkers(JSON.parse(text) as Value);
      const parsed = JSON.parse(text) as Value;
      const escaped = escapeMarkersOfParsed(parsed);
      expect(shape(escaped), text).toEqual(shape(expected));
      expect(hasMarker(escaped), text).toBe(false);
      if (hasMarker(parsed)) withMarkers++;
      else expect(escaped, text).toBe(parsed);
    }
    expect(withMarkers).toBeGreaterThan(2_000);
  });

  it('keeps an own __proto__ key an own attribute', () => {
    const escaped = escapeMarkersOfParsed(JSON.parse('{"__proto__":{"__unknown":true},"b":1}') as Value);
    expect(Object.getPrototypeOf(escaped)).toBe(Object.prototype);
    expect(Object.keys(escaped ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(escaped, '__proto__')?.value).toEqual({ _raw__unknown: true });
  });
});
