import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * The built CLI in a real pseudo-terminal (util-linux `script`), at a width set with `stty cols`: what a user sees.
 * It runs the published bundle (dist/cli). Needs `npm run build` first; a build older than the sources is refused
 * rather than tested.
 */
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli/bin.js');
const EXAMPLE = ['scan', '--config', 'fixtures/example/driftwarden.yml', '--fail-on', 'none'];
// biome-ignore lint/suspicious/noControlCharactersInRegex: reading terminal output is the point
const SGR = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const PROGRESS = /^[\s\S]*\r\u001b\[K/;
/** The environment of a user's terminal: none of the CI or colour variables the suite may run under. */
const USER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS'].includes(name),
  ),
);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function requireFreshBuild(): void {
  let built: number;
  try {
    built = statSync(bin).mtimeMs;
  } catch {
    throw new Error('dist/cli/bin.js is missing: run npm run build first');
  }
  if (Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'connectors'))) > built)
    throw new Error('dist is older than src/ or connectors/: run npm run build first');
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/** The CLI's output in a pseudo-terminal `columns` wide; the progress line it drew on stderr is cut off. */
function inTerminal(columns: number, args: readonly string[], env: Record<string, string> = {}): string {
  const command = `stty cols ${columns} rows 50; node ${quote(bin)} ${args.map(quote).join(' ')}`;
  const out = execFileSync('script', ['-qfec', command, '/dev/null'], {
    cwd: root,
    env: { ...USER_ENV, ...env },
    encoding: 'utf8',
  });
  return out.replaceAll('\r\n', '\n').replace(PROGRESS, '');
}

function widest(out: string): number {
  return Math.max(
    ...out
      .replace(SGR, '')
      .split('\n')
      .map((line) => stringWidth(line)),
  );
}

// Each case starts the CLI once or more, on a machine that may be busy.
describe('the table in a pseudo-terminal', { timeout: 120_000 }, () => {
  beforeAll(requireFreshBuild);

  it('at 80 columns: every line fits, long ids wrap inside their column, severities are coloured', () => {
    const out = inTerminal(80, EXAMPLE);
    expect(widest(out)).toBeLessThanOrEqual(80);
    expect(out).toContain('\u001b[31mHIGH\u001b[39m');
    expect(out).toContain('\u001b[36mLOW\u001b[39m');
    const lines = out.replace(SGR, '').split('\n');
    const missing = lines.findIndex((line) => line.startsWith('  missing    aws_sns_topic'));
    expect(lines[missing]).toMatch(
      /^ {2}missing {4}aws_sns_topic {7}arn:aws:sns:eu-west-1: +aws_sns_topic\.alerts$/,
    );
    expect(lines.slice(missing + 1, missing + 3).map((line) => line.trim())).toEqual([
      '111122223333:acme-prod-',
      'alerts',
    ]);
    // Path and message go under the row, the fix under them.
    const high = lines.findIndex((line) => line.startsWith('  HIGH      DW-AWS-IAM-006  live'));
    expect(lines.slice(high + 2, high + 4)).toEqual([
      '      policy.Statement[0]: allows iam:PassRole on every role ("Resource": "*")',
      '      fix: aws_iam_policy_document { actions = ["iam:PassRole"], resources = ["…',
    ]);
  });

  it('at 200 columns: every line fits, and each drift entry is one line', () => {
    const out = inTerminal(200, EXAMPLE);
    expect(widest(out)).toBeLessThanOrEqual(200);
    expect(widest(out)).toBeGreaterThan(120);
    expect(out.replace(SGR, '')).toMatch(
      /\n {2}missing {4}aws_sns_topic {7}arn:aws:sns:eu-west-1:111122223333:acme-prod-alerts +aws_sns_topic\.alerts\n/,
    );
    expect(out.replace(SGR, '')).toMatch(
      /\n {2}LOW {7}DW-AWS-S3-003 {3}declared {2}aws_s3_bucket\.acme-prod-artifacts +policy +bucket has no policy denying requests over plain HTTP\n/,
    );
  });

  it('--color never, and FORCE_COLOR=0, print no colour on a terminal', () => {
    expect(inTerminal(100, [...EXAMPLE, '--color', 'never'])).not.toMatch(SGR);
    expect(inTerminal(100, EXAMPLE, { FORCE_COLOR: '0' })).not.toMatch(SGR);
    expect(inTerminal(100, EXAMPLE, { NO_COLOR: '1' })).not.toMatch(SGR);
  });

  it('--quiet prints the verdict only', () => {
    expect(inTerminal(80, [...EXAMPLE, '--quiet', '--color', 'never'])).toBe(
      'Drift found in 7 resources\n12 policy violations\n',
    );
  });
});

describe('the table outside a terminal', { timeout: 120_000 }, () => {
  beforeAll(requireFreshBuild);

  it('is plain and unwrapped; FORCE_COLOR or --color always colour it', () => {
    const piped = execFileSync('node', [bin, ...EXAMPLE], { cwd: root, env: USER_ENV, encoding: 'utf8' });
    expect(piped).not.toMatch(SGR);
    expect(piped).toMatch(
      / {2}aws_sqs_queue\.https:\/\/sqs\.eu-west-1\.amazonaws\.com\/111122223333\/acme-prod-payments-events {2}/,
    );
    const forced = execFileSync('node', [bin, ...EXAMPLE], {
      cwd: root,
      env: { ...USER_ENV, FORCE_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(forced).toContain('\u001b[31mHIGH\u001b[39m');
    const always = execFileSync('node', [bin, ...EXAMPLE, '--color', 'always'], {
      cwd: root,
      env: USER_ENV,
      encoding: 'utf8',
    });
    expect(always).toContain('\u001b[31mHIGH\u001b[39m');
  });
});

describe('--color, --max-rows and --quiet', () => {
  const cwd = root;

  it('refuse a value they do not know, naming it', async () => {
    const color = await runCli([...EXAMPLE, '--color', 'sometimes'], { cwd });
    expect(color.code).toBe(2);
    expect(color.stderr).toBe(
      'driftwarden: usage error: --color sometimes: unknown value (use auto, always, never)\n',
    );
    for (const value of ['ten', '1.5', '-1']) {
      const rows = await runCli([...EXAMPLE, `--max-rows=${value}`], { cwd });
      expect(rows.code).toBe(2);
      expect(rows.stderr).toBe(
        `driftwarden: usage error: --max-rows ${value}: expected a whole number of rows, or 0 for every row\n`,
      );
    }
  });

  it('--max-rows caps each list, --quiet keeps the report files whole', async () => {
    const result = await runCli([...EXAMPLE, '--max-rows', '2'], { cwd });
    expect(result.stdout).toContain(
      '  ... 5 more drift entries: 3 changed, 2 unmanaged (--max-rows 0 shows all)',
    );
    expect(result.stdout).toContain('  ... 10 more violations: 10 low (--max-rows 0 shows all)');
    const quiet = await runCli([...EXAMPLE, '--quiet', '--format', 'json'], { cwd });
    expect(JSON.parse(quiet.stdout).violations).toHaveLength(12);
  });

  it('the width comes from the terminal stdout is', async () => {
    let stdout = '';
    await main([...EXAMPLE], {
      stdout: { write: (text: string) => (stdout += text), isTTY: true, columns: 60 },
      stderr: { write: () => true, isTTY: false },
      env: {},
      cwd,
    });
    expect(widest(stdout)).toBeLessThanOrEqual(60);
    expect(stdout).toContain('\u001b[31mHIGH\u001b[39m');
  });
});

describe('the table of a scan against a baseline', () => {
  it('marks what is new, lists what was resolved and counts both in the verdict', async () => {
    const bucket = (name: string) => one('aws_s3_bucket', name, { id: name, bucket: name, acl: 'private' });
    const live = (acls: Record<string, string>) =>
      snapshot(
        Object.entries(acls).map(([id, acl]) => ({
          type: 'aws_s3_bucket',
          id,
          attributes: { bucket: id, acl },
        })),
      );
    const cwd = tempDir({
      'prod.tfstate': state([bucket('a'), bucket('b')]),
      'before.json': live({ a: 'public-read', b: 'private' }),
      'after.json': live({ a: 'private', b: 'public-read' }),
    });
    const scan = ['scan', '--state', 'prod.tfstate', '--no-builtin-policies', '--fail-on', 'none'];
    await runCli([...scan, '--live', 'snapshot:before.json', '--output', 'json=base.json'], { cwd });
    const result = await runCli([...scan, '--live', 'snapshot:after.json', '--baseline', 'base.json'], {
      cwd,
    });
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Drift found in 1 resource', '1 new, 1 resolved since base.json', '']);
    expect(lines).toContain('  new  changed  aws_s3_bucket  b   aws_s3_bucket.b');
    const resolved = lines.indexOf('Resolved since base.json (1)');
    expect(lines.slice(resolved + 1, resolved + 3)).toEqual([
      '  WAS      RULE   RESOURCE         DETAIL',
      '  changed  drift  aws_s3_bucket.a  acl',
    ]);
  });
});

describe('the table of a scan of code', () => {
  it('shows the file and line of each finding under its resource', async () => {
    const hcl =
      'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n';
    const cwd = tempDir({ 'infra/main.tf': hcl });
    execFileSync('git', ['init', '--quiet'], { cwd });
    const result = await runCli(['scan', '--repo', '.', '--fail-on', 'none'], { cwd });
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const rowOf = (key: string) => lines.findIndex((line) => /^ {2}[A-Z]+ /.test(line) && line.includes(key));
    const sns = rowOf('aws_sns_topic.alerts');
    const sqs = rowOf('aws_sqs_queue.jobs');
    expect(sns).toBeGreaterThan(0);
    expect(lines[sns + 1]?.trim()).toBe('infra/main.tf:1');
    expect(lines[sqs + 1]?.trim()).toBe('infra/main.tf:5');
  });
});
