import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = join(import.meta.dirname, '../..');
const config = join(root, 'fixtures/example/driftwarden.yml');

function stateText(): string {
  return ['iam', 'network', 'storage']
    .map((name) => readFileSync(join(root, `fixtures/example/states/${name}.tfstate`), 'utf8'))
    .join('\n');
}

describe('the bundled example estate (npm run demo)', () => {
  it('reports exactly the planted drift (fixtures/example/README.md)', async () => {
    const result = await runCli(['scan', '--config', config, '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(true);
    expect(report.summary).toEqual({
      declared: 29,
      live: 26,
      managed: 24,
      unmanaged: 2,
      missing: 1,
      changed: 4,
      notCompared: 4,
      ignored: 0,
      unknown: 0,
      waived: 0,
      coverage: 0.9231,
      violations: { critical: 0, high: 1, medium: 0, low: 11 },
    });
    expect(report.drift.map((d: { kind: string; key: string }) => `${d.kind} ${d.key}`)).toEqual([
      'missing aws_sns_topic.arn:aws:sns:eu-west-1:111122223333:acme-prod-alerts',
      'changed aws_iam_policy.arn:aws:iam::111122223333:policy/acme-prod-deploy',
      'changed aws_s3_bucket.acme-prod-data',
      'changed aws_security_group.sg-0d3f7a91c4e28b516',
      'changed aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/111122223333/acme-prod-payments-events',
      'unmanaged aws_iam_user.bob-console',
      'unmanaged aws_s3_bucket.acme-prod-tmp-export',
    ]);
    const changes = Object.fromEntries(
      report.drift
        .filter((d: { kind: string }) => d.kind === 'changed')
        .map((d: { type: string; changes: unknown }) => [d.type, d.changes]),
    );
    expect(changes.aws_s3_bucket).toEqual([{ path: 'versioning.enabled', declared: true, live: false }]);
    expect(changes.aws_sqs_queue).toEqual([{ path: 'tags.team', declared: 'payments', live: 'platform' }]);
    expect(changes.aws_iam_policy).toEqual([
      { path: 'policy.Statement[0].Action[3]', declared: null, live: 'iam:PassRole' },
    ]);
    expect(changes.aws_security_group).toHaveLength(1);
    expect(changes.aws_security_group[0]).toMatchObject({
      path: 'ingress[0]',
      declared: null,
      live: { from_port: 22, cidr_blocks: ['0.0.0.0/0'] },
    });
  });

  it('finds the policy violation the drift introduced: iam:PassRole on "*", live only', async () => {
    const result = await runCli(['scan', '--config', config, '--format', 'json'], { cwd: root });
    const report = JSON.parse(result.stdout);
    const high = report.violations.filter((v: { severity: string }) => v.severity === 'high');
    expect(high).toEqual([
      {
        ruleId: 'DW-AWS-IAM-006',
        title: expect.any(String),
        severity: 'high',
        category: 'iam',
        key: 'aws_iam_policy.arn:aws:iam::111122223333:policy/acme-prod-deploy',
        type: 'aws_iam_policy',
        id: 'arn:aws:iam::111122223333:policy/acme-prod-deploy',
        origin: 'live',
        message: expect.stringContaining('iam:PassRole'),
        path: expect.stringMatching(/^policy\.Statement\[\d\]$/),
        // A live finding on a declared resource points at the file that declares it.
        location: { file: 'fixtures/example/states/iam.tfstate' },
      },
    ]);
    const built = JSON.parse(readFileSync(join(root, 'policies/dist/catalogue.json'), 'utf8'));
    expect(report.scan.policies).toEqual({ rules: built.rules.length, failed: [] });
  });

  it('the .driftignore rule is what hides the scanner tag', async () => {
    const result = await runCli(
      ['scan', '--config', config, '--format', 'json', '--ignore-file', '/dev/null'],
      { cwd: root },
    );
    const report = JSON.parse(result.stdout);
    const logs = report.drift.find((d: { key: string }) => d.key === 'aws_s3_bucket.acme-prod-logs');
    expect(logs.changes).toEqual([{ path: 'tags.LastScannedBy', declared: null, live: 'security-scanner' }]);
  });

  it('never shows the secrets the states hold', async () => {
    const secrets = [...stateText().matchAll(/"(password|secret|ses_smtp_password_v4)":\s*"([^"]+)"/g)].map(
      (m) => m[2] ?? '',
    );
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const format of ['table', 'json']) {
      const result = await runCli(['scan', '--config', config, '--format', format, '--debug'], { cwd: root });
      for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret);
    }
  });
});
