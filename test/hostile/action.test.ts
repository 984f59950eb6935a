import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import {
  eventFile,
  gitRepository,
  pullRequestEnv,
  pullRequestGitHub,
  type Repo,
  type RunResult,
  runActionBundle,
} from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { one, state } from '../helpers/state.js';

/**
 * Hostile Action events and configs. Each must end as documented: a one-line `::error` naming the problem and
 * exit 2 (or a clean, bounded run where the input is merely odd), within the kill timer, under the memory bound,
 * with no stack trace and nothing written to GitHub that it should not be.
 */
const MEMORY_MIB = 400;
const STATE = state([one('aws_s3_bucket', 'b', { id: 'b', bucket: 'b', tags: { env: 'prod' } })]);

describe('hostile Action inputs', () => {
  const { github } = pullRequestGitHub();

  // A repository per test: temporary directories are removed after each one.
  const fresh = (): Promise<Repo> =>
    gitRepository(
      { 'driftwarden.yml': 'state: states/*.tfstate\n', 'states/prod.tfstate': STATE },
      { 'README.md': 'x\n' },
    );

  const bounded = (result: RunResult) => {
    expect(result.maxRssMiB).toBeGreaterThan(0);
    expect(result.maxRssMiB).toBeLessThan(MEMORY_MIB);
    // The job log is both streams: a stack trace on either is a crash, not a diagnostic.
    for (const log of [result.stdout, result.stderr]) expect(log).not.toMatch(/^\s+at |^\w*Error: /m);
  };
  const oneError = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::error'));

  const events: [string, unknown, RegExp][] = [
    ['not JSON', '{"pull_request": ', /the event payload: not readable JSON/],
    ['no pull_request', { action: 'opened' }, /the event payload: not a pull request event: pull_request/],
    [
      'a base sha that is a git option',
      {
        pull_request: {
          number: 7,
          base: { sha: '--upload-pack=touch /tmp/pwned' },
          head: { sha: 'a'.repeat(40) },
        },
      },
      /pull_request\.base\.sha: .*40- or 64-character hex commit id/,
    ],
    [
      'a head sha with a path in it',
      { pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'HEAD:../../etc/passwd' } } },
      /pull_request\.head\.sha/,
    ],
    [
      'a number that is a string',
      { pull_request: { number: '7; rm -rf', base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } } },
      /pull_request\.number: expected number/,
    ],
    ['nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /the event payload: not/],
  ];
  it.each(events)(
    'an event payload that is %s: one error line, exit 2',
    async (_name, payload, message) => {
      const path = eventFile({});
      writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
      const result = await runActionBundle({
        ...pullRequestEnv(await fresh(), github.url),
        GITHUB_EVENT_PATH: path,
      });
      expect(result.code).toBe(2);
      expect(oneError(result.stdout)).toHaveLength(1);
      expect(oneError(result.stdout)[0]).toMatch(message);
      expect(github.writes()).toEqual([]);
      bounded(result);
    },
    60_000,
  );

  const inputs: [string, Record<string, string>, RegExp][] = [
    [
      'working-directory that leaves the repository',
      { 'INPUT_WORKING-DIRECTORY': '../..' },
      /working-directory \.\.\/\.\.: must be a directory inside the repository/,
    ],
    [
      'a config path that leaves it',
      { INPUT_CONFIG: '../../etc/passwd' },
      /config \.\.\/\.\.\/etc\/passwd: must be a file inside the repository/,
    ],
    [
      'a state input at an absolute path',
      { INPUT_STATE: '/etc/passwd' },
      /state \/etc\/passwd: leaves .*; paths must stay inside it/,
    ],
    [
      'a snapshot outside',
      { INPUT_LIVE: 'snapshot:../../../etc/hosts' },
      /live snapshot: .*etc\/hosts: leaves/,
    ],
    [
      'a sarif path outside',
      { INPUT_SARIF: '../../../tmp/driftwarden-escape.sarif' },
      /sarif \.\.\/\.\.\/\.\.\/tmp\/driftwarden-escape\.sarif: leaves the workspace/,
    ],
    ['a fail-on that is not one', { 'INPUT_FAIL-ON': 'high\r\n::add-mask::x' }, /fail-on .*unknown value/],
  ];
  it.each(inputs)(
    '%s: one error line naming it, exit 2',
    async (_name, extra, message) => {
      const result = await runActionBundle({ ...pullRequestEnv(await fresh(), github.url), ...extra });
      expect(result.code).toBe(2);
      expect(oneError(result.stdout)).toHaveLength(1);
      expect(oneError(result.stdout)[0]).toMatch(message);
      expect(result.stdout).not.toMatch(/^::add-mask::/m);
      bounded(result);
    },
    60_000,
  );

  // The checkout is the pull request's: what sits at the SARIF path may be planted there by its author.
  const outside = () => join(tempDir({ 'victim.txt': 'keep me\n' }), 'victim.txt');
  const sarifTargets: [string, (dir: string, victim: string) => void, RegExp][] = [
    [
      'a symbolic link to a file outside the workspace',
      (dir, victim) => symlinkSync(victim, join(dir, 'driftwarden.sarif')),
      /sarif driftwarden\.sarif: cannot write the sarif report: is a symbolic link; driftwarden does not write through one$/,
    ],
    [
      'a symbolic link to a file inside it',
      (dir) => symlinkSync(join(dir, 'README.md'), join(dir, 'driftwarden.sarif')),
      /sarif driftwarden\.sarif: cannot write the sarif report: is a symbolic link/,
    ],
    [
      'a dangling symbolic link',
      (dir, victim) => symlinkSync(`${victim}.new`, join(dir, 'driftwarden.sarif')),
      /sarif driftwarden\.sarif: cannot write the sarif report: is a symbolic link/,
    ],
    [
      'under a directory that is a symbolic link out of the workspace',
      (dir, victim) => symlinkSync(join(victim, '..'), join(dir, 'reports')),
      /sarif reports\/driftwarden\.sarif: leads out of the workspace through a symbolic link/,
    ],
    [
      'a directory',
      (dir) => mkdirSync(join(dir, 'driftwarden.sarif')),
      /sarif driftwarden\.sarif: cannot write the sarif report: is a directory$/,
    ],
    [
      'a named pipe (FIFO)',
      (dir) => execFileSync('mkfifo', [join(dir, 'driftwarden.sarif')]),
      /sarif driftwarden\.sarif: cannot write the sarif report: is a named pipe \(FIFO\), not a regular file$/,
    ],
    [
      'under a regular file',
      (dir) => writeFileSync(join(dir, 'reports'), 'x'),
      /sarif reports\/driftwarden\.sarif: cannot write the sarif report: a parent of it is not a directory$/,
    ],
  ];
  it.each(sarifTargets)(
    'a SARIF path that is %s: refused before the scan with one error line, exit 2, nothing written',
    async (name, plant, message) => {
      const repo = await fresh();
      const victim = outside();
      plant(repo.dir, victim);
      const sarif = name.startsWith('under') ? 'reports/driftwarden.sarif' : 'driftwarden.sarif';
      const result = await runActionBundle({ ...pullRequestEnv(repo, github.url), INPUT_SARIF: sarif });
      expect(result.code, result.stdout + result.stderr).toBe(2);
      expect(oneError(result.stdout)).toHaveLength(1);
      expect(oneError(result.stdout)[0]).toMatch(message);
      // Before the scan: no comment, no outputs, and the file outside untouched.
      expect(github.writes()).toEqual([]);
      expect(result.outputs).toBe('');
      expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
      bounded(result);
    },
    60_000,
  );

  it('a SARIF path committed as a symbolic link by the pull request is refused, and its target is left alone', async () => {
    const repo = await fresh();
    const victim = outside();
    symlinkSync(victim, join(repo.dir, 'driftwarden.sarif'));
    const git = simpleGit(repo.dir);
    await git.add('.').commit('link');
    const head = (await git.revparse(['HEAD'])).trim();
    const result = await runActionBundle(pullRequestEnv({ ...repo, head }, github.url));
    expect(result.code).toBe(2);
    expect(oneError(result.stdout)).toEqual([
      '::error title=driftwarden scan failed::sarif driftwarden.sarif: cannot write the sarif report: is a symbolic link; driftwarden does not write through one',
    ]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    bounded(result);
  }, 60_000);

  const configs: [string, string, RegExp][] = [
    [
      'a YAML alias bomb',
      `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nstate: [*f]\n`,
      /driftwarden\.yml/,
    ],
    ['a state path in /etc', 'state: /etc/passwd\n', /state \/etc\/passwd: leaves/],
    [
      'a policies directory outside',
      'state: states/*.tfstate\npolicies: [../../../usr/lib]\n',
      /policies .*: leaves/,
    ],
    ['an unknown key', 'state: states/*.tfstate\n__proto__: {polluted: true}\n', /driftwarden\.yml/],
  ];
  it.each(configs)(
    'a base config with %s: one error line naming it, exit 2',
    async (_name, config, message) => {
      const bad = await gitRepository(
        { 'driftwarden.yml': config, 'states/prod.tfstate': STATE },
        { 'README.md': 'x\n' },
      );
      const result = await runActionBundle(pullRequestEnv(bad, github.url));
      expect(result.code, result.stdout).toBe(2);
      expect(oneError(result.stdout)).toHaveLength(1);
      expect(oneError(result.stdout)[0]).toMatch(message);
      expect(github.writes()).toEqual([]);
      bounded(result);
    },
    60_000,
  );

  it('a comment-name with a comment closer and line breaks cannot forge or break the marker', async () => {
    const result = await runActionBundle({
      ...pullRequestEnv(await fresh(), github.url),
      'INPUT_COMMENT-NAME': 'x --> <img src=x>\n@everyone',
    });
    expect(result.code).toBe(0);
    const body = github.commentsOn(7)[0]?.body ?? '';
    const marker = body.match(/<!-- driftwarden:pull-request [^\n]*-->/)?.[0] ?? '';
    expect(marker).not.toMatch(/-->.*-->|<img|@everyone|\n/);
    expect(body.match(/-->/g)).toHaveLength(1);
    bounded(result);
  }, 60_000);

  it('file names git would quote (non-ASCII, tab, quote, backslash, newline) are read and named exactly', async () => {
    const names = [
      'infra-ü/a.tfstate',
      'tab\there/b.tfstate',
      'quote"d/c.tfstate',
      'back\\slash/d.tfstate',
      'new\nline/e.tfstate',
    ];
    const files: Record<string, string> = { 'driftwarden.yml': 'state: ["**/*.tfstate"]\n' };
    const head: Record<string, string> = {};
    names.forEach((name, i) => {
      head[name] = state([
        one('aws_iam_policy', `p${i}`, {
          id: `arn:aws:iam::1:policy/p${i}`,
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
          }),
        }),
      ]);
    });
    const quoted = await gitRepository(files, head);
    const result = await runActionBundle({
      ...pullRequestEnv(quoted, github.url),
      'INPUT_FAIL-ON': 'critical',
    });
    expect(result.code, result.stdout).toBe(1);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    for (let i = 0; i < names.length; i++) expect(comment).toContain(`policy/p${i}`);
    // Annotation properties escape what would end them: the newline file is named, never split into a command.
    expect(result.stdout).toMatch(/file=infra-ü\/a\.tfstate/);
    expect(result.stdout).toMatch(/file=new%0Aline\/e\.tfstate/);
    bounded(result);
  }, 60_000);

  it('a pull request adding 20,000 states of one resource each stays bounded and its comment fits GitHub', async () => {
    const many = await gitRepository(
      { 'driftwarden.yml': 'state: ["many/*.tfstate"]\nbuiltinPolicies: false\n' },
      {},
    );
    const dir = join(many.dir, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 20_000; i++)
      writeFileSync(join(dir, `s${i}.tfstate`), state([one('aws_sqs_queue', `q${i}`, { id: `q${i}` })]));
    const git = simpleGit(many.dir);
    await git.add('.').commit('many');
    const head = (await git.revparse(['HEAD'])).trim();
    const result = await runActionBundle(
      pullRequestEnv({ ...many, head }, github.url),
      process.execPath,
      300_000,
    );
    expect(result.code, result.stdout.slice(0, 500)).toBe(0);
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('Changes in this pull request (20000)');
    expect(result.maxRssMiB).toBeLessThan(1024);
    // Removed within the test's own time: 20,000 files and their git objects outlast the shared cleanup hook's.
    rmSync(many.dir, { recursive: true, force: true });
  }, 320_000);
});
