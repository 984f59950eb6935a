import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

const bucket = (name: string, extra: Record<string, unknown> = {}) =>
  one('aws_s3_bucket', name.replaceAll('-', '_'), { id: name, bucket: name, acl: 'private', ...extra });

function estate() {
  return tempDir({
    'prod.tfstate': state([bucket('keep'), bucket('drifted'), bucket('deleted')]),
    'live.json': snapshot([
      { type: 'aws_s3_bucket', id: 'keep', attributes: { bucket: 'keep', acl: 'private' } },
      { type: 'aws_s3_bucket', id: 'drifted', attributes: { bucket: 'drifted', acl: 'public-read' } },
    ]),
    'clean.json': snapshot([
      { type: 'aws_s3_bucket', id: 'keep', attributes: { bucket: 'keep', acl: 'private' } },
      { type: 'aws_s3_bucket', id: 'drifted', attributes: { bucket: 'drifted', acl: 'private' } },
      { type: 'aws_s3_bucket', id: 'deleted', attributes: { bucket: 'deleted' } },
    ]),
  });
}

describe('driftwarden scan: exit codes', () => {
  it('exits 0 when declared and live agree', async () => {
    const cwd = estate();
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--live', 'snapshot:clean.json'], {
      cwd,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No drift found');
  });

  it('exits 1 on drift, and prints a table of it', async () => {
    const cwd = estate();
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/missing\s+aws_s3_bucket\s+deleted\s+aws_s3_bucket\.deleted/);
    expect(result.stdout).toMatch(/changed\s+aws_s3_bucket\s+drifted/);
    expect(result.stdout).toContain('~ acl: "private" -> "public-read"');
  });

  it('exits 0 on drift with --fail-on none, and with a severity threshold and no violations', async () => {
    const cwd = estate();
    const args = ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json'];
    expect((await runCli([...args, '--fail-on', 'none'], { cwd })).code).toBe(0);
    expect((await runCli([...args, '--fail-on', 'high'], { cwd })).code).toBe(0);
    expect((await runCli([...args, '--fail-on', 'high,drift'], { cwd })).code).toBe(1);
  });

  it('exits 3 when one of several states is bad, and still reports the good ones', async () => {
    const cwd = estate();
    const extra = tempDir({ 'broken.tfstate': '{"version": 4, "resources": [' });
    const result = await runCli(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--state',
        join(extra, 'broken.tfstate'),
        '--live',
        'snapshot:live.json',
        '--format',
        'json',
      ],
      { cwd },
    );
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(false);
    expect(report.summary.declared).toBe(3);
    expect(report.drift.map((d: { key: string }) => d.key)).toEqual([
      'aws_s3_bucket.deleted',
      'aws_s3_bucket.drifted',
    ]);
    const failed = report.scan.sources.filter((s: { status: string }) => s.status === 'failed');
    expect(failed).toEqual([
      {
        connector: 'terraform-state',
        side: 'declared',
        location: join(extra, 'broken.tfstate'),
        resources: 0,
        status: 'failed',
        error: `${join(extra, 'broken.tfstate')}: invalid JSON (unexpected end of file; truncated?)`,
      },
    ]);
    expect(result.stderr).toContain('the scan is incomplete');
  });

  it('says in the table output that the scan is incomplete', async () => {
    const cwd = estate();
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--state', 'nope.tfstate', '--live', 'snapshot:live.json'],
      { cwd },
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('INCOMPLETE: 1 source failed; results are partial');
    expect(result.stdout).toContain('FAILED');
    expect(result.stdout).toContain('nope.tfstate: no such file');
  });

  it('writes report files with --output and keeps the console format', async () => {
    const cwd = estate();
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json', '--output', 'json=out/report.json'],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Drift found in 2 resources');
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report.summary).toMatchObject({
      declared: 3,
      live: 2,
      managed: 2,
      missing: 1,
      changed: 1,
      unmanaged: 0,
    });
  });

  it('reads settings from a config file, relative to the file', async () => {
    const cwd = estate();
    const configDir = tempDir({
      'driftwarden.yml': `version: 1\nstate: [${join(cwd, 'prod.tfstate')}]\nlive:\n  - snapshot:${join(cwd, 'live.json')}\nignore:\n  - aws_s3_bucket.deleted\nfailOn: none\nformat: json\n`,
    });
    const result = await runCli(['scan', '--config', join(configDir, 'driftwarden.yml')], { cwd });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.drift.map((d: { key: string }) => d.key)).toEqual(['aws_s3_bucket.drifted']);
    expect(report.summary.ignored).toBe(1);
  });

  it('flags win over the config file', async () => {
    const cwd = estate();
    const config = `state: prod.tfstate\nlive: [snapshot:clean.json]\nfailOn: none\n`;
    const dir = tempDir({ 'driftwarden.yml': config });
    const result = await runCli(
      [
        'scan',
        '--config',
        join(dir, 'driftwarden.yml'),
        '--state',
        'prod.tfstate',
        '--live',
        'snapshot:live.json',
        '--fail-on',
        'drift',
      ],
      { cwd },
    );
    expect(result.code).toBe(1);
  });

  it('uses ./.driftignore when present', async () => {
    const cwd = estate();
    const dir = tempDir({
      '.driftignore': '# hand-made\naws_s3_bucket.deleted\naws_s3_bucket.drifted.acl\n',
    });
    const result = await runCli(
      ['scan', '--state', join(cwd, 'prod.tfstate'), '--live', `snapshot:${join(cwd, 'live.json')}`],
      { cwd: dir },
    );
    expect(result.stdout).toContain('No drift found');
    expect(result.code).toBe(0);
  });
});

describe('driftwarden scan: not compared and coverage', () => {
  it('counts declared types the live source does not cover as not compared, never missing', async () => {
    const cwd = tempDir({
      'a.tfstate': state([
        bucket('b1'),
        one('aws_route_table_association', 'a', { id: 'rtbassoc-1', subnet_id: 'subnet-1' }),
      ]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'b1', attributes: {} },
        { type: 'aws_s3_bucket', id: 'hand', attributes: {} },
      ]),
    });
    const result = await runCli(
      ['scan', '--state', 'a.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({
      declared: 2,
      live: 2,
      managed: 1,
      unmanaged: 1,
      missing: 0,
      notCompared: 1,
      coverage: 0.5,
    });
    expect(report.scan.sources[1].coveredTypes).toEqual(['aws_s3_bucket']);
  });

  it('reads globs and several states at once', async () => {
    const cwd = tempDir({
      'states/a.tfstate': state([bucket('b1')]),
      'states/b.tfstate': state([bucket('b2')]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'b1', attributes: {} },
        { type: 'aws_s3_bucket', id: 'b2', attributes: {} },
      ]),
    });
    const result = await runCli(
      ['scan', '--state', 'states/*.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(result.code).toBe(0);
    expect(report.scan.sources.map((s: { location: string }) => s.location)).toEqual([
      'states/a.tfstate',
      'states/b.tfstate',
      'live.json',
    ]);
  });

  it('warns when one resource is declared in two states', async () => {
    const cwd = tempDir({
      'a.tfstate': state([bucket('shared')]),
      'b.tfstate': state([bucket('shared')]),
      'live.json': snapshot([{ type: 'aws_s3_bucket', id: 'shared', attributes: {} }]),
    });
    const result = await runCli(
      ['scan', '--state', '*.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.scan.diagnostics.map((d: { code: string }) => d.code)).toContain('declared.duplicate');
    expect(report.summary.declared).toBe(1);
  });
});

describe('driftwarden scan: terminal output', () => {
  const args = ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json'];

  it('colours the table and shows progress on a terminal', async () => {
    const result = await runCli(args, { cwd: estate(), tty: true, env: { TERM: 'xterm-256color' } });
    expect(result.stdout).toContain('\u001b[33m');
    expect(result.stderr).toContain('reading state prod.tfstate');
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1', TERM: 'xterm' }],
    ['CI', { CI: 'true', TERM: 'xterm' }],
  ])('is plain under %s', async (_name, env) => {
    const result = await runCli(args, { cwd: estate(), tty: true, env });
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stderr).toBe('');
  });

  it('is plain when stdout is not a terminal', async () => {
    const result = await runCli(args, { cwd: estate(), tty: false, env: { TERM: 'xterm' } });
    expect(result.stdout).not.toContain('\u001b[');
  });
});
