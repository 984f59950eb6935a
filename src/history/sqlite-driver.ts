import type BetterSqlite3 from 'better-sqlite3';

/** Named parameters (`@name` in the SQL) by name. */
export type SqlParams = Readonly<Record<string, string | number | null | undefined>>;
type Row = Record<string, unknown>;

/**
 * The little of SQLite the store needs, over either driver: better-sqlite3 (the package's dependency, a native
 * addon), or Node's own `node:sqlite` (Node 22.13 and later) where the addon cannot load. The Action's bundle
 * ships no native addon, so on the runner's node24 the store runs on `node:sqlite`; the CLI uses better-sqlite3.
 * Statements are prepared once and kept; only the parameters a statement names are bound (node:sqlite refuses
 * others), and an undefined one is bound as NULL.
 */
export interface SqliteDatabase {
  /** `better-sqlite3` or `node:sqlite`. */
  readonly driver: string;
  exec(sql: string): void;
  all(sql: string, params?: SqlParams): Row[];
  get(sql: string, params?: SqlParams): Row | undefined;
  /** The number of rows changed. */
  run(sql: string, params?: SqlParams): number;
  /** Runs `work` in a BEGIN IMMEDIATE transaction: committed when it returns, rolled back when it throws. */
  immediate<T>(work: () => T): T;
  close(): void;
}

interface Statement {
  all(params: Row): unknown[];
  get(params: Row): unknown;
  run(params: Row): { changes: number | bigint };
}

/**
 * Opens the file with better-sqlite3, else with node:sqlite; the error names both when neither can. `busyMs` is
 * how long a writer waits for another.
 */
export async function openSqlite(path: string, busyMs: number): Promise<SqliteDatabase> {
  let addonError: unknown;
  try {
    // A CommonJS module whose export is the constructor: `default` at run time, the module itself to the types.
    const { default: Database } = (await import('better-sqlite3')) as unknown as {
      default: typeof BetterSqlite3;
    };
    const db = new Database(path, { timeout: busyMs });
    return wrap(
      'better-sqlite3',
      db,
      (sql) => db.prepare(sql),
      () => db.close(),
    );
  } catch (error) {
    if (!isLoadFailure(error)) throw error;
    addonError = error;
  }
  const builtin = await nodeSqlite();
  if (builtin === undefined)
    throw new Error(
      `better-sqlite3 cannot be loaded (${(addonError as Error).message.split('\n')[0]}), and this Node.js (${process.version}) has no node:sqlite (Node 22.13 or later)`,
    );
  const db = new builtin.DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyMs)}`);
  return wrap(
    'node:sqlite',
    db,
    (sql) => db.prepare(sql) as unknown as Statement,
    () => db.close(),
  );
}

/** A native addon that is absent or built for another Node.js, as opposed to a file that cannot be opened. */
function isLoadFailure(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    code === 'ERR_DLOPEN_FAILED' ||
    /bindings file|NODE_MODULE_VERSION|was compiled against a different Node\.js/.test(message ?? '')
  );
}

interface NodeSqlite {
  DatabaseSync: new (
    path: string,
  ) => { exec(sql: string): void; prepare(sql: string): unknown; close(): void };
}

async function nodeSqlite(): Promise<NodeSqlite | undefined> {
  // Its ExperimentalWarning would be the only line on stderr about it; the store is the same SQLite file.
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const specifier = 'node:sqlite';
    return (await import(specifier)) as NodeSqlite;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emit;
  }
}

const PARAM = /@(\w+)/g;

function wrap(
  driver: string,
  db: { exec(sql: string): unknown },
  prepare: (sql: string) => Statement,
  close: () => void,
): SqliteDatabase {
  const prepared = new Map<string, { statement: Statement; names: string[] }>();
  const statement = (sql: string, params: SqlParams = {}) => {
    let entry = prepared.get(sql);
    if (!entry) {
      entry = { statement: prepare(sql), names: [...new Set([...sql.matchAll(PARAM)].map((m) => m[1]!))] };
      prepared.set(sql, entry);
    }
    const bound: Row = {};
    for (const name of entry.names) bound[name] = params[name] ?? null;
    return { statement: entry.statement, bound };
  };
  return {
    driver,
    exec: (sql) => {
      db.exec(sql);
    },
    all: (sql, params) => {
      const { statement: s, bound } = statement(sql, params);
      return s.all(bound) as Row[];
    },
    get: (sql, params) => {
      const { statement: s, bound } = statement(sql, params);
      return s.get(bound) as Row | undefined;
    },
    run: (sql, params) => {
      const { statement: s, bound } = statement(sql, params);
      return Number(s.run(bound).changes);
    },
    immediate: (work) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    close,
  };
}
