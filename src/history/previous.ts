import type { HistoryLocation } from './location.js';
import { openHistoryStore } from './open.js';

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
