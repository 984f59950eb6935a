import type { Violation } from './report.js';
import { severityRank } from './severity.js';

/** The order of violations in every report: most severe first, then by resource, rule, origin and path. */
export function compareViolations(a: Violation, b: Violation): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.key, b.key) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.origin, b.origin) ||
    compareText(a.path ?? '', b.path ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
