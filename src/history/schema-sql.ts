/**
 * The tables of the history store, for both databases, and the statements both use. Times are ISO 8601 UTC text
 * (`Date.toISOString`), which sorts as time in either database. Parameters are `@name`: better-sqlite3 binds them
 * by name, and postgres.ts numbers them (`$1`).
 *
 * A migration is applied once, in order, inside the transaction that records it; adding one means appending to
 * MIGRATIONS, never editing a published one.
 */
export type Dialect = 'sqlite' | 'postgres';

export const MIGRATIONS_TABLE = 'driftwarden_migrations';

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL)`;

export interface Migration {
  version: number;
  statements(dialect: Dialect): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: (dialect) => [
      `CREATE TABLE driftwarden_scans (
        id ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'},
        scope TEXT NOT NULL,
        sources TEXT NOT NULL,
        started_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        complete ${dialect === 'sqlite' ? 'INTEGER' : 'BOOLEAN'} NOT NULL,
        tool_version TEXT NOT NULL,
        changed INTEGER NOT NULL,
        missing INTEGER NOT NULL,
        unmanaged INTEGER NOT NULL,
        violations INTEGER NOT NULL,
        live INTEGER NOT NULL,
        managed INTEGER NOT NULL,
        coverage ${dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION'}
      )`,
      'CREATE INDEX driftwarden_scans_scope ON driftwarden_scans (scope, started_at)',
      `CREATE TABLE driftwarden_findings (
        scope TEXT NOT NULL,
        id TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        account TEXT,
        severity TEXT,
        origin TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        first_scan BIGINT NOT NULL,
        last_scan BIGINT NOT NULL,
        resolved_at TEXT,
        resolved_scan BIGINT,
        PRIMARY KEY (scope, id)
      )`,
      'CREATE INDEX driftwarden_findings_open ON driftwarden_findings (scope, resolved_at)',
    ],
  },
];

export const INSERT_SCAN = `INSERT INTO driftwarden_scans (scope, sources, started_at, recorded_at, complete, tool_version,
  changed, missing, unmanaged, violations, live, managed, coverage)
  VALUES (@scope, @sources, @startedAt, @recordedAt, @complete, @toolVersion,
  @changed, @missing, @unmanaged, @violations, @live, @managed, @coverage) RETURNING id`;

export const OPEN_IDS = 'SELECT id FROM driftwarden_findings WHERE scope = @scope AND resolved_at IS NULL';

/**
 * What a seen finding becomes: new, still open (its first-seen kept), or open again after it was resolved (a new
 * first-seen). `@rows` is how each dialect feeds the rows: VALUES for SQLite, unnest() of arrays for Postgres.
 */
export function upsertFindings(dialect: Dialect, rows: string): string {
  const [least, greatest] = dialect === 'sqlite' ? ['min', 'max'] : ['LEAST', 'GREATEST'];
  const f = 'driftwarden_findings';
  return `INSERT INTO ${f} (scope, id, category, kind, key, type, account, severity, origin, first_seen,
    last_seen, first_scan, last_scan)
    ${rows}
    ON CONFLICT (scope, id) DO UPDATE SET
      category = excluded.category, kind = excluded.kind, key = excluded.key, type = excluded.type,
      account = excluded.account, severity = excluded.severity, origin = excluded.origin,
      first_seen = CASE WHEN ${f}.resolved_at IS NULL THEN ${least}(${f}.first_seen, excluded.first_seen)
        ELSE excluded.first_seen END,
      first_scan = CASE WHEN ${f}.resolved_at IS NULL THEN ${f}.first_scan ELSE excluded.first_scan END,
      last_seen = CASE WHEN ${f}.resolved_at IS NULL THEN ${greatest}(${f}.last_seen, excluded.last_seen)
        ELSE excluded.last_seen END,
      last_scan = excluded.last_scan,
      resolved_at = NULL,
      resolved_scan = NULL
    RETURNING id, first_seen`;
}

/**
 * Resolves what a complete scan did not see: open findings of the categories it saw in full, last seen before it
 * started (a scan recorded late, behind a newer one, resolves nothing the newer one saw).
 */
export function resolveUnseen(categories: readonly string[]): string {
  const list = categories.map((c) => `'${c === 'drift' ? 'drift' : 'violation'}'`).join(', ');
  return `UPDATE driftwarden_findings SET resolved_at = @startedAt, resolved_scan = @scanId
    WHERE scope = @scope AND resolved_at IS NULL AND last_seen < @startedAt AND category IN (${list})`;
}

export function selectScans(where: string): string {
  return `SELECT id, scope, sources, started_at, recorded_at, complete, tool_version, changed, missing, unmanaged,
    violations, live, managed, coverage FROM driftwarden_scans ${where} ORDER BY started_at, id`;
}

export function selectFindings(where: string): string {
  return `SELECT scope, id, category, kind, key, type, account, severity, origin, first_seen, last_seen, resolved_at,
    resolved_scan FROM driftwarden_findings ${where} ORDER BY first_seen, scope, id`;
}

/** The WHERE clause of a query: by scope, and since a time. */
export function queryWhere(
  query: { scope?: string; since?: string },
  timeColumn: string,
  alsoOpen = false,
): string {
  const conditions: string[] = [];
  if (query.scope !== undefined) conditions.push('scope = @scope');
  if (query.since !== undefined)
    conditions.push(
      alsoOpen ? `(${timeColumn} >= @since OR resolved_at IS NULL)` : `${timeColumn} >= @since`,
    );
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
