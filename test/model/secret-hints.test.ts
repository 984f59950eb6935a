import { describe, expect, it } from 'vitest';
import { containsSecret, mayHoldSecret, SECRET_HINTS } from '../../src/model/secret-patterns.js';

/**
 * secretSpans answers "no secret" for a text that holds none of its patterns' hints after one regular expression,
 * rather than after each hint in turn: that expression must hold wherever any hint does, or a secret would pass.
 */
const FRAGMENTS = [
  'AKIA',
  'ASIA',
  'AKI',
  'SIA',
  'gh',
  'g',
  'h',
  'github_pat_',
  'github_pa',
  '_',
  'xox',
  'xo',
  'eyJ',
  'ey',
  'J',
  'bearer',
  'BEARER',
  'BeArEr',
  'beare',
  'ſ',
  'K',
  'ı',
  '://',
  ':/',
  ':',
  '/',
  '@',
  '=',
  '"',
  ': ',
  ':\t',
  '\t',
  ' ',
  '</',
  '<',
  'PRIVATE KEY-----',
  'PRIVATE KEY----',
  '-----',
  'a',
  'Z',
  '9',
  'é',
  '\n',
  'arn:aws:iam::1:role/r',
];

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

describe('the one test before the secret patterns', () => {
  it('holds wherever any pattern hint holds, on 100,000 texts built from the hints and their near misses', () => {
    const next = random(15);
    let hinted = 0;
    let plain = 0;
    const missed: string[] = [];
    for (let index = 0; index < 100_000; index++) {
      const parts = Array.from(
        { length: 1 + Math.floor(next() * 5) },
        () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)],
      );
      const text = parts.join('');
      const anyHint = SECRET_HINTS.some((hint) => hint(text));
      if (anyHint) hinted++;
      else plain++;
      if (anyHint && !mayHoldSecret(text)) missed.push(text);
    }
    expect(missed).toEqual([]);
    expect(hinted).toBeGreaterThan(10_000);
    expect(plain).toBeGreaterThan(10_000);
  });

  it('still finds each kind of secret', () => {
    for (const text of [
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_0123456789abcdefghijABCDEFGHIJ',
      'xoxb-0123456789-abcdefghij',
      'Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
      'https://user:hunter22@example.com',
      'DB_PASSWORD=hunter22',
      '{"password": "hunter22"}',
      'password: hunter22',
      '<Password>hunter22</Password>',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----',
    ])
      expect(containsSecret(text), text).toBe(true);
  });
});
