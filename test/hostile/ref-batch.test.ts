import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { describeOutcome, runHostile } from '../helpers/hostile.js';

/**
 * `--ref` reads the blobs of a commit in one `git cat-file --batch` (issue 11: one `git show` per file took 112 s
 * for 15,000 files). Counted, not timed: a `git` earlier on PATH logs every call and runs the real one, and the
 * number of calls must not grow with the number of files.
 */
const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

async function repositoryOf(files: number): Promise<{ dir: string; ref: string }> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < files; i++)
    tree[`modules/m${i % 10}/q${i}.tf`] = `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`;
  const dir = tempDir(tree);
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('files');
  // The working tree differs from the commit: what --ref reads can only have come from git.
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `modules/m${i % 10}/q${i}.tf`), '');
  return { dir, ref: (await git.revparse(['HEAD'])).trim() };
}

async function gitCallsFor(files: number): Promise<string[]> {
  const { dir, ref } = await repositoryOf(files);
  const bin = tempDir({});
  const log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${REAL_GIT}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  const result = await runHostile(
    ['scan', '--repo', dir, '--ref', ref, '--format', 'json', '--fail-on', 'none'],
    { cwd: dir, env: { PATH: `${bin}:${process.env.PATH ?? ''}` }, timeoutMs: 60_000 },
  );
  expect(result.code, describeOutcome(result)).toBe(0);
  const report = JSON.parse(result.stdout);
  // Every file was read, from the commit (the working tree's copies are empty).
  expect(
    report.scan.sources.map((s: { resources: number; status: string }) => [s.status, s.resources]),
  ).toEqual([['ok', files]]);
  return readFileSync(log, 'utf8').trimEnd().split('\n');
}

describe('--ref reads a commit in a bounded number of git calls', () => {
  it('the same calls for 30 files as for 600, and a single cat-file --batch for the blobs', async () => {
    const few = await gitCallsFor(30);
    const many = await gitCallsFor(600);
    expect(many.length).toBe(few.length);
    expect(many.length).toBeLessThanOrEqual(5);
    expect(many.filter((call) => call.startsWith('cat-file'))).toEqual(['cat-file --batch --buffer']);
    expect(many.filter((call) => call.startsWith('show'))).toEqual([]);
  }, 120_000);
});
