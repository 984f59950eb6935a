import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inputError } from '../errors.js';
import { findingRowOf, scanRowOf } from './rows.js';
import {
  CREATE_MIGRATIONS_TABLE,
  INSERT_SCAN,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  OPEN_IDS,
  queryWhere,
  resolveUnseen,
  selectFindings,
  selectScans,
  upsertFindings,
} from './schema-sql.js';
import { openSqlite, type SqliteDatabase } from './sqlite-driver.js';
import type { HistoryQuery, HistoryStore, RecordedScan, ScanToRecord } from './store.js';

/**
 * How long a writer waits for another to finish (SQLite allows one writer at a time; WAL lets readers go on). A
 * 100k-finding scan records in about a second (BENCHMARKS.md), so a minute covers a queue of nightly jobs.
 */
const BUSY_TIMEOUT_MS = 60_000;

/** The embedded store: one SQLite file, WAL mode, each scan recorded in one IMMEDIATE transaction. */
export async function openSqliteStore(path: string, display: string): Promise<HistoryStore> {
  let db: SqliteDatabase;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = await openSqlite(path, BUSY_TIMEOUT_MS);
    db.exec('PRAGMA journal_mode = WAL');
    migrate(db);
  } catch (error) {
    throw inputError(display, `cannot open the history store: ${(error as Error).message}`, error);
  }
  const upsert = upsertFindings(
    'sqlite',
    'VALUES (@scope, @id, @category, @kind, @key, @type, @account, @severity, @origin, @startedAt, @startedAt, @scanId, @scanId)',
  );
  const openIds = (scope: string) =>
    new Set(db.all(OPEN_IDS, { scope }).map((row) => String(row.id))) as ReadonlySet<string>;
  const record = (scan: ScanToRecord): RecordedScan => {
    const previous = openIds(scan.scope);
    const { startedAt } = scan.summary;
    const inserted = db.get(INSERT_SCAN, {
      ...scan.summary,
      complete: scan.summary.complete ? 1 : 0,
      scope: scan.scope,
      sources: scan.sources,
      recordedAt: new Date().toISOString(),
    });
    const scanId = Number(inserted?.id);
    const firstSeen = new Map<string, string>();
    for (const finding of scan.findings) {
      const row = db.get(upsert, { ...finding, scope: scan.scope, startedAt, scanId }) as {
        id: string;
        first_seen: string;
      };
      firstSeen.set(row.id, row.first_seen);
    }
    const resolved =
      scan.resolves.length === 0
        ? 0
        : db.run(resolveUnseen(scan.resolves), { scope: scan.scope, startedAt, scanId });
    return { scanId, firstSeen, previous, resolved };
  };
  return {
    display,
    openFindingIds: async (scope) => openIds(scope),
    record: async (scan) => db.immediate(() => record(scan)),
    scans: async (query: HistoryQuery = {}) =>
      db.all(selectScans(queryWhere(query, 'started_at')), { ...query }).map(scanRowOf),
    findings: async (query: HistoryQuery = {}) =>
      db.all(selectFindings(queryWhere(query, 'last_seen', true)), { ...query }).map(findingRowOf),
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: SqliteDatabase): void {
  db.immediate(() => {
    db.exec(CREATE_MIGRATIONS_TABLE);
    const applied = new Set(
      db.all(`SELECT version FROM ${MIGRATIONS_TABLE}`).map((row) => Number(row.version)),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements('sqlite')) db.exec(statement);
      db.run(`INSERT INTO ${MIGRATIONS_TABLE} (version, applied_at) VALUES (@version, @appliedAt)`, {
        version: migration.version,
        appliedAt: new Date().toISOString(),
      });
    }
  });
}
