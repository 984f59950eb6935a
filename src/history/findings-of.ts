import type { Report } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { driftId, violationId } from '../report/fingerprint.js';
import type { FindingCategory, FindingToRecord, ScanSummary, ScanToRecord } from './store.js';

/**
 * What a report puts in the store: its summary and its open findings (drift and unwaived violations), by their
 * content ids. Values and messages are never stored; keys and accounts are redacted as every output redacts them.
 */
export function scanToRecord(report: Report, scope: string): ScanToRecord {
  const findings = new Map<string, FindingToRecord>();
  for (const entry of report.drift) {
    const id = driftId(entry);
    findings.set(id, {
      id,
      category: 'drift',
      kind: entry.kind,
      key: redactSecretText(entry.key),
      type: entry.type,
      account: entry.account === undefined ? undefined : redactSecretText(entry.account),
      severity: undefined,
      origin: undefined,
    });
  }
  for (const violation of report.violations) {
    const id = violationId(violation);
    findings.set(id, {
      id,
      category: 'violation',
      kind: violation.ruleId,
      key: redactSecretText(violation.key),
      type: violation.type,
      account: violation.account === undefined ? undefined : redactSecretText(violation.account),
      severity: violation.severity,
      origin: violation.origin,
    });
  }
  return {
    scope,
    sources: sourcesOf(report).join('\n'),
    summary: summaryOf(report),
    findings: [...findings.values()],
    resolves: resolvableCategories(report),
  };
}

/**
 * What a scan saw in full, and may therefore resolve: nothing when it is incomplete (a source or a rule failed);
 * drift only when both sides were read (a scan of code alone compares nothing); violations only when rules ran.
 */
export function resolvableCategories(report: Report): FindingCategory[] {
  if (!report.scan.complete) return [];
  const read = (side: 'declared' | 'live') => report.scan.sources.some((source) => source.side === side);
  const categories: FindingCategory[] = [];
  if (read('declared') && read('live')) categories.push('drift');
  if (report.scan.policies !== undefined && report.scan.policies.rules > 0) categories.push('violation');
  return categories;
}

function summaryOf(report: Report): ScanSummary {
  const { summary } = report;
  const { critical, high, medium, low } = summary.violations;
  return {
    startedAt: report.scan.startedAt,
    complete: report.scan.complete,
    toolVersion: report.tool.version,
    changed: summary.changed,
    missing: summary.missing,
    unmanaged: summary.unmanaged,
    violations: critical + high + medium + low,
    live: summary.live,
    managed: summary.managed,
    coverage: summary.coverage,
  };
}

/** The sources, `side connector location`, sorted: the same config gives the same list run after run. */
export function sourcesOf(report: Report): string[] {
  return [
    ...new Set(report.scan.sources.map((s) => `${s.side} ${s.connector} ${redactSecretText(s.location)}`)),
  ].sort();
}
