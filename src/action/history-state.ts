import { storedSummary } from '../history/previous.js';
import type { RecordedReport } from '../history/record-scan.js';
import type { FindingState, StoreState } from './github/tracking-issue.js';

/**
 * The tracking issue's state from the history store, after the scan is recorded: what was open in the scope
 * before it (with the first-seen times the store kept) and what it resolved.
 */
export function storeState(recorded: RecordedReport): StoreState | undefined {
  const { tracking } = recorded;
  if (tracking === undefined) return undefined;
  const previous: FindingState = Object.create(null);
  for (const row of tracking.before)
    previous[row.id] = { firstSeen: row.firstSeen, summary: storedSummary(row) };
  return {
    store: recorded.report.history?.store ?? '',
    previous,
    resolved: tracking.resolved,
    firstScan: tracking.firstScan,
  };
}
