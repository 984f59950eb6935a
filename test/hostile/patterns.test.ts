import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { describeOutcome, type HostileResult, runHostile } from '../helpers/hostile.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * Hostile patterns: `.driftignore` files, config `ignore` rules and waiver globs a pull request can change. Matching
 * never backtracks (a pattern such as `a*a*a*…b` against a long id is answered at once), a huge file stays bounded,
 * and an unreadable one is one line naming it.
 */
const MEMORY_MIB = 400;
const TIMEOUT_MS = 20_000;

const LONG_ID = 'a'.repeat(10_000);
/** As a regex (`^a.*a.*…b$`), this takes exponential time against LONG_ID. */
const CATASTROPHIC = `${'a*'.repeat(13)}b`;
const MATCHING = `${'a*'.repeat(13)}a`;

const bucket = (id: string, acl: string) => ({
  id,
  bucket: id,
  acl,
  tags: { env: 'prod', constructor: acl },
});
const FILES = {
  'a.tfstate': state([
    one('aws_s3_bucket', 'long', bucket(LONG_ID, 'private')),
    one('aws_s3_bucket', 'b', bucket('b', 'private')),
  ]),
  'live.json': snapshot([
    { type: 'aws_s3_bucket', id: LONG_ID, attributes: bucket(LONG_ID, 'public-read') },
    { type: 'aws_s3_bucket', id: 'b', attributes: bucket('b', 'public-read') },
  ]),
};

interface JsonReport {
  summary: { changed: number; ignored: number; waived: number };
  drift: { id: string; changes: { path: string }[] }[];
  scan: { diagnostics: { level: string; code: string; message: string; source: string }[] };
}

type Run = HostileResult & { cwd: string };

/** Without the policies unless asked: the ignore rules are under test, and the policies only with waivers. */
async function scan(
  files: Record<string, string | Uint8Array>,
  args: string[],
  options: { policies?: boolean } = {},
): Promise<Run> {
  const cwd = tempDir({ ...FILES, ...files });
  const argv = [
    'scan',
    '--state',
    'a.tfstate',
    '--live',
    'snapshot:live.json',
    '--output',
    'json=report.json',
  ];
  if (!options.policies) argv.push('--no-builtin-policies');
  return { ...(await runHostile([...argv, ...args], { cwd, timeoutMs: TIMEOUT_MS, heapMiB: 512 })), cwd };
}

function expectBounded(result: HostileResult): void {
  expect(result.timedOut, describeOutcome(result)).toBe(false);
  expect(result.maxRssMiB, describeOutcome(result)).toBeGreaterThan(0);
  expect(result.maxRssMiB, describeOutcome(result)).toBeLessThan(MEMORY_MIB);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

function expectReport(result: Run): JsonReport {
  expectBounded(result);
  expect([0, 1], describeOutcome(result)).toContain(result.code);
  expect(result.stderr).toBe('');
  return JSON.parse(readFileSync(join(result.cwd, 'report.json'), 'utf8')) as JsonReport;
}

function expectOneError(result: HostileResult, line: string): void {
  expectBounded(result);
  expect(result.code, describeOutcome(result)).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([line]);
}

const changedIds = (report: JsonReport) =>
  report.drift.map((entry) => (entry.id === LONG_ID ? 'long' : entry.id));

describe('hostile .driftignore files', () => {
  it('a pattern that backtracks exponentially as a regex, against a 10,000-character id', async () => {
    const missed = expectReport(
      await scan({ '.driftignore': `aws_s3_bucket.${CATASTROPHIC}\n` }, ['--ignore-file', '.driftignore']),
    );
    expect(missed.summary.ignored).toBe(0);
    expect(changedIds(missed)).toEqual(['long', 'b']);
    const hit = expectReport(
      await scan({ '.driftignore': `aws_s3_bucket.${MATCHING}\naws_s3_bucket.${CATASTROPHIC}.acl\n` }, [
        '--ignore-file',
        '.driftignore',
      ]),
    );
    expect(hit.summary.ignored).toBe(1);
    expect(changedIds(hit)).toEqual(['b']);
  });

  it('the same patterns as config ignore rules', async () => {
    const report = expectReport(
      await scan(
        { 'c.yml': `ignore:\n  - aws_s3_bucket.${CATASTROPHIC}\n  - aws_s3_bucket.${MATCHING}.ACL\n` },
        ['--config', 'c.yml'],
      ),
    );
    expect(report.drift.map((entry) => entry.changes.map((change) => change.path))).toEqual([
      ['tags.constructor'],
      ['acl', 'tags.constructor'],
    ]);
  });

  it('rules named like prototype properties are rules like any other', async () => {
    const report = expectReport(
      await scan(
        { '.driftignore': 'constructor\n__proto__.*\naws_s3_bucket.b.tags.constructor\ntoString.*.x\n' },
        ['--ignore-file', '.driftignore'],
      ),
    );
    expect(report.drift.find((entry) => entry.id === 'b')?.changes.map((change) => change.path)).toEqual([
      'acl',
    ]);
  });

  it('100,000 rules naming one resource each are looked up', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `aws_s3_bucket.bucket-${i}`);
    const report = expectReport(
      await scan({ '.driftignore': `${lines.join('\n')}\naws_s3_bucket.b\n` }, [
        '--ignore-file',
        '.driftignore',
      ]),
    );
    expect(report.summary.ignored).toBe(1);
  });

  it('100,000 lines of comments and blank lines', async () => {
    const report = expectReport(
      await scan({ '.driftignore': '# a comment\n\n'.repeat(50_000) }, ['--ignore-file', '.driftignore']),
    );
    expect(report.summary.ignored).toBe(0);
  });

  it('100,000 wildcard rules: refused, naming the first past the limit', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `aws_s3_bucket.*${i}*`);
    expectOneError(
      await scan({ '.driftignore': lines.join('\n') }, ['--ignore-file', '.driftignore']),
      'driftwarden: error: .driftignore:1001: more than 1000 ignore rules with a wildcard or of one segment; driftwarden reads at most 1000 (rules naming one resource or attribute have no limit)',
    );
  });

  it('a line of 1 MB is skipped with a warning naming it; the other rules apply', async () => {
    const report = expectReport(
      await scan(
        { '.driftignore': `aws_s3_bucket.b\n${'*a'.repeat(500_000)}\naws_s3_bucket.${MATCHING}\n` },
        ['--ignore-file', '.driftignore'],
      ),
    );
    expect(report.summary.ignored).toBe(2);
    expect(report.scan.diagnostics.filter((d) => d.code === 'ignore.invalid-rule')).toEqual([
      {
        level: 'warning',
        code: 'ignore.invalid-rule',
        message: 'rule skipped: the line is 1000000 characters long, more than the 1024 allowed',
        source: '.driftignore:2',
      },
    ]);
  });

  it('25,000 overlong lines: twenty warnings and one that counts the rest', async () => {
    const report = expectReport(
      await scan({ '.driftignore': `${'x'.repeat(1100)}\n`.repeat(25_000) }, [
        '--ignore-file',
        '.driftignore',
      ]),
    );
    const warnings = report.scan.diagnostics.filter((d) => d.code === 'ignore.invalid-rule');
    expect(warnings).toHaveLength(21);
    expect(warnings[20]?.message).toBe(
      '24980 more ignore rules in .driftignore could not be read and were skipped',
    );
  });

  it('a file past 32 MiB, a binary file, one that is not UTF-8 and a named pipe: one line each', async () => {
    const cases: [string | Uint8Array, string][] = [
      [`${'# x\n'.repeat(9 * 1024 * 1024)}`, 'file is too large (36 MiB; at most 32 MiB)'],
      [new Uint8Array([0x61, 0x00, 0x62, 0x0a]), 'binary content, expected a UTF-8 text file'],
      [new Uint8Array([0x61, 0xff, 0xfe, 0x0a]), 'not valid UTF-8 text (binary content?)'],
    ];
    for (const [content, problem] of cases) {
      expectOneError(
        await scan({ rules: content }, ['--ignore-file', 'rules']),
        `driftwarden: error: rules: ${problem}`,
      );
    }
    const cwd = tempDir(FILES);
    execFileSync('mkfifo', [join(cwd, '.driftignore')]);
    expectOneError(
      await runHostile(['scan', '--state', 'a.tfstate', '--live', 'snapshot:live.json'], {
        cwd,
        timeoutMs: TIMEOUT_MS,
      }),
      'driftwarden: error: .driftignore: is a named pipe (FIFO), expected a regular file',
    );
  });

  it('an empty .driftignore is no rules', async () => {
    const report = expectReport(await scan({ '.driftignore': '' }, ['--ignore-file', '.driftignore']));
    expect(report.summary.ignored).toBe(0);
    expect(report.summary.changed).toBe(2);
  });
});

describe('hostile waiver globs', () => {
  // Policy findings carry at most 2,000 characters of key and message, so the key here is 1,000 characters long:
  // still far past where the regex `^aws_s3_bucket\.a.*a.*…b$` stops returning.
  const id = 'a'.repeat(1000);
  const files = {
    'a.tfstate': state([one('aws_s3_bucket', 'long', bucket(id, 'private'))]),
    'live.json': snapshot([{ type: 'aws_s3_bucket', id, attributes: bucket(id, 'private') }]),
  };
  const waivers = (rule: string, resource: string) =>
    `waivers:\n  - rule: "${rule}"\n    resource: "${resource}"\n    reason: r\n`;

  it('a resource glob that backtracks exponentially as a regex, against a long key', async () => {
    const missed = expectReport(
      await scan(
        { ...files, 'c.yml': waivers('DW-*', `aws_s3_bucket.${CATASTROPHIC}`) },
        ['--config', 'c.yml'],
        { policies: true },
      ),
    );
    expect(missed.summary.waived).toBe(0);
    const hit = expectReport(
      await scan(
        { ...files, 'c.yml': waivers('DW-*-S3-*', `aws_s3_bucket.${MATCHING}`) },
        ['--config', 'c.yml'],
        {
          policies: true,
        },
      ),
    );
    expect(hit.summary.waived).toBeGreaterThan(0);
  });
});
