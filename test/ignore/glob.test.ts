import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches, isLiteralGlob } from '../../src/util/glob.js';

/** The regex the matcher replaced, as the reference for its meaning: `*` is any run of characters. */
function reference(pattern: string, subject: string, caseInsensitive = false): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, caseInsensitive ? 'si' : 's').test(subject);
}

describe('glob: `*` is the only wildcard', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything.at/all', true],
    ['aws_s3_bucket.*', 'aws_s3_bucket.a.b/c', true],
    ['aws_s3_bucket.*', 'aws_s3_bucket', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['ab*ba', 'aba', false],
    ['*.id', 'x.id', true],
    ['*.id', 'xid', false],
    ['a**b', 'ab', true],
    ['a*b*c', 'acb', false],
    ['a*b*c', 'abbbc', true],
    ['x*y*z*', 'xyz', true],
    ['arn:aws:iam::*:policy/break-glass-*', 'arn:aws:iam::123:policy/break-glass-admin', true],
    ['a.b', 'aXb', false],
    ['(a|b)+', '(a|b)+', true],
    ['[abc]', 'a', false],
  ])('%s against %s is %s', (pattern, subject, want) => {
    expect(globMatches(compileGlob(pattern), subject)).toBe(want);
    expect(reference(pattern, subject)).toBe(want);
  });

  it('agrees with the regex it replaced on every pattern and subject over a small alphabet', () => {
    const words = (alphabet: string[], max: number): string[] => {
      let level = [''];
      const all = [''];
      for (let n = 0; n < max; n++) {
        level = level.flatMap((word) => alphabet.map((c) => word + c));
        all.push(...level);
      }
      return all;
    };
    const patterns = words(['a', 'b', '*', '.'], 4);
    const subjects = words(['a', 'b', '.'], 4);
    let disagreements = 0;
    for (const pattern of patterns) {
      const glob = compileGlob(pattern);
      for (const subject of subjects)
        if (globMatches(glob, subject) !== reference(pattern, subject)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('matches case-insensitively when asked, and only then', () => {
    const glob = compileGlob('/subscriptions/*/resourceGroups/RG-Prod/*');
    const id = '/subscriptions/0/resourcegroups/rg-prod/providers/x';
    expect(globMatches(glob, id)).toBe(false);
    expect(globMatches(glob, id, { caseInsensitive: true })).toBe(true);
  });

  it('a pattern that makes a backtracking regex take exponential time is answered at once', () => {
    const glob = compileGlob(`${'a*'.repeat(13)}b`);
    const subject = 'a'.repeat(10_000);
    expect(globMatches(glob, subject)).toBe(false);
    expect(globMatches(glob, `${subject}b`)).toBe(true);
    // Each middle part is looked for once, left to right: a subject with no match anywhere is one pass.
    expect(globMatches(compileGlob(`*${'a*'.repeat(500)}c*`), 'a'.repeat(100_000))).toBe(false);
  });

  it('tells literal globs apart, so that they can be looked up', () => {
    expect(isLiteralGlob(compileGlob('aws_s3_bucket.b'))).toBe(true);
    expect(isLiteralGlob(compileGlob('aws_s3_bucket.*'))).toBe(false);
  });
});
