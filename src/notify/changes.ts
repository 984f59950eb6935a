import type { DriftEntry, Report, Violation } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { driftId, violationId } from '../report/fingerprint.js';

/**
 * What the previous state knew: each open finding's content id (src/report/fingerprint.ts) and, where the state
 * kept one, a one-line summary of it. The tracking issue's hidden state, a previous JSON report and the history
 * store can each give this; `source` says which, for the message.
 */
export interface PreviousFindings {
  source: string;
  findings: ReadonlyMap<string, string>;
  /**
   * The ones this scan resolved, when the state knows (the history store resolves only what a complete scan saw in
   * full); the others it did not see are unchecked. Absent: every one a complete scan did not see is resolved.
   */
  resolved?: ReadonlySet<string>;
}

/** A finding as a notification shows it. `subject` is cloud text (a resource key or a stored summary). */
export interface ChangedFinding {
  id: string;
  /** `changed`, `missing`, `unmanaged`, or a violation's severity; absent when only a stored summary is known. */
  label?: DriftEntry['kind'] | Severity;
  /** A violation's rule id. */
  rule?: string;
  subject: string;
}

export interface FindingChanges {
  added: ChangedFinding[];
  resolved: ChangedFinding[];
  /** Previous findings an incomplete scan did not see: neither resolved nor confirmed. */
  unchecked: number;
  /** The findings open now. */
  open: number;
}

/**
 * The findings new since the previous state and those it had that are gone. An incomplete scan resolves nothing:
 * what it did not read is unknown, so a finding it did not see is `unchecked`, never resolved.
 */
export function findingChanges(report: Report, previous: PreviousFindings): FindingChanges {
  const current = reportFindings(report);
  const added = [...current.values()].filter((finding) => !previous.findings.has(finding.id));
  const gone = [...previous.findings].filter(([id]) => !current.has(id));
  const known = previous.resolved;
  const resolves = (id: string) => (known ? known.has(id) : report.scan.complete);
  const resolved = gone.filter(([id]) => resolves(id)).map(([id, summary]) => storedFinding(id, summary));
  return { added, resolved, unchecked: gone.length - resolved.length, open: current.size };
}

/** A report's own baseline comparison (scan --baseline) as changes: its new findings and its resolved ones. */
export function baselineChanges(report: Report): FindingChanges | undefined {
  if (!report.baseline) return undefined;
  const added = [
    ...report.drift.filter((entry) => entry.status === 'new').map(driftFinding),
    ...report.violations.filter((violation) => violation.status === 'new').map(violationFinding),
  ];
  const { resolved } = report.baseline;
  return {
    added,
    resolved: report.scan.complete
      ? [...resolved.drift.map(driftFinding), ...resolved.violations.map(violationFinding)]
      : [],
    unchecked: report.scan.complete ? 0 : resolved.drift.length + resolved.violations.length,
    open: report.drift.length + report.violations.length,
  };
}

/** The previous findings of an earlier JSON report. */
export function previousFromReport(report: Report, source: string): PreviousFindings {
  const findings = new Map<string, string>();
  for (const finding of reportFindings(report).values()) findings.set(finding.id, summaryOf(finding));
  return { source, findings };
}

export function hasChanges(changes: FindingChanges): boolean {
  return changes.added.length + changes.resolved.length > 0;
}

function reportFindings(report: Report): Map<string, ChangedFinding> {
  const found = new Map<string, ChangedFinding>();
  for (const entry of report.drift) found.set(driftId(entry), driftFinding(entry));
  for (const violation of report.violations) found.set(violationId(violation), violationFinding(violation));
  return found;
}

function driftFinding(entry: DriftEntry): ChangedFinding {
  return { id: driftId(entry), label: entry.kind, subject: withAccount(entry.key, entry.account) };
}

function violationFinding(violation: Violation): ChangedFinding {
  return {
    id: violationId(violation),
    label: violation.severity,
    rule: violation.ruleId,
    subject: withAccount(violation.key, violation.account),
  };
}

function storedFinding(id: string, summary: string): ChangedFinding {
  return { id, subject: summary === '' ? `finding ${id}` : summary };
}

function summaryOf(finding: ChangedFinding): string {
  const head = [finding.label, finding.rule].filter(Boolean).join(' ');
  return head === '' ? finding.subject : `${head}: ${finding.subject}`;
}

function withAccount(key: string, account: string | undefined): string {
  return account === undefined ? key : `${key} (account ${account})`;
}
