import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { DriftEntry, Report, Violation, WaivedViolation } from '../../src/model/report.js';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { driftId, violationId } from '../../src/report/fingerprint.js';
import {
  artifactUri,
  plainText,
  renderSarif,
  SARIF_MAX_RESULTS,
  type SarifLog,
} from '../../src/report/sarif.js';

const schemaPath = join(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json');
const CANARY = 'canary-7f3a91e2-do-not-leak';

function rule(
  overrides: Partial<CatalogueRule> & Pick<CatalogueRule, 'id' | 'title' | 'severity'>,
): CatalogueRule {
  const slug = overrides.id.toLowerCase();
  return {
    description: `${overrides.title}.\nThis is the long description.`,
    category: 'encryption',
    resourceTypes: ['aws_s3_bucket'],
    controls: [],
    remediation: 'resource "aws_s3_bucket" "example" {\n  bucket = "example"\n}\n',
    equivalents: { checkov: [], trivy: [] },
    relatedResources: [`https://docs.example.com/${slug}`],
    entrypoint: `driftwarden/rules/${slug}/deny`,
    file: `policies/rules/${slug}.rego`,
    ...overrides,
  };
}

const RULES: CatalogueRule[] = [
  rule({
    id: 'DW-AWS-SQS-002',
    title: 'SQS queue not encrypted with a customer-managed key',
    severity: 'low',
  }),
  rule({
    id: 'DW-AWS-S3-001',
    title: 'S3 bucket allows public ACLs',
    severity: 'critical',
    category: 'network',
    controls: ['CIS-AWS-2.1.5', 'NIST-800-53-AC-3'],
    relatedResources: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    ],
    remediation:
      'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  restrict_public_buckets = true\n}\n',
  }),
  rule({ id: 'DW-AWS-IAM-001', title: "IAM policy allows '*' actions", severity: 'high', category: 'iam' }),
  rule({ id: 'DW-AWS-KMS-001', title: 'KMS key rotation is disabled', severity: 'medium' }),
  rule({ id: 'DW-AWS-EBS-001', title: 'EBS volume is not encrypted', severity: 'high' }),
];

const s3Violation: Violation = {
  ruleId: 'DW-AWS-S3-001',
  title: 'S3 bucket allows public ACLs',
  severity: 'critical',
  category: 'network',
  key: 'aws_s3_bucket.acme-logs',
  type: 'aws_s3_bucket',
  id: 'acme-logs',
  origin: 'declared',
  account: '123456789012',
  message: 'the bucket ACL is public-read',
  path: 'acl',
  location: { file: 'infra/storage.tf', line: 14 },
  address: 'aws_s3_bucket.logs',
};

function violations(): Violation[] {
  return [
    {
      ruleId: 'DW-AWS-IAM-001',
      title: "IAM policy allows '*' actions",
      severity: 'high',
      category: 'iam',
      key: 'aws_iam_policy.arn:aws:iam::123456789012:policy/admin-all',
      type: 'aws_iam_policy',
      id: 'arn:aws:iam::123456789012:policy/admin-all',
      origin: 'live',
      account: '123456789012',
      message: 'Statement[0] allows Action "*"',
      path: 'policy.Statement[0].Action',
      location: { uri: 'arn:aws:iam::123456789012:policy/admin-all' },
    },
    { ...s3Violation },
    {
      ruleId: 'DW-AWS-KMS-001',
      title: 'KMS key rotation is disabled',
      severity: 'medium',
      category: 'encryption',
      key: 'aws_kms_key.1234abcd-12ab-34cd-56ef-1234567890ab',
      type: 'aws_kms_key',
      id: '1234abcd-12ab-34cd-56ef-1234567890ab',
      origin: 'declared',
      message: 'enable_key_rotation is false',
      path: 'enable_key_rotation',
      location: { file: 'state/prod.tfstate' },
      address: 'module.crypto.aws_kms_key.app',
    },
    {
      ruleId: 'DW-AWS-SQS-002',
      title: 'SQS queue not encrypted with a customer-managed key',
      severity: 'low',
      category: 'encryption',
      key: 'aws_sqs_queue.https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
      type: 'aws_sqs_queue',
      id: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
      origin: 'live',
      message: 'the queue uses SQS-managed encryption, not a KMS key',
      location: { uri: 'aws-config us-east-1 AWS::SQS::Queue jobs' },
    },
    {
      ruleId: 'USER-TAGS-001',
      title: 'Resource has no owner tag',
      severity: 'low',
      category: 'secrets',
      key: 'aws_s3_bucket.acme-logs',
      type: 'aws_s3_bucket',
      id: 'acme-logs',
      origin: 'live',
      message: 'tags.owner is missing',
      location: { file: 'live.json' },
    },
  ];
}

function waived(): WaivedViolation[] {
  return [
    {
      ...s3Violation,
      key: 'aws_s3_bucket.acme-website',
      id: 'acme-website',
      address: 'aws_s3_bucket.website',
      location: { file: 'infra/storage.tf', line: 31 },
      message: 'the bucket ACL is public-read',
      waiver: { reason: 'static website, public by design', source: 'infra/storage.tf:30' },
    },
    {
      ruleId: 'DW-AWS-IAM-001',
      title: "IAM policy allows '*' actions",
      severity: 'high',
      category: 'iam',
      key: 'aws_iam_role_policy.break-glass:admin',
      type: 'aws_iam_role_policy',
      id: 'break-glass:admin',
      origin: 'declared',
      message: 'Statement[0] allows Action "*"',
      location: { file: 'infra/iam.tf', line: 3 },
      address: 'aws_iam_role_policy.break_glass',
      waiver: {
        reason: 'break-glass role, reviewed quarterly',
        source: 'config waivers[0]',
        expires: '2099-01-01',
      },
    },
  ];
}

function drift(): DriftEntry[] {
  return [
    {
      kind: 'unmanaged',
      key: 'aws_s3_bucket.hand-made',
      type: 'aws_s3_bucket',
      id: 'hand-made',
      provider: 'aws',
      account: '123456789012',
      location: { uri: 'arn:aws:s3:::hand-made' },
      changes: [],
    },
    {
      kind: 'changed',
      key: 'aws_s3_bucket.acme-logs',
      type: 'aws_s3_bucket',
      id: 'acme-logs',
      provider: 'aws',
      address: 'aws_s3_bucket.logs',
      location: { file: 'state/prod.tfstate' },
      changes: [
        { path: 'tags.env', declared: 'prod', live: CANARY },
        { path: 'acl', declared: 'private', live: { grant: [CANARY] } },
      ],
    },
    {
      kind: 'missing',
      key: 'aws_sqs_queue.orders',
      type: 'aws_sqs_queue',
      id: 'orders',
      provider: 'aws',
      address: 'aws_sqs_queue.orders',
      location: { file: 'infra/queues.tf', line: 8 },
      changes: [],
    },
  ];
}

function makeReport(): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'driftwarden', version: '0.1.0' },
    scan: {
      startedAt: '2026-05-01T06:00:00.000Z',
      durationMs: 1234,
      complete: false,
      sources: [
        {
          connector: 'terraform-state',
          side: 'declared',
          location: 'state/prod.tfstate',
          resources: 42,
          status: 'ok',
        },
        {
          connector: 'aws-config',
          side: 'live',
          location: 'aws-config us-east-1',
          resources: 0,
          status: 'failed',
          error: 'AccessDeniedException: not authorized to perform config:SelectResourceConfig',
        },
      ],
      diagnostics: [],
      policies: {
        rules: 37,
        failed: [{ ruleId: 'DW-AWS-RDS-001', error: 'eval_undefined_function: rds.encrypted' }],
      },
    },
    summary: {
      declared: 42,
      live: 40,
      managed: 39,
      unmanaged: 1,
      missing: 1,
      changed: 1,
      notCompared: 0,
      ignored: 0,
      waived: 2,
      coverage: 39 / 40,
      unknown: 0,
      violations: { critical: 1, high: 1, medium: 1, low: 2 },
    },
    drift: drift(),
    violations: violations(),
    waived: waived(),
  };
}

const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const run = (log: SarifLog) => log.runs[0]!;
const fingerprintOf = (result: { partialFingerprints: Record<string, string> }) =>
  result.partialFingerprints['driftwarden/v1'];

describe('renderSarif', () => {
  const text = renderSarif(makeReport(), RULES);
  const log = parse(text);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    // The schema does bite: an unknown level is refused.
    const broken = parse(text);
    (run(broken).results[0] as { level: string }).level = 'critical';
    expect(validate(broken)).toBe(false);
  });

  it('is 2-space-indented JSON with a trailing newline, and the same for the same input in any order', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
    const shuffled = makeReport();
    shuffled.violations.reverse();
    shuffled.drift.reverse();
    shuffled.waived.reverse();
    expect(renderSarif(shuffled, [...RULES].reverse())).toBe(text);
  });

  it('describes the tool and one run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = run(log).tool;
    expect(driver.name).toBe('driftwarden');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://github.com/driftwarden/driftwarden');
  });

  it('gives a critical code violation its rule, level, fingerprint, file and line', () => {
    const result = run(log).results.find(
      (r) => r.message.text.startsWith('the bucket ACL') && !r.suppressions,
    );
    const rules = run(log).tool.driver.rules;
    expect(result).toEqual({
      ruleId: 'DW-AWS-S3-001',
      ruleIndex: rules.findIndex((r) => r.id === 'DW-AWS-S3-001'),
      level: 'error',
      message: { text: 'the bucket ACL is public-read (aws_s3_bucket.acme-logs, declared)' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'infra/storage.tf' }, region: { startLine: 14 } },
          logicalLocations: [
            { name: 'aws_s3_bucket.acme-logs', kind: 'resource', fullyQualifiedName: 'aws_s3_bucket.logs' },
          ],
        },
      ],
      partialFingerprints: { 'driftwarden/v1': violationId(s3Violation) },
    });
  });

  it('describes the rule with help, remediation in an hcl block, controls, links and GitHub properties', () => {
    const s3 = run(log).tool.driver.rules.find((r) => r.id === 'DW-AWS-S3-001')!;
    expect(s3.name).toBe('S3BucketAllowsPublicACLs');
    expect(s3.shortDescription.text).toBe('S3 bucket allows public ACLs');
    expect(s3.fullDescription.text).toBe('S3 bucket allows public ACLs.\nThis is the long description.');
    expect(s3.helpUri).toBe(
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    );
    expect(s3.help.markdown).toContain('```hcl\nresource "aws_s3_bucket_public_access_block" "logs" {');
    expect(s3.help.markdown).toContain('`CIS-AWS-2.1.5`');
    expect(s3.help.markdown).toContain(
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    );
    expect(s3.help.text).toContain('block_public_acls       = true');
    expect(s3.defaultConfiguration.level).toBe('error');
    expect(s3.properties).toEqual({
      tags: ['security', 'network', 'CIS-AWS-2.1.5', 'NIST-800-53-AC-3'],
      'security-severity': '9.5',
      precision: 'very-high',
    });
  });

  it('maps each severity to a level and a security-severity', () => {
    const byId = new Map(run(log).tool.driver.rules.map((r) => [r.id, r]));
    const expected: [string, string, string][] = [
      ['DW-AWS-S3-001', 'error', '9.5'],
      ['DW-AWS-IAM-001', 'error', '8.0'],
      ['DW-AWS-KMS-001', 'warning', '5.5'],
      ['DW-AWS-SQS-002', 'note', '2.0'],
    ];
    for (const [id, level, securitySeverity] of expected) {
      expect([
        id,
        byId.get(id)?.defaultConfiguration.level,
        byId.get(id)?.properties['security-severity'],
      ]).toEqual([id, level, securitySeverity]);
    }
    for (const result of run(log).results) {
      expect(result.level).toBe(byId.get(result.ruleId)?.defaultConfiguration.level);
    }
  });

  it('gives drift rules a level but no security-severity: GitHub reads it only from rules tagged security', () => {
    const byId = new Map(run(log).tool.driver.rules.map((r) => [r.id, r]));
    const expected: [string, string][] = [
      ['DW-DRIFT-CHANGED', 'warning'],
      ['DW-DRIFT-MISSING', 'warning'],
      ['DW-DRIFT-UNMANAGED', 'note'],
    ];
    for (const [id, level] of expected) {
      const rule = byId.get(id);
      expect([id, rule?.defaultConfiguration.level, rule?.properties.tags]).toEqual([id, level, ['drift']]);
      expect(rule?.properties).not.toHaveProperty('security-severity');
    }
  });

  it('lists only rules with findings, sorted by id, and results sorted by rule then fingerprint', () => {
    const { rules } = run(log).tool.driver;
    expect(rules.map((r) => r.id)).toEqual([
      'DW-AWS-IAM-001',
      'DW-AWS-KMS-001',
      'DW-AWS-S3-001',
      'DW-AWS-SQS-002',
      'DW-DRIFT-CHANGED',
      'DW-DRIFT-MISSING',
      'DW-DRIFT-UNMANAGED',
      'USER-TAGS-001',
    ]);
    const results = run(log).results;
    expect(results).toHaveLength(10);
    for (const result of results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    const order = results.map((r) => `${r.ruleId} ${fingerprintOf(r)}`);
    expect(order).toEqual([...order].sort());
  });

  it('describes a rule missing from the catalogue from its violation', () => {
    const user = run(log).tool.driver.rules.find((r) => r.id === 'USER-TAGS-001')!;
    expect(user.name).toBe('ResourceHasNoOwnerTag');
    expect(user.helpUri).toBeUndefined();
    expect(user.properties.tags).toEqual(['security', 'secrets']);
  });

  it('puts results at the file that declares them; live-only ones at the fallback file, or at no file', () => {
    const physical = (sarif: SarifLog, ruleId: string) =>
      run(sarif).results.find((r) => r.ruleId === ruleId && !r.suppressions)?.locations[0]?.physicalLocation;
    expect(physical(log, 'DW-AWS-KMS-001')).toEqual({
      artifactLocation: { uri: 'state/prod.tfstate' },
      region: { startLine: 1 },
    });
    expect(physical(log, 'USER-TAGS-001')).toEqual({
      artifactLocation: { uri: 'live.json' },
      region: { startLine: 1 },
    });
    expect(physical(log, 'DW-DRIFT-MISSING')).toEqual({
      artifactLocation: { uri: 'infra/queues.tf' },
      region: { startLine: 8 },
    });
    // No file declares these, and no config file was read: no invented file, only the resource.
    for (const ruleId of ['DW-AWS-IAM-001', 'DW-AWS-SQS-002', 'DW-DRIFT-UNMANAGED']) {
      expect(physical(log, ruleId)).toBeUndefined();
      const result = run(log).results.find((r) => r.ruleId === ruleId && !r.suppressions);
      expect(result?.locations[0]?.logicalLocations[0]?.kind).toBe('resource');
    }
    const withConfig = parse(renderSarif(makeReport(), RULES, { fallbackFile: 'infra/driftwarden.yml' }));
    for (const ruleId of ['DW-AWS-IAM-001', 'DW-AWS-SQS-002', 'DW-DRIFT-UNMANAGED'])
      expect(physical(withConfig, ruleId)).toEqual({
        artifactLocation: { uri: 'infra/driftwarden.yml' },
        region: { startLine: 1 },
      });
  });

  it('writes uris for relative files: forward slashes, no leading ./, percent-encoded', () => {
    expect(artifactUri('./infra/main.tf')).toBe('infra/main.tf');
    expect(artifactUri('envs\\prod\\main.bicep')).toBe('envs/prod/main.bicep');
    expect(artifactUri('k8s/app config.yaml')).toBe('k8s/app%20config.yaml');
    expect(artifactUri('infra-ü/main.tf')).toBe('infra-%C3%BC/main.tf');
  });

  it("caps a run at GitHub's 25,000 results, most severe first, with a notification saying how many are left", () => {
    const capped = parse(renderSarif(makeReport(), RULES, { maxResults: 3 }));
    const results = run(capped).results;
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.level === 'error')).toBe(true);
    const notes = run(capped).invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.at(-1)).toEqual({
      level: 'warning',
      message: {
        text: '7 of 10 results are left out: GitHub code scanning takes at most 3 per run; the most severe are kept, and the JSON report has them all.',
      },
    });
    expect(run(capped).properties).toEqual({ resultsLeftOut: 7, resultsTotal: 10 });
    expect(SARIF_MAX_RESULTS).toBe(25_000);
    expect(run(log).properties).toBeUndefined();
  });

  it('sets baselineState from --baseline: new and unchanged', () => {
    const report = makeReport();
    report.violations = report.violations.map((v, i) => ({ ...v, status: i === 0 ? 'new' : 'unchanged' }));
    report.drift = report.drift.map((d) => ({ ...d, status: 'new' }));
    report.baseline = { source: 'last.json', new: 4, unchanged: 4, resolved: { drift: [], violations: [] } };
    const results = run(parse(renderSarif(report, RULES))).results.filter((r) => !r.suppressions);
    const states = results.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(4);
    expect(states.filter((s) => s === 'unchanged')).toHaveLength(4);
    expect(run(log).results.every((r) => r.baselineState === undefined)).toBe(true);
  });

  it('marks waived violations suppressed: in source for inline waivers, external for config waivers', () => {
    const suppressed = run(log).results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.suppressions])).toEqual([
      [
        'DW-AWS-IAM-001',
        [
          {
            kind: 'external',
            justification: 'break-glass role, reviewed quarterly',
            properties: { expires: '2099-01-01' },
          },
        ],
      ],
      ['DW-AWS-S3-001', [{ kind: 'inSource', justification: 'static website, public by design' }]],
    ]);
    const inline = suppressed.find((r) => r.ruleId === 'DW-AWS-S3-001')!;
    expect(fingerprintOf(inline)).toBe(violationId(waived()[0]!));
    expect(inline.locations[0]?.physicalLocation?.region?.startLine).toBe(31);
  });

  it('keeps fingerprints when only a line number changes, and changes them for another resource', () => {
    const moved = makeReport();
    moved.violations = moved.violations.map((v) =>
      v.ruleId === 'DW-AWS-S3-001' ? { ...v, location: { file: 'infra/storage.tf', line: 99 } } : v,
    );
    moved.drift = moved.drift.map((d) =>
      d.kind === 'missing' ? { ...d, location: { file: 'infra/queues.tf', line: 120 } } : d,
    );
    const before = run(log).results;
    const after = run(parse(renderSarif(moved, RULES))).results;
    expect(after.map(fingerprintOf)).toEqual(before.map(fingerprintOf));
    const s3After = after.find((r) => r.ruleId === 'DW-AWS-S3-001' && !r.suppressions)!;
    expect(s3After.locations[0]?.physicalLocation?.region?.startLine).toBe(99);

    const other = violationId({ ...s3Violation, key: 'aws_s3_bucket.other' });
    expect(other).not.toBe(violationId(s3Violation));
  });

  it('reports drift under the three drift rules with the report fingerprints, naming paths but no values', () => {
    const driftResults = run(log).results.filter((r) => r.ruleId.startsWith('DW-DRIFT-'));
    const entries = drift();
    expect(driftResults.map((r) => [r.ruleId, fingerprintOf(r)])).toEqual([
      ['DW-DRIFT-CHANGED', driftId(entries[1]!)],
      ['DW-DRIFT-MISSING', driftId(entries[2]!)],
      ['DW-DRIFT-UNMANAGED', driftId(entries[0]!)],
    ]);
    expect(driftResults.map((r) => r.message.text)).toEqual([
      'aws_s3_bucket.logs (aws_s3_bucket.acme-logs) differs from its declaration in 2 attributes: tags.env, acl.',
      'aws_sqs_queue.orders (aws_sqs_queue.orders) is declared but was not found live.',
      'aws_s3_bucket.hand-made in account 123456789012 exists live but is not declared.',
    ]);
    const changed = run(log).tool.driver.rules.find((r) => r.id === 'DW-DRIFT-CHANGED')!;
    expect(changed.properties.tags).toEqual(['drift']);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('"prod"');
  });

  it('records an incomplete scan with a notification per failed source and failed rule', () => {
    expect(run(log).invocations).toEqual([
      {
        executionSuccessful: false,
        startTimeUtc: '2026-05-01T06:00:00.000Z',
        toolExecutionNotifications: [
          {
            level: 'error',
            message: {
              text: 'The live source aws-config (aws-config us-east-1) failed: AccessDeniedException: not authorized to perform config:SelectResourceConfig',
            },
          },
          {
            level: 'error',
            message: {
              text: 'The rule DW-AWS-RDS-001 could not run: eval_undefined_function: rds.encrypted',
            },
            associatedRule: { id: 'DW-AWS-RDS-001' },
          },
        ],
      },
    ]);
  });

  it('renders an empty, complete scan as a valid log with no rules and no results', () => {
    const empty: Report = { ...makeReport(), drift: [], violations: [], waived: [] };
    empty.scan = { ...empty.scan, complete: true, sources: [], policies: { rules: 37, failed: [] } };
    const emptyLog = parse(renderSarif(empty, RULES));
    expect(run(emptyLog).tool.driver.rules).toEqual([]);
    expect(run(emptyLog).results).toEqual([]);
    expect(run(emptyLog).invocations[0]?.executionSuccessful).toBe(true);
    const ajv = new Ajv({ strict: false, validateFormats: false });
    expect(ajv.validate(JSON.parse(readFileSync(schemaPath, 'utf8')), emptyLog)).toBe(true);
  });
});

describe('SARIF plain text', () => {
  it('escapes brackets (no embedded links from values) and replaces control characters and lone surrogates', () => {
    expect(plainText('see [here](https://x) \\ ok')).toBe('see \\[here\\](https://x) \\\\ ok');
    expect(plainText('a\u001b[31mb\u009bc\ud800d')).toBe('a\ufffd\\[31mb\ufffdc\ufffdd');
    expect(plainText('tab\tand\nline')).toBe('tab\tand\nline');
    expect(plainText('😀')).toBe('😀');
  });
});
