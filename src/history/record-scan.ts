import { createHash } from 'node:crypto';
import type { ReportHistory } from '../model/history.js';
import type { Report } from '../model/report.js';
import { driftId, violationId } from '../report/fingerprint.js';
import { scanToRecord, sourcesOf } from './findings-of.js';
import type { FindingRow, HistoryStore, RecordedScan } from './store.js';

/** How many of the scope's scans the report carries for its trend chart. */
const TREND_SCANS = 90;

export interface RecordedReport {
  report: Report;
  /** The ids open in the scope before this scan (for notifications: new and resolved findings). */
  previous: ReadonlySet<string>;
  /** Asked for with `tracking` (the Action's tracking issue): what the store holds around this scan. */
  tracking?: TrackingRows;
}

export interface TrackingRows {
  /** The findings open in the scope before this scan, as the store holds them (first-seen kept). */
  before: FindingRow[];
  /** The ids this scan resolved. */
  resolved: ReadonlySet<string>;
  /** The store held no earlier scan of the scope. */
  firstScan: boolean;
}

export interface RecordOptions {
  /**
   * Also read the scope's findings back for the tracking issue (`TrackingRows`): one more query over the scope,
   * which a CLI scan does not need.
   */
  tracking?: boolean;
}

/**
 * Records a scan and returns its report with each finding's first- and last-seen times and the scope's trend. The
 * scope is `--history-scope`, or one derived from the sources read, so that a job resolves only its own findings
 * in a store many jobs share.
 */
export async function recordScan(
  store: HistoryStore,
  report: Report,
  scope: string = defaultScope(report),
  options: RecordOptions = {},
): Promise<RecordedReport> {
  const recorded = await store.record(scanToRecord(report, scope));
  const scans = await store.scans({ scope });
  const trend = scans.slice(-TREND_SCANS).map((scan) => ({
    startedAt: scan.startedAt,
    complete: scan.complete,
    drift: scan.changed + scan.missing + scan.unmanaged,
    violations: scan.violations,
    coverage: scan.coverage,
  }));
  const history: ReportHistory = {
    store: store.display,
    scope,
    scanId: recorded.scanId,
    resolved: recorded.resolved,
    trend,
  };
  return {
    report: withFindingHistory(report, recorded, history),
    previous: recorded.previous,
    ...(options.tracking
      ? { tracking: await trackingRows(store, scope, recorded, !scans.some((s) => s.id !== recorded.scanId)) }
      : {}),
  };
}

/** Every finding of the scope, open or resolved, read once: those open before this scan, and those it resolved. */
async function trackingRows(
  store: HistoryStore,
  scope: string,
  recorded: RecordedScan,
  firstScan: boolean,
): Promise<TrackingRows> {
  const rows = await store.findings({ scope });
  return {
    before: rows.filter((row) => recorded.previous.has(row.id)),
    resolved: new Set(rows.filter((row) => row.resolvedScan === recorded.scanId).map((row) => row.id)),
    firstScan,
  };
}

function withFindingHistory(report: Report, recorded: RecordedScan, history: ReportHistory): Report {
  const lastSeen = report.scan.startedAt;
  const at = (id: string) => ({ firstSeen: recorded.firstSeen.get(id) ?? lastSeen, lastSeen });
  return {
    ...report,
    drift: report.drift.map((entry) => ({ ...entry, history: at(driftId(entry)) })),
    violations: report.violations.map((violation) => ({ ...violation, history: at(violationId(violation)) })),
    history,
  };
}

/** `sources-<16 hex>`: a digest of the sources read, the same for the same config run after run. */
export function defaultScope(report: Report): string {
  const digest = createHash('sha256').update(sourcesOf(report).join('\n')).digest('hex').slice(0, 16);
  return `sources-${digest}`;
}
