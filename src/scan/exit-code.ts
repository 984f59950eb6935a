import type { FailOnValue } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { isSeverity, severityRank } from '../model/severity.js';

export const EXIT = { clean: 0, findings: 1, error: 2, incomplete: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * 3 when a source failed (the results are partial, whatever they show); otherwise 1 when a finding reaches the
 * threshold; otherwise 0. `drift` counts any drift entry; a severity counts violations at or above it.
 */
export function exitCodeFor(report: Report, failOn: readonly FailOnValue[]): ExitCode {
  if (!report.scan.complete) return EXIT.incomplete;
  for (const value of failOn) {
    const onlyNew = value.startsWith('new:');
    const threshold = onlyNew ? value.slice(4) : value;
    const counts = (finding: { status?: string }) => !onlyNew || finding.status !== 'unchanged';
    if (threshold === 'drift' && report.drift.some(counts)) return EXIT.findings;
    if (!isSeverity(threshold)) continue;
    const rank = severityRank(threshold);
    if (report.violations.some((v) => counts(v) && severityRank(v.severity) >= rank)) return EXIT.findings;
  }
  return EXIT.clean;
}
