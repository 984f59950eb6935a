import type { DiffResult } from '../diff/classify.js';
import {
  type Diagnostic,
  REPORT_SCHEMA_VERSION,
  type Report,
  type SourceStatus,
  type Violation,
} from '../model/report.js';
import { SEVERITIES, severityRank } from '../model/severity.js';

export interface ReportInput {
  toolVersion: string;
  startedAt: Date;
  durationMs: number;
  statuses: SourceStatus[];
  diagnostics: Diagnostic[];
  declaredCount: number;
  liveCount: number;
  result: DiffResult;
  violations: Violation[];
}

export function buildReport(input: ReportInput): Report {
  const { result } = input;
  const count = (kind: string) => result.drift.filter((entry) => entry.kind === kind).length;
  const violations = [...input.violations].sort(compareViolations);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const violation of violations) bySeverity[violation.severity]++;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'driftwarden', version: input.toolVersion },
    scan: {
      startedAt: input.startedAt.toISOString(),
      durationMs: Math.max(0, Math.round(input.durationMs)),
      complete: input.statuses.every((status) => status.status === 'ok'),
      sources: input.statuses,
      diagnostics: input.diagnostics,
    },
    summary: {
      declared: input.declaredCount,
      live: input.liveCount,
      managed: result.managed,
      unmanaged: count('unmanaged'),
      missing: count('missing'),
      changed: count('changed'),
      notCompared: result.notCompared,
      ignored: result.ignored,
      coverage: input.liveCount === 0 ? 1 : round(result.managed / input.liveCount),
      violations: bySeverity,
    },
    drift: result.drift,
    violations,
  };
}

function round(ratio: number): number {
  return Math.round(ratio * 10_000) / 10_000;
}

/** Severity first, then key, then rule, so output is stable run to run. */
function compareViolations(a: Violation, b: Violation): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.key.localeCompare(b.key) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.origin.localeCompare(b.origin)
  );
}

export { SEVERITIES };
