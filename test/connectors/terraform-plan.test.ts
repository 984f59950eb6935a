import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../connectors/terraform-plan/client.js';
import { mapPlannedValues } from '../../connectors/terraform-plan/map.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { plan } from '../helpers/plan.js';
import { one, snapshot, state } from '../helpers/state.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/terraform-plan');
const PLAN = readFileSync(join(FIXTURES, 'plan.json'), 'utf8');
const REFRESH_ONLY = readFileSync(join(FIXTURES, 'refresh-only.json'), 'utf8');
const SECRETS = ['planted-S3cret-pw', 'planted-admin-user'];

interface JsonReport {
  summary: Record<string, unknown>;
  drift: {
    kind: string;
    key: string;
    address?: string;
    location?: { file?: string; line?: number; uri?: string };
    changes: { path: string }[];
  }[];
  violations: {
    ruleId: string;
    key: string;
    location?: { file?: string; line?: number; uri?: string };
    address?: string;
  }[];
  scan: { sources: { connector: string; side: string; resources: number; status: string }[] };
}

async function scanJson(args: string[], files: Record<string, string>): Promise<JsonReport> {
  const cwd = tempDir(files);
  const result = await runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

describe('terraform-plan: planned values as the declared side', () => {
  it('maps managed planned resources with the keys and addresses of state; created ones are code-only', () => {
    const { resources, diagnostics } = mapPlannedValues(
      parsePlan(JSON.parse(PLAN), 'plan.json'),
      'plan.json',
    );
    // The legacy security group is destroyed by the plan: declared as it is until apply. The generated policy's
    // document is known only after apply.
    expect(diagnostics.map((d) => d.code)).toEqual(['plan.destroyed', 'plan.unknown-policy']);
    expect(resources.map((r) => [r.key, r.source.address, r.origin === 'code'])).toEqual([
      ['aws_db_instance.app-db', 'aws_db_instance.app', false],
      ['aws_s3_bucket.acme-logs', 'aws_s3_bucket.logs', false],
      ['aws_s3_bucket.acme-assets', 'module.storage.aws_s3_bucket.this["assets"]', false],
      ['aws_iam_policy.aws_iam_policy.breakglass', 'aws_iam_policy.breakglass', true],
      ['aws_iam_policy.aws_iam_policy.generated', 'aws_iam_policy.generated', true],
      ['aws_security_group.sg-0old', 'aws_security_group.legacy', false],
    ]);
    expect(resources[0]?.source).toEqual({
      connector: 'terraform-plan',
      location: 'plan.json',
      file: 'plan.json',
      address: 'aws_db_instance.app',
    });
    expect(resources[0]?.sensitivePaths).toEqual(['password', 'username']);
  });

  // The shapes Terraform 0.12 (format 0.1: provider names without a source address, no sensitive marks) and 1.0.1
  // (format 0.2: sensitive_values in planned values) write, cut down to one bucket.
  it.each([
    ['0.1', '0.12.31', 'aws', {}],
    ['0.2', '1.0.11', 'registry.terraform.io/hashicorp/aws', { sensitive_values: { tags: {} } }],
  ])('reads format_version %s (Terraform %s)', (formatVersion, terraformVersion, provider, extra) => {
    const values = { id: 'acme-old', bucket: 'acme-old', acl: 'private', tags: { Env: 'prod' } };
    const bucket = { address: 'aws_s3_bucket.old', mode: 'managed', type: 'aws_s3_bucket', name: 'old' };
    const raw = {
      format_version: formatVersion,
      terraform_version: terraformVersion,
      planned_values: {
        root_module: {
          resources: [{ ...bucket, provider_name: provider, schema_version: 0, values, ...extra }],
        },
      },
      resource_changes: [
        {
          ...bucket,
          provider_name: provider,
          change: { actions: ['no-op'], before: values, after: values, after_unknown: {} },
        },
      ],
    };
    const { resources, diagnostics } = mapPlannedValues(parsePlan(raw, 'old.json'), 'old.json');
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => [r.key, r.provider, r.attributes.tags])).toEqual([
      ['aws_s3_bucket.acme-old', 'aws', { Env: 'prod' }],
    ]);
  });

  it('puts the unknown marker wherever after_unknown says, at any depth', () => {
    const { resources } = mapPlannedValues(parsePlan(JSON.parse(PLAN), 'plan.json'), 'plan.json');
    const computed = { __unknown: true, reason: 'computed' };
    const logs = resources.find((r) => r.key === 'aws_s3_bucket.acme-logs');
    expect(logs?.attributes.tags_all).toEqual({ Env: 'prod', CostCenter: computed });
    expect(logs?.attributes.versioning).toEqual([{ enabled: true, mfa_delete: computed }]);
    const policy = resources.find((r) => r.source.address === 'aws_iam_policy.generated');
    expect(policy?.attributes).toMatchObject({ id: computed, arn: computed, policy: computed });
  });

  it('reports planned resources by key against live; unknowns and code-only resources are not drift', async () => {
    const live = snapshot(
      [
        {
          type: 'aws_s3_bucket',
          id: 'acme-logs',
          attributes: {
            bucket: 'acme-logs',
            tags: { Env: 'staging', CostCenter: '99' },
            versioning: { enabled: true, mfa_delete: true },
          },
        },
      ],
      ['aws_s3_bucket', 'aws_db_instance', 'aws_iam_policy'],
    );
    const report = await scanJson(['--plan', 'plan.json', '--live', 'snapshot:live.json'], {
      'plan.json': PLAN,
      'live.json': live,
    });
    expect(report.drift.map((d) => [d.kind, d.key, d.address])).toEqual([
      ['missing', 'aws_db_instance.app-db', 'aws_db_instance.app'],
      ['missing', 'aws_s3_bucket.acme-assets', 'module.storage.aws_s3_bucket.this["assets"]'],
      ['changed', 'aws_s3_bucket.acme-logs', 'aws_s3_bucket.logs'],
    ]);
    // tags_all.CostCenter and versioning.mfa_delete are known only after apply: never drift.
    expect(report.drift[2]?.changes).toEqual([{ path: 'tags.Env', declared: 'prod', live: 'staging' }]);
    expect(report.drift.every((d) => d.location?.file === 'plan.json')).toBe(true);
  });

  it('a resource the plan destroys is still declared until apply: its cloud object is not called unmanaged', async () => {
    const live = snapshot(
      [
        {
          type: 'aws_security_group',
          id: 'sg-0old',
          attributes: { name: 'legacy', description: 'legacy', ingress: [], egress: [], tags: {} },
        },
      ],
      ['aws_security_group'],
    );
    const report = await scanJson(['--plan', 'plan.json', '--live', 'snapshot:live.json'], {
      'plan.json': PLAN,
      'live.json': live,
    });
    expect(report.drift.filter((d) => d.key.includes('sg-0old'))).toEqual([]);
    expect(report.summary.managed).toBeGreaterThanOrEqual(1);
  });

  it('a plan Terraform could not finish (errored, or complete: false) is read, and the scan is incomplete', async () => {
    for (const [mark, problem] of [
      [{ errored: true }, 'errored: true'],
      [{ complete: false }, 'complete: false'],
    ] as const) {
      const cwd = tempDir({ 'plan.json': JSON.stringify({ ...JSON.parse(PLAN), ...mark }) });
      const result = await runCli(['scan', '--plan', 'plan.json', '--format', 'json', '--fail-on', 'none'], {
        cwd,
      });
      expect(result.code).toBe(3);
      const report = JSON.parse(result.stdout);
      expect(report.scan.complete).toBe(false);
      expect(report.scan.sources[0].status).toBe('partial');
      expect(report.scan.sources[0].problems.join('\n')).toContain(problem);
      expect(report.summary.declared).toBeGreaterThan(0);
    }
  });

  it('runs the policies on resources being created, at the plan file; an unknown policy never violates', async () => {
    const report = await scanJson(['--plan', 'plan.json'], { 'plan.json': PLAN });
    const iam = report.violations.filter((v) => v.key.startsWith('aws_iam_policy.'));
    expect(iam.map((v) => [v.ruleId, v.key, v.location, v.address])).toEqual([
      [
        'DW-AWS-IAM-001',
        'aws_iam_policy.aws_iam_policy.breakglass',
        { file: 'plan.json' },
        'aws_iam_policy.breakglass',
      ],
    ]);
    expect(iam.some((v) => v.address === 'aws_iam_policy.generated')).toBe(false);
  });

  it('never lets a sensitive value out, in any format', async () => {
    for (const secret of SECRETS) expect(PLAN).toContain(secret);
    const cwd = tempDir({ 'plan.json': PLAN });
    for (const format of ['json', 'table', 'markdown', 'sarif']) {
      const result = await runCli(['scan', '--plan', 'plan.json', '--format', format, '--fail-on', 'none'], {
        cwd,
      });
      expect(result.code).toBe(0);
      for (const secret of SECRETS) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    }
  });

  it('reads plans from the config file key plans', async () => {
    const report = await scanJson(['--config', 'driftwarden.yml'], {
      'plans/app.json': PLAN,
      'driftwarden.yml': 'plans: [plans/app.json]\n',
    });
    expect(report.scan.sources).toMatchObject([
      { connector: 'terraform-plan', side: 'declared', resources: 6, status: 'ok' },
    ]);
  });
});

describe('terraform-plan: a refresh-only plan is read as drift', () => {
  it('reports what drifted, against the state as last applied', async () => {
    const report = await scanJson(['--plan', 'refresh-only.json'], { 'refresh-only.json': REFRESH_ONLY });
    expect(report.drift.map((d) => [d.kind, d.key, d.address])).toEqual([
      ['missing', 'aws_instance.i-0bastion', 'aws_instance.bastion'],
      ['changed', 'aws_s3_bucket.acme-data', 'aws_s3_bucket.data'],
      ['changed', 'aws_security_group.sg-0web', 'aws_security_group.web'],
    ]);
    expect(report.drift[1]?.changes).toEqual([{ path: 'tags.Env', declared: 'prod', live: 'dev' }]);
    // The CIDR replaced in place is one change of that element.
    expect(report.drift[2]?.changes.map((c) => c.path)).toEqual(['ingress[0].cidr_blocks[0]']);
    expect(report.summary).toMatchObject({ declared: 4, live: 3, managed: 3, unmanaged: 0, missing: 1 });
    expect(report.scan.sources.map((s) => [s.side, s.resources])).toEqual([
      ['declared', 4],
      ['live', 3],
    ]);
  });

  it('with a cloud source as well, a bucket read both ways is one object, not an unmanaged twin', async () => {
    const live = JSON.stringify({
      snapshotVersion: 1,
      coveredTypes: ['aws_s3_bucket'],
      resources: [
        {
          type: 'aws_s3_bucket',
          id: 'acme-data',
          account: '111122223333',
          attributes: { bucket: 'acme-data', tags: { Env: 'dev' } },
        },
      ],
    });
    const report = await scanJson(['--plan', 'refresh-only.json', '--live', 'snapshot:live.json'], {
      'refresh-only.json': REFRESH_ONLY,
      'live.json': live,
    });
    const data = report.drift.filter((d) => d.key === 'aws_s3_bucket.acme-data');
    expect(data.map((d) => d.kind)).toEqual(['changed']);
    expect(report.summary.unmanaged).toBe(0);
  });

  it('speaks only for its own resources: another state of the same types is not reported deleted', async () => {
    const other = state([one('aws_instance', 'other', { id: 'i-0other' })]);
    const report = await scanJson(['--plan', 'refresh-only.json', '--state', 'other.tfstate'], {
      'refresh-only.json': REFRESH_ONLY,
      'other.tfstate': other,
    });
    expect(report.drift.map((d) => d.key)).not.toContain('aws_instance.i-0other');
    expect(report.summary).toMatchObject({ notCompared: 1, missing: 1, unmanaged: 0 });
  });
});

const BAD_PLANS: [string, string, string][] = [
  ['corrupt JSON', '{"format_version": "1.2", "planned_values": [}', 'invalid JSON (syntax error'],
  ['a JSON array', '[]', 'not a Terraform JSON plan: expected a JSON object'],
  ['no format_version', '{"planned_values": {}}', 'not a Terraform JSON plan: no "format_version" field'],
  [
    'a newer major format version',
    JSON.stringify({ format_version: '2.0', planned_values: { root_module: {} } }),
    'unsupported plan format version 2.0; driftwarden reads 0.1, 0.2 and 1.x',
  ],
  [
    'a format version Terraform never wrote',
    JSON.stringify({ format_version: '0.3', planned_values: { root_module: {} } }),
    'unsupported plan format version 0.3; driftwarden reads 0.1, 0.2 and 1.x',
  ],
  [
    'no planned_values',
    JSON.stringify({ format_version: '1.2', terraform_version: '1.9.8' }),
    'not a Terraform JSON plan: no "planned_values" field',
  ],
  [
    'a resource of the wrong shape, holding a secret',
    JSON.stringify({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [{ address: 'a.b', mode: 'managed', type: 'a', name: 'b', values: 'hunter2-secret' }],
        },
      },
    }),
    'invalid plan: planned_values.root_module.resources[0].values',
  ],
];

describe('terraform-plan: bad input is one line naming the file, exit 2', () => {
  it.each(BAD_PLANS)('%s', async (_name, content, problem) => {
    const cwd = tempDir({ 'bad.json': content });
    const result = await runCli(['scan', '--plan', 'bad.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`driftwarden: error: bad.json: ${problem}`);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a state given as a plan says so', async () => {
    const stateJson = JSON.stringify({ format_version: '1.0', values: { root_module: {} } });
    const result = await runCli(['scan', '--plan', 'state.json'], {
      cwd: tempDir({ 'state.json': stateJson }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'driftwarden: error: state.json: not a Terraform JSON plan: no "planned_values" field (this looks like `terraform show -json` of a state)',
    );
  });
});

describe('terraform-plan: policy documents known only after apply', () => {
  it('are unknown as a whole, not judged, and the report names them instead of letting them pass', async () => {
    const passRole = '{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}';
    const report = (await scanJson(['--plan', 'plan.json'], {
      'plan.json': plan([
        {
          type: 'aws_iam_policy',
          name: 'later',
          action: 'create',
          values: { name: 'later' },
          unknown: ['policy'],
        },
        {
          type: 'aws_iam_policy',
          name: 'known',
          action: 'create',
          values: { name: 'known', policy: passRole },
        },
        {
          type: 'aws_iam_role',
          name: 'app',
          action: 'create',
          values: { name: 'app' },
          unknown: ['arn', 'assume_role_policy'],
        },
      ]),
    })) as JsonReport & { scan: { diagnostics: { code: string; message: string }[] } };
    expect(report.violations.map((v) => [v.ruleId, v.key])).toEqual([
      ['DW-AWS-IAM-006', 'aws_iam_policy.aws_iam_policy.known'],
    ]);
    expect(
      report.scan.diagnostics.filter((d) => d.code === 'plan.unknown-policy').map((d) => d.message),
    ).toEqual([
      '2 policy document(s) are known only after apply, so the rules did not judge them: aws_iam_policy.later (policy), aws_iam_role.app (assume_role_policy)',
    ]);
  });

  it('a role inline policy known only after apply is named by its path', () => {
    const raw = JSON.parse(
      plan([{ type: 'aws_iam_role', name: 'app', action: 'create', values: { name: 'app' } }]),
    );
    raw.planned_values.root_module.resources[0].values.inline_policy = [{ name: 'p' }];
    raw.resource_changes[0].change.after_unknown = { inline_policy: [{ policy: true }] };
    const { resources, diagnostics } = mapPlannedValues(parsePlan(raw, 'plan.json'), 'plan.json');
    expect(resources[0]?.attributes.inline_policy).toEqual([
      { name: 'p', policy: { __unknown: true, reason: 'computed' } },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '1 policy document(s) are known only after apply, so the rules did not judge them: aws_iam_role.app (inline_policy[0].policy)',
    ]);
  });
});
