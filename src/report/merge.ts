import { compareDrift } from '../diff/classify.js';
import { type AttributionSummary, UNKNOWN_ATTRIBUTION_REASONS } from '../model/attribution.js';
import type { Diagnostic, DriftEntry, Report, SourceStatus, Summary, Violation } from '../model/report.js';
import { REPORT_SCHEMA_VERSION } from '../model/report-version.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { compareViolations } from '../model/violation-order.js';
import { driftId, violationId } from './fingerprint.js';

/** One report to merge, and how messages name it (its path as given). */
export interface MergeInput {
  display: string;
  report: Report;
}

/** A report file that could not be read: its findings are unknown, so the merged scan is incomplete. */
export interface MergeProblem {
  display: string;
  message: string;
}

/**
 * The reports of several scans (the jobs of a matrix: one account, subscription or state group each) as one
 * report. Findings are listed once by their content id (src/report/fingerprint.ts); where two reports hold the
 * same finding, the later scan's entry is kept. Counts of findings are recomputed from the merged lists; counts of
 * resources (declared, live, managed, not compared, ignored, unknown) are the sums of the runs, which are meant to
 * cover disjoint parts of the estate. Every source keeps its status, so a partial or failed source in any run is
 * still one in the merged report, which is then incomplete, as it is when a report could not be read (a failed
 * source of its own). Each run's
 * --baseline comparison was against its own file and is not carried over (a diagnostic says so).
 */
export function mergeReports(
  inputs: readonly MergeInput[],
  problems: readonly MergeProblem[],
  toolVersion: string,
): Report {
  const runs = [...inputs].sort((a, b) => a.report.scan.startedAt.localeCompare(b.report.scan.startedAt));
  const drift = unique(
    runs.flatMap((run) => run.report.drift),
    driftId,
  );
  const violations = unique(
    runs.flatMap((run) => run.report.violations),
    violationId,
  );
  const waived = unique(
    runs.flatMap((run) => run.report.waived),
    violationId,
  );
  const listed = runs.reduce((n, run) => n + run.report.drift.length + run.report.violations.length, 0);
  const duplicates = listed - drift.items.length - violations.items.length;
  const span = timeSpan(runs);
  const policies = mergedPolicies(runs);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'driftwarden', version: toolVersion },
    scan: {
      ...span,
      complete: problems.length === 0 && runs.every((run) => run.report.scan.complete),
      sources: [...runs.flatMap((run) => run.report.scan.sources), ...problems.map(unreadSource)],
      diagnostics: [
        ...runs.flatMap((run) => run.report.scan.diagnostics),
        ...mergeDiagnostics(runs, duplicates),
      ],
      ...(policies ? { policies } : {}),
    },
    summary: mergedSummary(runs, drift.items, violations.items, waived.items.length),
    drift: drift.items.sort(compareDrift),
    violations: violations.items.sort(compareViolations),
    waived: waived.items.sort(compareViolations),
  };
}

/**
 * From the first run's start to the last run's end. A start that is not a date (a report edited by hand) is left
 * out; when none is a date, the first run's text is kept as it was and the duration is the longest run's.
 */
function timeSpan(runs: readonly MergeInput[]): { startedAt: string; durationMs: number } {
  const timed = runs
    .map((run) => ({ start: Date.parse(run.report.scan.startedAt), duration: run.report.scan.durationMs }))
    .filter((run) => Number.isFinite(run.start));
  if (timed.length === 0)
    return {
      startedAt: runs[0]?.report.scan.startedAt ?? '',
      durationMs: Math.max(0, ...runs.map((run) => run.report.scan.durationMs)),
    };
  const first = Math.min(...timed.map((run) => run.start));
  const last = Math.max(...timed.map((run) => run.start + run.duration));
  return { startedAt: new Date(first).toISOString(), durationMs: Math.max(0, last - first) };
}

/** The findings by id, the later one kept, each without its run's baseline status. */
function unique<T extends DriftEntry | Violation>(findings: readonly T[], id: (finding: T) => string) {
  const byId = new Map<string, T>();
  for (const finding of findings) {
    const { status: _status, ...rest } = finding;
    byId.set(id(finding), rest as T);
  }
  return { items: [...byId.values()] };
}

function mergedSummary(
  runs: readonly MergeInput[],
  drift: readonly DriftEntry[],
  violations: readonly Violation[],
  waived: number,
): Summary {
  const sum = (field: 'declared' | 'live' | 'managed' | 'notCompared' | 'ignored' | 'unknown') =>
    runs.reduce((n, run) => n + run.report.summary[field], 0);
  const count = (kind: DriftEntry['kind']) => drift.filter((entry) => entry.kind === kind).length;
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const violation of violations) bySeverity[violation.severity]++;
  // Coverage over the runs that read a live source; null when none did, as in one scan.
  const liveRuns = runs.filter((run) => run.report.summary.coverage !== null);
  const live = liveRuns.reduce((n, run) => n + run.report.summary.live, 0);
  const managed = liveRuns.reduce((n, run) => n + run.report.summary.managed, 0);
  return {
    declared: sum('declared'),
    live: sum('live'),
    managed: sum('managed'),
    unmanaged: count('unmanaged'),
    missing: count('missing'),
    changed: count('changed'),
    notCompared: sum('notCompared'),
    ignored: sum('ignored'),
    unknown: sum('unknown'),
    waived,
    coverage: liveRuns.length === 0 ? null : live === 0 ? 1 : Math.round((managed / live) * 10_000) / 10_000,
    violations: bySeverity,
    ...mergedAttribution(runs),
  };
}

/**
 * The runs' look-ups added up: each run had its own limit, so the merged limit is their sum. Counts are the runs'
 * own: a resource two runs both reported is one merged entry but counted in each run's `entries`, as the calls
 * spent on it were.
 */
function mergedAttribution(runs: readonly MergeInput[]): { attribution?: AttributionSummary } {
  const ran = runs.flatMap((run) => (run.report.summary.attribution ? [run.report.summary.attribution] : []));
  const [first, ...rest] = ran;
  if (first === undefined) return {};
  const total = structuredClone(first);
  for (const other of rest) {
    total.calls += other.calls;
    total.limit += other.limit;
    total.entries += other.entries;
    total.found += other.found;
    for (const reason of UNKNOWN_ATTRIBUTION_REASONS) total.unknown[reason] += other.unknown[reason];
  }
  return { attribution: total };
}

/** The most rules any run evaluated, and every rule that failed in some run. */
function mergedPolicies(runs: readonly MergeInput[]): Report['scan']['policies'] {
  const ran = runs.flatMap((run) => (run.report.scan.policies ? [run.report.scan.policies] : []));
  if (ran.length === 0) return undefined;
  const failed = new Map<string, string>();
  for (const outcome of ran)
    for (const f of outcome.failed) if (!failed.has(f.ruleId)) failed.set(f.ruleId, f.error);
  return {
    rules: Math.max(...ran.map((outcome) => outcome.rules)),
    failed: [...failed].map(([ruleId, error]) => ({ ruleId, error })),
  };
}

/**
 * A report that could not be read is a failed source of the merged scan, so that every format says the results are
 * partial and names it. Whether it held declared or live resources is unknown; it is listed on the live side, where
 * a failed source already means "not everything live was read".
 */
function unreadSource(problem: MergeProblem): SourceStatus {
  return {
    connector: 'report',
    side: 'live',
    location: problem.display,
    resources: 0,
    status: 'failed',
    error: `not merged: ${redactSecretText(problem.message)}; what that scan found is unknown`,
  };
}

function mergeDiagnostics(runs: readonly MergeInput[], duplicates: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = runs.map((run) => ({
    level: 'info',
    code: 'merge.report',
    message: `merged ${run.report.drift.length} drift entries and ${run.report.violations.length} violations of the scan started ${run.report.scan.startedAt}${run.report.scan.complete ? '' : ' (incomplete)'}`,
    source: run.display,
  }));
  if (duplicates > 0)
    diagnostics.push({
      level: 'info',
      code: 'merge.duplicates',
      message: `${duplicates} finding${duplicates === 1 ? ' was' : 's were'} in more than one report and ${duplicates === 1 ? 'is' : 'are'} listed once`,
    });
  const compared = runs.filter((run) => run.report.baseline);
  if (compared.length > 0)
    diagnostics.push({
      level: 'info',
      code: 'merge.baseline-dropped',
      message: `${compared.length} report${compared.length === 1 ? ' was' : 's were'} compared with a --baseline of ${compared.length === 1 ? 'its' : 'their'} own; the merged report carries no baseline comparison`,
    });
  return diagnostics;
}
