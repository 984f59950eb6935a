import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { CodeFile } from '../../src/fix/code-index.js';
import { planFixes } from '../../src/fix/plan.js';
import { fixText } from '../../src/fix/text.js';
import type { DriftEntry } from '../../src/model/report.js';
import { packageRoot } from '../../src/util/package-info.js';
import { gitApply, gitRepo, readText, terraformFmtCheck } from '../helpers/git-apply.js';

const root = packageRoot();

function changed(type: string, address: string, changes: DriftEntry['changes']): DriftEntry {
  return { kind: 'changed', key: `${type}.${address}`, type, id: address, provider: 'aws', address, changes };
}

function fixture(path: string): CodeFile {
  return new CodeFile(path, readFileSync(join(root, 'fixtures/fix', path), 'utf8'));
}

/** The example estate's four changed resources, as its scan reports them (fixtures/example/README.md). */
const EXAMPLE: DriftEntry[] = [
  changed('aws_iam_policy', 'aws_iam_policy.deploy', [
    { path: 'policy.Statement[0].Action[3]', declared: null, live: 'iam:PassRole' },
  ]),
  changed('aws_s3_bucket', 'module.buckets.aws_s3_bucket.this["data"]', [
    { path: 'versioning.enabled', declared: true, live: false },
  ]),
  changed('aws_security_group', 'module.network.aws_security_group.app', [
    { path: 'ingress[0]', declared: null, live: { from_port: 22, to_port: 22, protocol: 'tcp' } },
  ]),
  changed('aws_sqs_queue', 'aws_sqs_queue.payments_events', [
    { path: 'tags.team', declared: 'payments', live: 'platform' },
  ]),
];

describe('driftwarden fix: accepting the live value as a patch to the HCL', () => {
  it("patches the example estate's retagged queue, and says why the other three are not patched", () => {
    const plan = planFixes(EXAMPLE, [fixture('iam/main.tf'), fixture('storage/main.tf')]);
    expect(plan.patch).toBe(
      [
        'diff --git a/storage/main.tf b/storage/main.tf',
        '--- a/storage/main.tf',
        '+++ b/storage/main.tf',
        '@@ -43,7 +43,7 @@',
        ' ',
        '   tags = {',
        '     Name = "acme-prod-payments-events"',
        '-    team = "payments"',
        '+    team = "platform"',
        '   }',
        ' }',
        ' ',
        '',
      ].join('\n'),
    );
    expect(plan.proposals.map((p) => [p.address, p.attributes])).toEqual([
      [
        'aws_iam_policy.deploy',
        [{ path: 'policy.Statement[0].Action[3]', patched: false, why: 'function', line: 6 }],
      ],
      [
        'module.buckets.aws_s3_bucket.this["data"]',
        [{ path: 'versioning.enabled', patched: false, why: 'module' }],
      ],
      ['module.network.aws_security_group.app', [{ path: 'ingress[0]', patched: false, why: 'module' }]],
      ['aws_sqs_queue.payments_events', [{ path: 'tags.team', patched: true, line: 46 }]],
    ]);
    const queue = plan.proposals[3];
    expect([queue?.file, queue?.line, queue?.revert, queue?.refresh]).toEqual([
      'storage/main.tf',
      37,
      'terraform apply -target=aws_sqs_queue.payments_events',
      'terraform apply -refresh-only -target=aws_sqs_queue.payments_events',
    ]);
    expect(plan.proposals[1]?.revert).toBe(
      `terraform apply -target='module.buckets.aws_s3_bucket.this["data"]'`,
    );
  });

  it('writes a patch that git apply --check accepts on the real files, which then read the live value', async () => {
    const files = {
      'storage/main.tf': readFileSync(join(root, 'fixtures/fix/storage/main.tf'), 'utf8'),
      'iam/main.tf': readFileSync(join(root, 'fixtures/fix/iam/main.tf'), 'utf8'),
    };
    const dir = gitRepo(files);
    const plan = planFixes(EXAMPLE, [fixture('iam/main.tf'), fixture('storage/main.tf')]);
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    const patched = readText(dir, 'storage/main.tf');
    expect(patched).toBe(plan.files[0]?.after);
    const json = (await parse('main.tf', patched)) as {
      resource: Record<string, Record<string, { tags: unknown }[]>>;
    };
    expect(json.resource.aws_sqs_queue?.payments_events?.[0]?.tags).toEqual({
      Name: 'acme-prod-payments-events',
      team: 'platform',
    });
    const fmt = terraformFmtCheck(dir, 'storage/main.tf');
    if (fmt) expect(fmt).toEqual({ ok: true, output: '' });
  });

  it('patches literals wherever they are written, keeping alignment, comments, other lines and CRLF endings', async () => {
    const text = [
      'resource "aws_db_instance" "app" {',
      '  identifier              = "acme-prod-app" # the name',
      '  backup_retention_period = 14',
      '  multi_az                = true',
      '  maintenance_window      = "sun:03:30-sun:04:30"',
      '',
      '  enabled_cloudwatch_logs_exports = ["upgrade", "postgresql"]',
      '',
      '  tags = {',
      '    "cost-centre" = "1234"',
      '  }',
      '}',
      '',
    ].join('\r\n');
    const dir = gitRepo({ 'main.tf': text });
    const plan = planFixes(
      [
        changed('aws_db_instance', 'aws_db_instance.app', [
          { path: 'backup_retention_period', declared: 14, live: 7 },
          { path: 'multi_az', declared: true, live: false },
          {
            path: 'enabled_cloudwatch_logs_exports',
            declared: ['postgresql', 'upgrade'],
            live: ['postgresql'],
          },
          { path: 'tags["cost-centre"]', declared: '1234', live: '5678' },
        ]),
      ],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals[0]?.attributes.every((a) => a.patched)).toBe(true);
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    const after = readText(dir, 'main.tf');
    expect(after.split('\r\n')).toEqual([
      'resource "aws_db_instance" "app" {',
      '  identifier              = "acme-prod-app" # the name',
      '  backup_retention_period = 7',
      '  multi_az                = false',
      '  maintenance_window      = "sun:03:30-sun:04:30"',
      '',
      '  enabled_cloudwatch_logs_exports = ["postgresql"]',
      '',
      '  tags = {',
      '    "cost-centre" = "5678"',
      '  }',
      '}',
      '',
    ]);
  });

  it('escapes a hostile live string so that it stays one string, with no interpolation or directive', async () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  tags = {\n    team = "payments"\n  }\n}';
    const hostile = `a"b\\c \${file("/etc/passwd")} %{ if true }x%{ endif }\nd\u0007`;
    const dir = gitRepo({ 'main.tf': text });
    const plan = planFixes(
      [
        changed('aws_sqs_queue', 'aws_sqs_queue.q', [
          { path: 'tags.team', declared: 'payments', live: hostile },
        ]),
      ],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals[0]?.attributes).toEqual([{ path: 'tags.team', patched: true, line: 3 }]);
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    const after = readText(dir, 'main.tf');
    expect(after).toBe(
      'resource "aws_sqs_queue" "q" {\n  tags = {\n    team = "a\\"b\\\\c $${file(\\"/etc/passwd\\")} %%{ if true }x%%{ endif }\\nd\\u0007"\n  }\n}',
    );
    const json = (await parse('main.tf', after)) as {
      resource: Record<string, Record<string, { tags: unknown }[]>>;
    };
    expect(json.resource.aws_sqs_queue?.q?.[0]?.tags).toEqual({
      team: hostile.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{'),
    });
  });

  it('adds a key the live side has and the code does not write, aligned as terraform fmt aligns it', async () => {
    const text = readFileSync(join(root, 'fixtures/fix/storage/main.tf'), 'utf8');
    const dir = gitRepo({ 'main.tf': text });
    const plan = planFixes(
      [
        changed('aws_sqs_queue', 'aws_sqs_queue.payments_events', [
          { path: 'tags.on-call', declared: null, live: 'payments-oncall' },
          { path: 'tags.tier', declared: null, live: 'gold' },
          { path: 'delay_seconds', declared: null, live: 5 },
        ]),
        changed('aws_kms_key', 'aws_kms_key.data', [
          { path: 'tags["cost centre"]', declared: null, live: '42' },
        ]),
      ],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals.map((p) => p.attributes)).toEqual([
      [
        { path: 'tags.on-call', patched: true, line: 47 },
        { path: 'tags.tier', patched: true, line: 48 },
        { path: 'delay_seconds', patched: true, line: 43 },
      ],
      [{ path: 'tags["cost centre"]', patched: true, line: 29 }],
    ]);
    expect(gitApply(dir, plan.patch)).toBeUndefined();
    const after = readText(dir, 'main.tf');
    expect(after).toContain(
      '  sqs_managed_sse_enabled    = true\n  delay_seconds              = 5\n\n  tags = {\n',
    );
    expect(after).toContain(
      '    team = "payments"\n    on-call = "payments-oncall"\n    tier = "gold"\n  }\n',
    );
    expect(after).toContain('    Name = "acme-prod-data"\n    "cost centre" = "42"\n');
    const json = (await parse('main.tf', after)) as {
      resource: Record<string, Record<string, { tags: unknown; delay_seconds?: unknown }[]>>;
    };
    expect(json.resource.aws_sqs_queue?.payments_events?.[0]?.delay_seconds).toBe(5);
    expect(json.resource.aws_kms_key?.data?.[0]?.tags).toEqual({
      Name: 'acme-prod-data',
      'cost centre': '42',
    });
  });

  it('adds nothing where the layout is not known: a one-line map, an empty one, or a list or map in a block', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  tags = { a = "1" }\n  policy = {}\n}\n';
    const plan = planFixes(
      [
        changed('aws_sqs_queue', 'aws_sqs_queue.q', [
          { path: 'tags.b', declared: null, live: '2' },
          { path: 'policy.Version', declared: null, live: '2012-10-17' },
          { path: 'redrive', declared: null, live: { a: 1 } },
        ]),
      ],
      [new CodeFile('main.tf', text)],
    );
    expect(plan.proposals[0]?.attributes.map((a) => [a.path, a.patched])).toEqual([
      ['tags.b', false],
      ['policy.Version', false],
      ['redrive', false],
    ]);
    expect(plan.patch).toBe('');
  });

  it('says, when it patches only part of a resource, that the next apply reverts the rest', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  delay_seconds = 0\n  name          = var.name\n}\n';
    const plan = planFixes(
      [
        changed('aws_sqs_queue', 'aws_sqs_queue.q', [
          { path: 'delay_seconds', declared: 0, live: 5 },
          { path: 'name', declared: 'a', live: 'b' },
        ]),
      ],
      [new CodeFile('q.tf', text)],
    );
    expect(
      fixText(plan, (t) => t)
        .split('\n')
        .slice(0, 6),
    ).toEqual([
      'aws_sqs_queue.q (q.tf:1)',
      '  accept: patch delay_seconds (line 2)',
      '          then terraform apply -refresh-only -target=aws_sqs_queue.q',
      '          (the next terraform apply reverts what the patch leaves out)',
      '  not patched: name (line 3): the value comes from a variable (var.*): change its value where it is set',
      '  revert: terraform apply -target=aws_sqs_queue.q',
    ]);
  });
});
