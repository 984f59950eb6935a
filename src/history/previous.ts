import type { Report } from '../model/report.js';
import type { PreviousFindings } from '../notify/changes.js';
import type { HistoryLocation } from './location.js';
import { openHistoryStore } from './open.js';
import type { FindingRow } from './store.js';

/**
 * For notifications (src/notify/): the fingerprints (src/report/fingerprint.ts `driftId`, `violationId`) of the
 * findings open in a scope as of its latest recorded scan. Call it before the scan is recorded; after, the
 * `previous` of recordScan's result is the same set. The scope of a report is `--history-scope`, or
 * `defaultScope(report)` (record-scan.ts).
 */
export async function previousFindingIds(
  location: HistoryLocation,
  scope: string,
): Promise<ReadonlySet<string>> {
  const store = await openHistoryStore(location);
  try {
    return await store.openFindingIds(scope);
  } finally {
    await store.close();
  }
}

/**
 * `notify --history`: what the store knew just before the report's scan was recorded in it (the report's
 * `history`), read after the fact. Open before it: first seen before the scan started, and not resolved before
 * it. Resolved by it: resolved by its scan id. Read right after the scan, as a nightly job does, this is exactly
 * what recording saw; a later scan that reopened a finding the report's scan had open makes that one look new.
 */
export async function previousInStore(location: HistoryLocation, report: Report): Promise<PreviousFindings> {
  const recorded = report.history;
  if (recorded === undefined)
    throw new Error('the report was not recorded in a history store: scan it with --history');
  const store = await openHistoryStore(location);
  try {
    const startedAt = report.scan.startedAt;
    const rows = await store.findings({ scope: recorded.scope });
    const before = rows.filter(
      (row) => row.firstSeen < startedAt && (row.resolvedAt === null || row.resolvedAt >= startedAt),
    );
    return {
      source: `${store.display} (scope ${recorded.scope})`,
      findings: new Map(before.map((row) => [row.id, storedSummary(row)])),
      resolved: new Set(rows.filter((row) => row.resolvedScan === recorded.scanId).map((row) => row.id)),
    };
  } finally {
    await store.close();
  }
}

/**
 * A stored finding in one line. The store keeps no value or message, so this is its kind and key, in the words of
 * the tracking issue's summaries, less a violation's attribute path, which is not stored.
 */
export function storedSummary(row: FindingRow): string {
  if (row.category === 'drift')
    return `${row.kind}: ${row.key}${row.account ? ` (account ${row.account})` : ''}`;
  return `${row.severity ?? 'unknown'} ${row.kind}: ${row.key}${row.origin ? ` (${row.origin})` : ''}`;
}
