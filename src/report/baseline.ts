import type { DriftEntry, Report, Violation } from '../model/report.js';
import { driftId, violationId } from './fingerprint.js';

/**
 * Compares a report with an earlier one (--baseline): each finding is new or unchanged, and the baseline's
 * findings that are gone are listed as resolved. Findings match by their content ids, never by line numbers.
 */
export function applyBaseline(report: Report, baseline: Report, source: string): Report {
  const oldDrift = new Map(baseline.drift.map((entry) => [driftId(entry), entry]));
  const oldViolations = new Map(baseline.violations.map((violation) => [violationId(violation), violation]));
  const currentDrift = new Set(report.drift.map(driftId));
  const currentViolations = new Set(report.violations.map(violationId));
  let fresh = 0;
  const mark = <T extends DriftEntry | Violation>(finding: T, seen: boolean): T => {
    if (!seen) fresh++;
    return { ...finding, status: seen ? 'unchanged' : 'new' };
  };
  const drift = report.drift.map((entry) => mark(entry, oldDrift.has(driftId(entry))));
  const violations = report.violations.map((violation) =>
    mark(violation, oldViolations.has(violationId(violation))),
  );
  return {
    ...report,
    drift,
    violations,
    baseline: {
      source,
      new: fresh,
      unchanged: drift.length + violations.length - fresh,
      resolved: {
        drift: baseline.drift.filter((entry) => !currentDrift.has(driftId(entry))).map(withoutStatus),
        violations: baseline.violations
          .filter((violation) => !currentViolations.has(violationId(violation)))
          .map(withoutStatus),
      },
    },
  };
}

function withoutStatus<T extends DriftEntry | Violation>(finding: T): T {
  const { status: _status, ...rest } = finding;
  return rest as T;
}
