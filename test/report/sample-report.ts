import type { Report } from '../../src/model/report.js';

/** A realistic report for renderer tests, built inline. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'driftwarden', version: '0.1.0' },
    scan: {
      startedAt: '2026-11-28T02:00:00.000Z',
      durationMs: 1234,
      complete: true,
      sources: [{ connector: 'terraform-state', side: 'declared', location: 'states/prod.tfstate', resources: 3, status: 'ok' }],
      diagnostics: [],
      policies: { rules: 37, failed: [] },
    },
    summary: {
      declared: 3,
      live: 3,
      managed: 2,
      unmanaged: 1,
      missing: 1,
      changed: 1,
      notCompared: 0,
      ignored: 0,
      waived: 0,
      coverage: 0.6667,
      violations: { critical: 1, high: 0, medium: 0, low: 1 },
    },
    drift: [
      { kind: 'missing', key: 'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts', type: 'aws_sns_topic', id: 'arn:aws:sns:eu-west-1:1:alerts', provider: 'aws', address: 'aws_sns_topic.alerts', location: 'states/prod.tfstate', changes: [] },
      {
        kind: 'changed',
        key: 'aws_s3_bucket.data',
        type: 'aws_s3_bucket',
        id: 'data',
        provider: 'aws',
        address: 'module.s3.aws_s3_bucket.this["data"]',
        location: 'states/prod.tfstate',
        changes: [{ path: 'versioning.enabled', declared: true, live: false }],
      },
      { kind: 'unmanaged', key: 'aws_iam_user.bob', type: 'aws_iam_user', id: 'bob', provider: 'aws', location: 'live.json', changes: [] },
    ],
    violations: [
      { ruleId: 'DW-AWS-IAM-001', title: 'Admin', severity: 'critical', category: 'iam', key: 'aws_iam_policy.admin', type: 'aws_iam_policy', id: 'admin', origin: 'live', message: 'allows every action on every resource', path: 'policy.Statement[0]', location: 'live.json' },
      { ruleId: 'DW-AWS-S3-003', title: 'TLS', severity: 'low', category: 'encryption', key: 'aws_s3_bucket.data', type: 'aws_s3_bucket', id: 'data', origin: 'declared', message: 'no TLS deny', path: 'policy', location: 'states/prod.tfstate' },
    ],
    waived: [],
    ...overrides,
  };
}
