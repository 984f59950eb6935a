import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, state } from '../helpers/state.js';

const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const HCL = `resource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = jsonencode(${JSON.stringify(ADMIN).replaceAll('":', '" =')})\n}\n`;
const STATE = state([
  one('aws_iam_policy', 'admin', {
    id: 'arn:aws:iam::111122223333:policy/admin',
    arn: 'arn:aws:iam::111122223333:policy/admin',
    name: 'admin',
    policy: JSON.stringify(ADMIN),
  }),
]);

async function repo(files: Record<string, string>): Promise<string> {
  const dir = tempDir(files);
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('init');
  return dir;
}

describe('code and state of one Terraform resource', () => {
  it('are one resource: --repo . --state reports the finding once, under the state key, at the code line', async () => {
    const cwd = await repo({ 'main.tf': HCL, 'terraform.tfstate': STATE });
    const result = await runCli(
      ['scan', '--repo', '.', '--state', 'terraform.tfstate', '--format', 'json', '--fail-on', 'none'],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const admin = report.violations.filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-001');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({
      key: 'aws_iam_policy.arn:aws:iam::111122223333:policy/admin',
      id: 'arn:aws:iam::111122223333:policy/admin',
      origin: 'declared',
      location: { file: 'main.tf', line: 1 },
      address: 'aws_iam_policy.admin',
    });
    expect(report.summary.declared).toBe(1);
  });

  it('an inline waiver in code covers the paired state copy too', async () => {
    const cwd = await repo({
      'main.tf': `# driftwarden:ignore DW-AWS-IAM-001 break-glass, reviewed quarterly\n${HCL}`,
      'terraform.tfstate': STATE,
    });
    const result = await runCli(
      ['scan', '--repo', '.', '--state', 'terraform.tfstate', '--format', 'json', '--fail-on', 'none'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.violations.filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-001')).toEqual([]);
    expect(report.waived.map((v: { ruleId: string; key: string }) => [v.ruleId, v.key])).toEqual([
      ['DW-AWS-IAM-001', 'aws_iam_policy.arn:aws:iam::111122223333:policy/admin'],
    ]);
  });

  it('two states that hold the same address are not guessed between: code stays its own resource', async () => {
    const other = STATE.replaceAll('111122223333', '444455556666');
    const cwd = await repo({ 'main.tf': HCL, 'a.tfstate': STATE, 'b.tfstate': other });
    const result = await runCli(
      ['scan', '--repo', '.', '--state', '*.tfstate', '--format', 'json', '--fail-on', 'none'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    const keys = report.violations
      .filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-001')
      .map((v: { key: string }) => v.key)
      .sort();
    expect(keys).toEqual([
      'aws_iam_policy.arn:aws:iam::111122223333:policy/admin',
      'aws_iam_policy.arn:aws:iam::444455556666:policy/admin',
      'aws_iam_policy.aws_iam_policy.admin',
    ]);
    expect(report.scan.diagnostics.map((d: { code: string }) => d.code)).toContain('code.address-ambiguous');
  });
});

describe('--confine', () => {
  it('refuses a path that leaves the directory, from a flag or the config file, with one line and exit 2', async () => {
    const cwd = tempDir({
      'inside/driftwarden.yml': 'state: ../outside.tfstate\n',
      'outside.tfstate': STATE,
    });
    const fromConfig = await runCli(['scan', '--config', 'inside/driftwarden.yml', '--confine', 'inside'], {
      cwd,
    });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr.trim().split('\n')).toHaveLength(1);
    expect(fromConfig.stderr).toMatch(
      /state \.\.\/outside\.tfstate: leaves .*inside; paths must stay inside it/,
    );
    const absolute = await runCli(['scan', '--state', join(cwd, 'outside.tfstate'), '--confine', 'inside'], {
      cwd,
    });
    expect(absolute.code).toBe(2);
    const unconfined = await runCli(['scan', '--config', 'inside/driftwarden.yml', '--fail-on', 'none'], {
      cwd,
    });
    expect(unconfined.code).toBe(0);
  });

  it('refuses a symlink inside the directory that leads out of it', async () => {
    const cwd = tempDir({ 'outside.tfstate': STATE, 'inside/.keep': '' });
    symlinkSync(join(cwd, 'outside.tfstate'), join(cwd, 'inside/prod.tfstate'));
    const result = await runCli(['scan', '--state', 'inside/*.tfstate', '--confine', 'inside'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/inside\/prod\.tfstate: leads outside .*inside/);
    expect(result.stderr).not.toContain('arn:aws:iam');
  });
});

describe('a config file names its repository relative to itself', () => {
  it('repo: . in infra/driftwarden.yml is infra/, whatever directory the scan runs in', async () => {
    const infra = await repo({
      'main.tf': HCL,
      'terraform.tfstate': STATE,
      'driftwarden.yml': 'repo: .\nstate: [terraform.tfstate]\n',
    });
    const elsewhere = await repo({
      'main.tf': 'resource "aws_s3_bucket" "other" {\n  bucket = "other"\n}\n',
    });
    const result = await runCli(
      ['scan', '--config', join(infra, 'driftwarden.yml'), '--format', 'json', '--fail-on', 'none'],
      { cwd: elsewhere },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const admin = report.violations.filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-001');
    expect(admin).toHaveLength(1);
    expect(admin[0].location.file.endsWith('main.tf')).toBe(true);
    expect(admin[0].location.file).not.toBe('main.tf');
    expect(report.violations.some((v: { key: string }) => v.key.includes('aws_s3_bucket'))).toBe(false);
  });
});
