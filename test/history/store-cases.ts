import type { DriftEntry, Report, Violation } from '../../src/model/report.js';
import { sampleReport } from '../report/sample-report.js';

/** A report of a scan at `startedAt` with the given findings, both sides read and rules run. */
export function scanAt(
  startedAt: string,
  drift: DriftEntry[],
  violations: Violation[] = [],
  overrides: Partial<Report['scan']> = {},
): Report {
  const base = sampleReport();
  const live = {
    connector: 'snapshot',
    side: 'live',
    location: 'live.json',
    resources: 3,
    status: 'ok',
  } as const;
  return {
    ...base,
    scan: { ...base.scan, startedAt, sources: [...base.scan.sources, live], ...overrides },
    summary: {
      ...base.summary,
      changed: drift.filter((d) => d.kind === 'changed').length,
      missing: drift.filter((d) => d.kind === 'missing').length,
      unmanaged: drift.filter((d) => d.kind === 'unmanaged').length,
      violations: { critical: violations.length, high: 0, medium: 0, low: 0 },
    },
    drift,
    violations,
  };
}

export function unmanaged(name: string): DriftEntry {
  return {
    kind: 'unmanaged',
    key: `aws_iam_user.${name}`,
    type: 'aws_iam_user',
    id: name,
    provider: 'aws',
    changes: [],
  };
}

export function adminPolicy(name: string): Violation {
  return {
    ruleId: 'DW-AWS-IAM-001',
    title: 'Admin',
    severity: 'critical',
    category: 'iam',
    key: `aws_iam_policy.${name}`,
    type: 'aws_iam_policy',
    id: name,
    origin: 'live',
    message: 'allows every action on every resource',
  };
}

export const DAY1 = '2026-11-01T02:00:00.000Z';
export const DAY2 = '2026-11-02T02:00:00.000Z';
export const DAY3 = '2026-11-03T02:00:00.000Z';
