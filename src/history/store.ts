/**
 * The history store (`--history`, config `history`): every recorded scan's summary and every finding it saw, by
 * the content fingerprint of src/report/fingerprint.ts. One interface, two implementations: SQLite (sqlite.ts, a
 * file, the default) and PostgreSQL (postgres.ts, shared by many repositories). Both run their migrations when
 * opened and are safe for several writers at once.
 *
 * Nothing secret is stored: a finding is its id, category, kind or rule, resource key, type, account and
 * severity, never an attribute value or a message; keys are redacted as every output redacts them.
 */

export type FindingCategory = 'drift' | 'violation';

/** One finding as the store keeps it. */
export interface FindingToRecord {
  id: string;
  category: FindingCategory;
  /** `changed`, `missing` or `unmanaged` for drift; the rule id for a violation. */
  kind: string;
  key: string;
  type: string;
  account: string | undefined;
  severity: string | undefined;
  /** A violation's origin, `declared` or `live`. */
  origin: string | undefined;
}

/** One scan's summary, as recorded. */
export interface ScanSummary {
  startedAt: string;
  complete: boolean;
  toolVersion: string;
  changed: number;
  missing: number;
  unmanaged: number;
  violations: number;
  live: number;
  managed: number;
  coverage: number | null;
}

export interface ScanToRecord {
  scope: string;
  /** The sources read, one `side connector location` a line, for people reading the store. */
  sources: string;
  summary: ScanSummary;
  findings: readonly FindingToRecord[];
  /**
   * The categories this scan saw in full: an open finding of one of them that the scan did not see is resolved.
   * Empty for an incomplete scan, which resolves nothing.
   */
  resolves: readonly FindingCategory[];
}

export interface RecordedScan {
  scanId: number;
  /** Each recorded finding's first-seen time, by id. */
  firstSeen: ReadonlyMap<string, string>;
  /** The ids that were open in the scope before this scan was recorded. */
  previous: ReadonlySet<string>;
  resolved: number;
}

export interface ScanRow extends ScanSummary {
  id: number;
  scope: string;
  sources: string;
  recordedAt: string;
}

export interface FindingRow extends FindingToRecord {
  scope: string;
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
  resolvedScan: number | null;
}

export interface HistoryQuery {
  /** One scope; every scope when absent. */
  scope?: string;
  /** Only what happened at or after this time (ISO 8601). */
  since?: string;
}

export interface HistoryStore {
  /** `sqlite:<path>`, or the postgres URL without its password: what messages may show. */
  readonly display: string;
  /**
   * The ids of the findings open in a scope, as of its latest recorded scan: for notifications, what the next scan
   * is compared with (new: not in it; resolved: in it and gone).
   */
  openFindingIds(scope: string): Promise<ReadonlySet<string>>;
  record(scan: ScanToRecord): Promise<RecordedScan>;
  /** Recorded scans, oldest first. */
  scans(query?: HistoryQuery): Promise<ScanRow[]>;
  /** Findings, open and resolved, by first-seen time. */
  findings(query?: HistoryQuery): Promise<FindingRow[]>;
  close(): Promise<void>;
}
