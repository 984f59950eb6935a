import type { Pool, PoolClient } from 'pg';
import { DriftwardenError } from '../errors.js';
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
import type { FindingToRecord, HistoryQuery, HistoryStore, RecordedScan, ScanToRecord } from './store.js';

/** Advisory lock keys (pg_advisory_xact_lock(int, int)): one for migrations, one class for each scope's writers. */
const LOCK_CLASS = 0x44574844; // "DWHD"
const MIGRATION_LOCK = 0;
/** Rows per INSERT: unnest() of arrays keeps one round trip per batch. */
const BATCH = 10_000;

const FINDING_COLUMNS = ['id', 'category', 'kind', 'key', 'type', 'account', 'severity', 'origin'] as const;

/**
 * The shared store: many repositories' scans written into one database at once. Migrations run under an advisory
 * lock, so that jobs starting together apply each once; writers of one scope queue on a lock of their scope, and
 * scopes are written in parallel.
 */
export async function openPostgresStore(url: string, display: string): Promise<HistoryStore> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle client's error (the server restarting) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const fail = (error: unknown): never => {
    throw new DriftwardenError('source', `history store: ${(error as Error).message}`, {
      location: display,
      cause: error,
    });
  };
  await inTransaction(pool, (client) => migrate(client)).catch(fail);
  return {
    display,
    openFindingIds: (scope) => openIds(pool, scope).catch(fail),
    record: (scan) => inTransaction(pool, (client) => record(client, scan)).catch(fail),
    scans: async (query: HistoryQuery = {}) =>
      (await run(pool, selectScans(queryWhere(query, 'started_at')), query).catch(fail)).map(scanRowOf),
    findings: async (query: HistoryQuery = {}) =>
      (await run(pool, selectFindings(queryWhere(query, 'last_seen', true)), query).catch(fail)).map(
        findingRowOf,
      ),
    close: () => pool.end(),
  };
}

async function migrate(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((row) => row.version));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements('postgres')) await client.query(statement);
    await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, applied_at) VALUES ($1, $2)`, [
      migration.version,
      new Date().toISOString(),
    ]);
  }
}

async function record(client: PoolClient, scan: ScanToRecord): Promise<RecordedScan> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, scan.scope]);
  const previous = await openIds(client, scan.scope);
  const { startedAt } = scan.summary;
  const [inserted] = await run(client, INSERT_SCAN, {
    ...scan.summary,
    scope: scan.scope,
    sources: scan.sources,
    recordedAt: new Date().toISOString(),
  });
  const scanId = Number(inserted?.id);
  const rows = `SELECT @scope, u.* , @startedAt, @startedAt, @scanId::bigint, @scanId::bigint
    FROM unnest(${FINDING_COLUMNS.map((column) => `@${column}::text[]`).join(', ')})
    AS u(${FINDING_COLUMNS.join(', ')})`;
  const upsert = upsertFindings('postgres', rows);
  const firstSeen = new Map<string, string>();
  for (let start = 0; start < scan.findings.length; start += BATCH) {
    const batch = scan.findings.slice(start, start + BATCH);
    const columns = Object.fromEntries(
      FINDING_COLUMNS.map((column) => [column, batch.map((finding) => columnOf(finding, column))]),
    );
    for (const row of await run(client, upsert, { ...columns, scope: scan.scope, startedAt, scanId }))
      firstSeen.set(String(row.id), String(row.first_seen));
  }
  const resolved =
    scan.resolves.length === 0
      ? 0
      : ((
          await client.query(
            ...positional(resolveUnseen(scan.resolves), { scope: scan.scope, startedAt, scanId }),
          )
        ).rowCount ?? 0);
  return { scanId, firstSeen, previous, resolved };
}

function columnOf(finding: FindingToRecord, column: (typeof FINDING_COLUMNS)[number]): string | null {
  return finding[column] ?? null;
}

async function openIds(db: Pool | PoolClient, scope: string): Promise<ReadonlySet<string>> {
  return new Set((await run(db, OPEN_IDS, { scope })).map((row) => String(row.id)));
}

async function run(db: Pool | PoolClient, sql: string, params: object): Promise<Record<string, unknown>[]> {
  return (await db.query(...positional(sql, params))).rows;
}

/** `@name` parameters as pg's `$1`, each name numbered once. */
function positional(sql: string, params: object): [string, unknown[]] {
  const names: string[] = [];
  const values = params as Record<string, unknown>;
  const text = sql.replace(/@([a-zA-Z]+)/g, (_, name: string) => {
    let index = names.indexOf(name);
    if (index === -1) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return [text, names.map((name) => values[name] ?? null)];
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
