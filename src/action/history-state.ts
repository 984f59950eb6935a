import type { RecordedReport } from '../history/record-scan.js';
import type { FindingRow } from '../history/store.js';
import type { FindingState, StoreState } from './github/tracking-issue.js';

/**
 * The tracking issue's state from the history store, after the scan is recorded: what was open in the scope
 * before it (with the first-seen times the store kept) and what it resolved. A stored finding has no values or
 * messages, so its summary is its kind and key, in the words the issue uses for a current one
 * (tracking-issue.ts `currentFindings`), less a violation's attribute path, which the store does not keep.
 */
export function storeState(recorded: RecordedReport): StoreState {
  const previous: FindingState = Object.create(null);
  for (const row of recorded.before) previous[row.id] = { firstSeen: row.firstSeen, summary: summaryOf(row) };
  return {
    store: recorded.report.history?.store ?? '',
    previous,
    resolved: recorded.resolved,
    firstScan: recorded.firstScan,
  };
}

function summaryOf(row: FindingRow): string {
  if (row.category === 'drift')
    return `${row.kind}: ${row.key}${row.account ? ` (account ${row.account})` : ''}`;
  return `${row.severity ?? 'unknown'} ${row.kind}: ${row.key}${row.origin ? ` (${row.origin})` : ''}`;
}
