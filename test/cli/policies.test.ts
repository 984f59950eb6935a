import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/package-info.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { snapshot, state } from '../helpers/state.js';
import { withPoliciesSection } from '../scripts/policies-readme.js';

const ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

function estate() {
  return tempDir({
    'iam.tfstate': state([
      {
        type: 'aws_iam_policy',
        name: 'admin',
        instances: [{ attributes: { id: 'arn:aws:iam::1:policy/break-glass', policy: ADMIN } }],
      },
      {
        type: 'aws_ebs_volume',
        name: 'data',
        instances: [{ attributes: { id: 'vol-1', encrypted: false, size: 10 } }],
      },
    ]),
    'live.json': snapshot([
      {
        type: 'aws_iam_policy',
        id: 'arn:aws:iam::1:policy/break-glass',
        attributes: { policy: JSON.parse(ADMIN) },
      },
      { type: 'aws_ebs_volume', id: 'vol-1', attributes: { encrypted: false, size: 10 } },
    ]),
  });
}

describe('policies in the scan', () => {
  it('reports each violation once per origin, sorted by severity, and gates the exit code with --fail-on', async () => {
    const cwd = estate();
    const args = ['scan', '--state', 'iam.tfstate', '--live', 'snapshot:live.json', '--format', 'json'];
    const result = await runCli([...args, '--fail-on', 'critical'], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(
      report.violations.map((v: { ruleId: string; origin: string; path?: string }) => [
        v.ruleId,
        v.origin,
        v.path,
      ]),
    ).toEqual([
      ['DW-AWS-IAM-001', 'declared', 'policy.Statement[0]'],
      ['DW-AWS-IAM-001', 'live', 'policy.Statement[0]'],
      ['DW-AWS-EBS-001', 'declared', 'encrypted'],
      ['DW-AWS-EBS-001', 'live', 'encrypted'],
    ]);
    expect(report.summary.violations).toEqual({ critical: 2, high: 2, medium: 0, low: 0 });
    expect(report.violations[0]).toMatchObject({
      address: 'aws_iam_policy.admin',
      location: { file: 'iam.tfstate' },
      severity: 'critical',
      category: 'iam',
    });
    expect((await runCli([...args, '--fail-on', 'none'], { cwd })).code).toBe(0);
    expect((await runCli([...args, '--no-builtin-policies'], { cwd })).code).toBe(0);
  });

  it('config waivers move findings to `waived`; an expired one stops applying and says so', async () => {
    const config = [
      'state: iam.tfstate',
      'live: [snapshot:live.json]',
      'failOn: high',
      'waivers:',
      '  - rule: DW-AWS-IAM-001',
      '    resource: aws_iam_policy.arn:aws:iam::*:policy/break-glass',
      '    reason: break-glass admin (SEC-142)',
      '    expires: 2999-12-31',
      '  - rule: DW-AWS-EBS-*',
      '    resource: aws_ebs_volume.*',
      '    reason: scratch volumes',
      '    expires: 2020-01-01',
    ].join('\n');
    const cwd2 = estate();
    writeFileSync(join(cwd2, 'driftwarden.yml'), config);
    const result = await runCli(['scan', '--format', 'json'], { cwd: cwd2 });
    const report = JSON.parse(result.stdout);
    expect(
      report.waived.map((v: { ruleId: string; origin: string; waiver: unknown }) => [
        v.ruleId,
        v.origin,
        v.waiver,
      ]),
    ).toEqual([
      [
        'DW-AWS-IAM-001',
        'declared',
        { reason: 'break-glass admin (SEC-142)', source: 'config waivers[0]', expires: '2999-12-31' },
      ],
      [
        'DW-AWS-IAM-001',
        'live',
        { reason: 'break-glass admin (SEC-142)', source: 'config waivers[0]', expires: '2999-12-31' },
      ],
    ]);
    expect(report.summary.waived).toBe(2);
    expect(report.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual([
      'DW-AWS-EBS-001',
      'DW-AWS-EBS-001',
    ]);
    expect(report.scan.diagnostics).toContainEqual({
      level: 'warning',
      code: 'waiver.expired',
      message:
        'the waiver of DW-AWS-EBS-* for aws_ebs_volume.* expired on 2020-01-01 and no longer applies (scratch volumes)',
      source: 'config waivers[1]',
    });
    expect(result.code).toBe(1);
    const table = await runCli(['scan'], { cwd: cwd2 });
    expect(table.stdout).toContain('2 policy violations (2 waived)');
    expect(table.stdout).toMatch(
      /Waived \(2\)[\s\S]*break-glass admin \(SEC-142\) \(config waivers\[0\], until 2999-12-31\)/,
    );
  });
});

describe('waivers of a retired rule', () => {
  it('waive nothing, break nothing, and each say so in one line', async () => {
    const cwd = tempDir({
      'main.tf': [
        '# driftwarden:ignore DW-AWS-S3-002 encrypted by S3 anyway',
        'resource "aws_s3_bucket" "logs" {',
        '  bucket = "dw-logs"',
        '}',
        '',
      ].join('\n'),
      'driftwarden.yml': [
        'waivers:',
        '  - rule: DW-AWS-S3-002',
        '    resource: aws_s3_bucket.*',
        '    reason: migration',
        '  - rule: DW-AWS-S3-*',
        '    resource: aws_s3_bucket.*',
        '    reason: a pattern names no rule in particular',
      ].join('\n'),
    });
    execFileSync('git', ['init', '--quiet'], { cwd });
    const result = await runCli(['scan', '--repo', '.', '--format', 'json', '--fail-on', 'none'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(true);
    const why =
      'the rule is retired (S3 encrypts every object with SSE-S3 by default since January 2023; DW-AWS-S3-004 asks for a customer-managed key)';
    expect(report.scan.diagnostics.filter((d: { code: string }) => d.code === 'waiver.retired-rule')).toEqual(
      [
        {
          level: 'warning',
          code: 'waiver.retired-rule',
          message: `the waiver of DW-AWS-S3-002 waives nothing: ${why}`,
          source: 'config waivers[0]',
        },
        {
          level: 'warning',
          code: 'waiver.retired-rule',
          message: `the waiver of DW-AWS-S3-002 waives nothing: ${why}`,
          source: 'main.tf:1',
        },
      ],
    );
    expect(report.violations.map((v: { ruleId: string }) => v.ruleId)).not.toContain('DW-AWS-S3-002');
  });
});

describe('driftwarden policies list', () => {
  it('prints the catalogue from the bundle metadata, as a table, as JSON and as Markdown', async () => {
    const built = JSON.parse(readFileSync(join(packageRoot(), 'policies/dist/catalogue.json'), 'utf8'));
    const count = built.rules.length;
    const table = await runCli(['policies', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+SEVERITY\s+CATEGORY\s+TITLE\s+CHECKOV \/ TRIVY\s+RESOURCE TYPES$/m);
    expect(table.stdout).toMatch(
      /^DW-AWS-IAM-001\s+critical\s+iam\s+IAM policy grants full administrative access\s+\S.*\s+aws_iam_policy, aws_iam_role/m,
    );
    expect(table.stdout).toContain(`${count} rules`);
    const json = JSON.parse((await runCli(['policies', 'list', '--format', 'json'])).stdout);
    expect(json).toHaveLength(count);
    expect(json[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      description: expect.any(String),
      severity: expect.stringMatching(/^(critical|high|medium|low)$/),
      category: expect.stringMatching(/^(iam|encryption|network|secrets)$/),
      resourceTypes: expect.any(Array),
      controls: expect.any(Array),
      remediation: expect.any(String),
      equivalents: { checkov: expect.any(Array), trivy: expect.any(Array) },
      relatedResources: expect.any(Array),
      file: expect.stringMatching(/^policies\/rules\//),
    });
    const markdown = (await runCli(['policies', 'list', '--format', 'markdown'])).stdout;
    expect(markdown).toMatch(
      /^\| `DW-AWS-IAM-001` \| critical \| iam \| IAM policy grants full administrative access \| `aws_iam_policy`, `aws_iam_role`, .* \| aws-config, cloudformation, terraform \| /m,
    );
    expect(markdown).toContain(`${count} rules.`);
  });

  it("policies/README.md's rule catalogue is fresh (npm run docs:policies)", () => {
    const readme = readFileSync(join(packageRoot(), 'policies/README.md'), 'utf8');
    expect(withPoliciesSection(readme), 'stale: run npm run docs:policies').toBe(readme);
  });

  it('a bundle directory that is not a bundle is an input error naming it', async () => {
    const cwd = tempDir({ 'empty/x': '' });
    const result = await runCli(['policies', 'list', '--policy-bundle', 'empty'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'driftwarden: error: empty: not a policy bundle: expected policy.wasm and catalogue.json (build one with `driftwarden policies build`)',
    );
  });
});

describe('several accounts', () => {
  it('the same role name in two accounts: paired by account, each violation names its account', async () => {
    const trust = (principal: unknown) => ({
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
    });
    const cwd = tempDir({
      'prod.tfstate': state([
        {
          type: 'aws_iam_role',
          name: 'admin',
          instances: [
            {
              attributes: {
                id: 'admin',
                name: 'admin',
                arn: 'arn:aws:iam::111111111111:role/admin',
                assume_role_policy: JSON.stringify(trust({ Service: 'ec2.amazonaws.com' })),
              },
            },
          ],
        },
      ]),
      'org.json': JSON.stringify({
        snapshotVersion: 1,
        coveredTypes: ['aws_iam_role'],
        resources: [
          {
            type: 'aws_iam_role',
            id: 'admin',
            account: '111111111111',
            attributes: { name: 'admin', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) },
          },
          {
            type: 'aws_iam_role',
            id: 'admin',
            account: '222222222222',
            attributes: { name: 'admin', assume_role_policy: trust({ AWS: '*' }) },
          },
        ],
      }),
    });
    const result = await runCli(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--live',
        'snapshot:org.json',
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.drift.map((d: { kind: string; account?: string }) => [d.kind, d.account])).toEqual([
      ['unmanaged', '222222222222'],
    ]);
    expect(report.summary).toMatchObject({ declared: 1, live: 2, managed: 1 });
    expect(
      report.violations
        .filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-010')
        .map((v: { origin: string; account?: string }) => [v.origin, v.account]),
    ).toEqual([['live', '222222222222']]);
    expect(report.scan.diagnostics.filter((d: { code: string }) => d.code === 'live.duplicate')).toEqual([]);
  });
});

describe('--baseline and the report formats', () => {
  it('marks findings new or unchanged, and new:<value> fails only on new findings', async () => {
    const cwd = estate();
    const args = ['scan', '--state', 'iam.tfstate', '--live', 'snapshot:live.json', '--format', 'json'];
    const first = await runCli([...args, '--output', 'json=previous.json', '--fail-on', 'none'], { cwd });
    expect(first.code).toBe(0);
    const same = await runCli([...args, '--baseline', 'previous.json', '--fail-on', 'new:critical'], { cwd });
    const report = JSON.parse(same.stdout);
    expect(report.baseline).toMatchObject({ source: 'previous.json', new: 0, unchanged: 4 });
    expect(report.violations.every((v: { status: string }) => v.status === 'unchanged')).toBe(true);
    expect(same.code).toBe(0);
    expect(
      (await runCli([...args, '--baseline', 'previous.json', '--fail-on', 'critical'], { cwd })).code,
    ).toBe(1);
    writeFileSync(join(cwd, 'bad.json'), '{"hello": 1}');
    const bad = await runCli([...args, '--baseline', 'bad.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^driftwarden: error: bad\.json: not a driftwarden JSON report: /);
  });

  it('writes every format with --output', async () => {
    const cwd = estate();
    const formats = ['json', 'markdown', 'sarif', 'html', 'junit'];
    const result = await runCli(
      [
        'scan',
        '--state',
        'iam.tfstate',
        '--live',
        'snapshot:live.json',
        ...formats.flatMap((f) => ['--output', `${f}=out/report.${f}`]),
        '--fail-on',
        'none',
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const read = (f: string) => readFileSync(join(cwd, `out/report.${f}`), 'utf8');
    expect(JSON.parse(read('sarif')).runs[0].results.length).toBe(4);
    expect(read('markdown')).toMatch(/^### :x: driftwarden: No drift found, 4 policy violations/);
    expect(read('html')).toContain('<!DOCTYPE html>');
    expect(read('junit')).toContain('<testsuites name="driftwarden"');
  });
});
