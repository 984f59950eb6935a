import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
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
import type { HistoryQuery, HistoryStore, RecordedScan, ScanToRecord } from './store.js';

/**
 * How long a writer waits for another to finish (SQLite allows one writer at a time; WAL lets readers go on). A
 * 100k-finding scan records in about a second (BENCHMARKS.md), so a minute covers a queue of nightly jobs.
 */
const BUSY_TIMEOUT_MS = 60_000;

/** The embedded store: one SQLite file, WAL mode, each scan recorded in one IMMEDIATE transaction. */
export async function openSqliteStore(path: string, display: string): Promise<HistoryStore> {
  // A CommonJS module whose export is the constructor: `default` at run time, the module itself to the types.
  const Database = (await import('better-sqlite3')) as unknown as { default: typeof BetterSqlite3 };
  let db: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database.default(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    migrate(db);
  } catch (error) {
    throw inputError(display, `cannot open the history store: ${(error as Error).message}`, error);
  }
  const upsert = db.prepare(
    upsertFindings(
      'sqlite',
      'VALUES (@scope, @id, @category, @kind, @key, @type, @account, @severity, @origin, @startedAt, @startedAt, @scanId, @scanId)',
    ),
  );
  const openIds = (scope: string) =>
    new Set(db.prepare(OPEN_IDS).pluck().all({ scope }).map(String)) as ReadonlySet<string>;
  const record = db.transaction((scan: ScanToRecord): RecordedScan => {
    const previous = openIds(scan.scope);
    const { startedAt } = scan.summary;
    const scanId = Number(
      db
        .prepare(INSERT_SCAN)
        .pluck()
        .get({
          ...scan.summary,
          complete: scan.summary.complete ? 1 : 0,
          scope: scan.scope,
          sources: scan.sources,
          recordedAt: new Date().toISOString(),
        }),
    );
    const firstSeen = new Map<string, string>();
    for (const finding of scan.findings) {
      const row = upsert.get({
        ...finding,
        account: finding.account ?? null,
        severity: finding.severity ?? null,
        origin: finding.origin ?? null,
        scope: scan.scope,
        startedAt,
        scanId,
      }) as { id: string; first_seen: string };
      firstSeen.set(row.id, row.first_seen);
    }
    const resolved =
      scan.resolves.length === 0
        ? 0
        : db.prepare(resolveUnseen(scan.resolves)).run({ scope: scan.scope, startedAt, scanId }).changes;
    return { scanId, firstSeen, previous, resolved };
  });
  return {
    display,
    openFindingIds: async (scope) => openIds(scope),
    record: async (scan) => record.immediate(scan),
    scans: async (query: HistoryQuery = {}) =>
      db
        .prepare(selectScans(queryWhere(query, 'started_at')))
        .all(query)
        .map((row) => scanRowOf(row as Record<string, unknown>)),
    findings: async (query: HistoryQuery = {}) =>
      db
        .prepare(selectFindings(queryWhere(query, 'last_seen', true)))
        .all(query)
        .map((row) => findingRowOf(row as Record<string, unknown>)),
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: BetterSqlite3.Database): void {
  db.transaction(() => {
    db.exec(CREATE_MIGRATIONS_TABLE);
    const applied = new Set(db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).pluck().all());
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements('sqlite')) db.exec(statement);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, applied_at) VALUES (?, ?)`).run(
        migration.version,
        new Date().toISOString(),
      );
    }
  }).immediate();
}
