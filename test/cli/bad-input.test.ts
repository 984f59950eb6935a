import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

const LIVE = snapshot([{ type: 'aws_s3_bucket', id: 'b', attributes: {} }]);
const GOOD = state([one('aws_s3_bucket', 'b', { id: 'b' })]);

/** Each bad input: the file content, and the one-line problem the user must see. */
const BAD_STATES: [string, string | Uint8Array, string][] = [
  ['corrupt JSON', '{"version": 4, "resources": [}', 'invalid JSON (syntax error at line 1, column 30)'],
  ['truncated JSON', '{"version": 4, "resources": [', 'invalid JSON (unexpected end of file; truncated?)'],
  [
    'a v3 state',
    JSON.stringify({ version: 3, terraform_version: '0.11.14', modules: [] }),
    'unsupported state format version 3',
  ],
  ['an empty file', '', 'file is empty'],
  ['a whitespace-only file', '  \n\n', 'file is empty (whitespace only)'],
  [
    'a binary file',
    new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]),
    'binary content, expected a UTF-8 text file',
  ],
  ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 'not valid UTF-8 text'],
  [
    'a resource with no type',
    JSON.stringify({ version: 4, resources: [{ mode: 'managed', name: 'x', instances: [] }] }),
    'invalid state: resources[0].type: required field is missing',
  ],
  [
    'a resource with no instances',
    JSON.stringify({ version: 4, resources: [{ mode: 'managed', type: 'aws_s3_bucket', name: 'x' }] }),
    'invalid state: resources[0].instances: required field is missing',
  ],
  [
    'instances of the wrong shape',
    JSON.stringify({
      version: 4,
      resources: [{ mode: 'managed', type: 'aws_s3_bucket', name: 'x', instances: [{ attributes: 'no' }] }],
    }),
    'invalid state: resources[0].instances[0].attributes',
  ],
  ['not a state at all', JSON.stringify({ hello: 'world' }), 'not a Terraform state: no "version" field'],
];

function expectOneLineError(result: { code: number; stderr: string; stdout: string }, text: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(text);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('bad input: one line naming the file and the problem, exit 2', () => {
  it.each(BAD_STATES)('%s', async (_name, content, problem) => {
    const cwd = tempDir({ 'bad.tfstate': content, 'live.json': LIVE });
    const result = await runCli(['scan', '--state', 'bad.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expectOneLineError(result, `driftwarden: error: bad.tfstate: ${problem}`);
  });

  it('a path that does not exist', async () => {
    const cwd = tempDir({ 'live.json': LIVE });
    const result = await runCli(['scan', '--state', 'missing/prod.tfstate', '--live', 'snapshot:live.json'], {
      cwd,
    });
    expectOneLineError(result, 'driftwarden: error: missing/prod.tfstate: no such file');
  });

  it('a glob that matches nothing', async () => {
    const cwd = tempDir({ 'live.json': LIVE });
    const result = await runCli(['scan', '--state', 'states/**/*.tfstate', '--live', 'snapshot:live.json'], {
      cwd,
    });
    expectOneLineError(result, 'driftwarden: error: states/**/*.tfstate: the glob matched no files');
  });

  it('a directory given as a state', async () => {
    const cwd = tempDir({ 'dir/x': 'x', 'live.json': LIVE });
    const result = await runCli(['scan', '--state', 'dir', '--live', 'snapshot:live.json'], { cwd });
    expectOneLineError(result, 'driftwarden: error: dir: is a directory, expected a file');
  });

  it('every bad state gets its own line when none is readable', async () => {
    const cwd = tempDir({ 'a.tfstate': '', 'b.tfstate': '{', 'live.json': LIVE });
    const result = await runCli(
      ['scan', '--state', 'a.tfstate', '--state', 'b.tfstate', '--live', 'snapshot:live.json'],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'driftwarden: error: a.tfstate: file is empty',
      'driftwarden: error: b.tfstate: invalid JSON (unexpected end of file; truncated?)',
    ]);
  });

  it('a corrupt snapshot', async () => {
    const cwd = tempDir({
      'a.tfstate': GOOD,
      'live.json':
        '{"snapshotVersion": 1, "coveredTypes": ["aws_s3_bucket"], "resources": [{"type": "S3 Bucket", "id": "b", "attributes": {}}]}',
    });
    const result = await runCli(['scan', '--state', 'a.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expectOneLineError(
      result,
      'live.json: invalid snapshot: resources[0].type: must be a Terraform resource type such as aws_s3_bucket',
    );
  });

  it('a snapshot with no coveredTypes', async () => {
    const cwd = tempDir({ 'a.tfstate': GOOD, 'live.json': '{"snapshotVersion": 1, "resources": []}' });
    const result = await runCli(['scan', '--state', 'a.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expectOneLineError(result, 'live.json: invalid snapshot: coveredTypes: required field is missing');
  });

  it('a config file with an unknown key, or invalid YAML', async () => {
    const cwd = tempDir({ 'bad.yml': 'states: [a.tfstate]\n', 'worse.yml': 'state: [a\nlive: :\n' });
    expectOneLineError(
      await runCli(['scan', '--config', 'bad.yml'], { cwd }),
      'bad.yml: invalid config: (top level): Unrecognized key: "states"',
    );
    expectOneLineError(await runCli(['scan', '--config', 'worse.yml'], { cwd }), 'worse.yml: invalid YAML');
  });

  it('usage errors: unknown flag, unknown connector, bad --fail-on, bad --output, nothing to scan', async () => {
    const cwd = tempDir({ 'a.tfstate': GOOD });
    expectOneLineError(
      await runCli(['scan', '--stat', 'a.tfstate'], { cwd }),
      'usage error: unknown option --stat (did you mean --state?)',
    );
    expectOneLineError(
      await runCli(['scan', '--state', 'a.tfstate', '--live', 'gcp:x'], { cwd }),
      'unknown live connector "gcp" (known: snapshot, aws-config, azure, azure-graph)',
    );
    expectOneLineError(
      await runCli(['scan', '--state', 'a.tfstate', '--fail-on', 'severe'], { cwd }),
      '--fail-on severe: unknown value "severe"',
    );
    expectOneLineError(
      await runCli(['scan', '--state', 'a.tfstate', '--output', 'report.json'], { cwd }),
      'expected <format>=<file>',
    );
    expectOneLineError(
      await runCli(['scan', '--state', 'a.tfstate', '--output', 'pdf=r.pdf'], { cwd }),
      '--output pdf: unknown format',
    );
    expectOneLineError(await runCli(['scan'], { cwd }), 'nothing to scan');
    expectOneLineError(await runCli(['frobnicate'], { cwd }), 'unknown command "frobnicate"');
  });

  it('shows a stack trace only with --debug', async () => {
    const cwd = tempDir({ 'bad.tfstate': '{', 'live.json': LIVE });
    const plain = await runCli(['scan', '--state', 'bad.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expect(plain.stderr).not.toContain('    at ');
    const debug = await runCli(
      ['scan', '--state', 'bad.tfstate', '--live', 'snapshot:live.json', '--debug'],
      { cwd },
    );
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain('driftwarden: error: bad.tfstate: invalid JSON');
    expect(debug.stderr).toMatch(/DriftwardenError: .*\n\s+at /);
  });

  it('an unreadable ignore file is an error, an unparseable rule a warning', async () => {
    const cwd = tempDir({ 'a.tfstate': GOOD, 'live.json': LIVE, rules: '.oops\naws_s3_bucket.b\n' });
    expectOneLineError(
      await runCli(
        ['scan', '--state', 'a.tfstate', '--live', 'snapshot:live.json', '--ignore-file', 'nope'],
        { cwd },
      ),
      'nope: no such file',
    );
    const result = await runCli(
      [
        'scan',
        '--state',
        'a.tfstate',
        '--live',
        'snapshot:live.json',
        '--ignore-file',
        'rules',
        '--format',
        'json',
      ],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.scan.diagnostics).toContainEqual({
      level: 'warning',
      code: 'ignore.invalid-rule',
      message: 'cannot parse rule ".oops": empty segment',
      source: join('rules') + ':1',
    });
    expect(report.summary.ignored).toBe(1);
  });
});

describe('config files: the README example, and what zod says', () => {
  it("loads the README's own example config, outputs with one format", async () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Config file'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toContain('outputs: # as --output\n  json: reports/drift.json');
    const cwd = tempDir({ 'driftwarden.yml': yaml ?? '' });
    const loaded = await loadConfigFile(join(cwd, 'driftwarden.yml'), 'driftwarden.yml');
    expect(loaded.config.outputs).toEqual({ json: 'reports/drift.json' });
    expect(loaded.config.waivers?.[0]?.expires).toBe('2027-03-31');
  });

  it('outputs: any formats, each a file; an unknown one is named', async () => {
    const cwd = tempDir({
      'two.yml': 'outputs: {sarif: a.sarif, html: a.html}\n',
      'pdf.yml': 'outputs: {json: a.json, pdf: a.pdf}\n',
      'empty.yml': 'outputs: {json: ""}\n',
    });
    expect((await loadConfigFile(join(cwd, 'two.yml'), 'two.yml')).config.outputs).toEqual({
      sarif: 'a.sarif',
      html: 'a.html',
    });
    await expect(loadConfigFile(join(cwd, 'pdf.yml'), 'pdf.yml')).rejects.toThrow(
      'pdf.yml: invalid config: outputs: Unrecognized key: "pdf"',
    );
    await expect(loadConfigFile(join(cwd, 'empty.yml'), 'empty.yml')).rejects.toThrow(
      'empty.yml: invalid config: outputs.json: must not be empty',
    );
  });

  it('a field present with the wrong type says what it expected and what it got, every problem on one line', async () => {
    const cwd = tempDir({
      'bad.tfstate': JSON.stringify({
        version: 4,
        resources: [
          { mode: 'managed', type: 'aws_s3_bucket', name: 5, instances: [] },
          { mode: 'managed', type: ['x'], instances: {} },
        ],
      }),
      'live.json': LIVE,
    });
    const result = await runCli(['scan', '--state', 'bad.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expectOneLineError(
      result,
      'driftwarden: error: bad.tfstate: invalid state: resources[0].name: expected string, got number; resources[1].type: expected string, got array; resources[1].name: required field is missing; resources[1].instances: expected array, got object',
    );
  });
});
