import type { ScanSettings } from '../config/resolve.js';
import type { Report } from '../model/report.js';
import { openHistoryStore } from './open.js';
import { type RecordedReport, type RecordOptions, recordScan } from './record-scan.js';

export interface ScanHistory {
  /** Records the scan, closes the store, and returns the report with its findings' ages and the trend. */
  record(report: Report): Promise<RecordedReport>;
  /** Closes the store without recording (the scan threw); nothing once `record` has run. */
  close(): Promise<void>;
}

/**
 * Opens the `--history` store before the scan (a store that cannot be opened is an error that should cost
 * nothing), and records the scan after it. Undefined without --history.
 */
export async function startScanHistory(
  settings: ScanSettings,
  options: RecordOptions = {},
): Promise<ScanHistory | undefined> {
  const { history } = settings;
  if (history === undefined) return undefined;
  const store = await openHistoryStore(history.location);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await store.close();
  };
  return {
    async record(report) {
      try {
        return await recordScan(store, report, history.scope, options);
      } finally {
        await close();
      }
    },
    close,
  };
}
