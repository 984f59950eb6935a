import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './moto.js';

/**
 * A real PostgreSQL for the history suites, on 127.0.0.1. `.ci/run` starts one and exports its URL as
 * DRIFTWARDEN_TEST_POSTGRES_URL (and DRIFTWARDEN_REQUIRE_POSTGRES=1, which turns a skip into a failure); elsewhere
 * a suite starts its own server with a throwaway data directory when Debian's postgresql (initdb, pg_ctl) is
 * installed, and skips with a visible notice when it is not. Each suite gets a database of its own.
 */
const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
const binDir = BIN_DIRS.find((dir) => existsSync(join(dir, 'initdb')));
const sharedUrl = process.env.DRIFTWARDEN_TEST_POSTGRES_URL;

export const postgresAvailable = sharedUrl !== undefined || binDir !== undefined;
export const postgresRequired = process.env.DRIFTWARDEN_REQUIRE_POSTGRES === '1';
if (!postgresAvailable && !postgresRequired) {
  console.warn(
    '\n  NOTICE: PostgreSQL not found (no DRIFTWARDEN_TEST_POSTGRES_URL, no initdb); the Postgres history suites are SKIPPED. Install it with: apt-get install postgresql\n',
  );
}

export interface Postgres {
  /** A fresh database of its own. */
  url: string;
  /** Another fresh database on the same server (dropped by stop). */
  database(): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  const server = sharedUrl === undefined ? await ownServer() : { url: sharedUrl, stop: () => {} };
  const { default: pg } = await import('pg');
  const names: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const database = async () => {
    const name = `dw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin(`CREATE DATABASE ${name}`);
    names.push(name);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    return url.href;
  };
  return {
    url: await database(),
    database,
    async stop() {
      for (const name of names) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      server.stop();
    },
  };
}

/** initdb and pg_ctl as the `postgres` user when running as root (PostgreSQL refuses to run as root). */
async function ownServer(): Promise<{ url: string; stop: () => void }> {
  if (binDir === undefined) throw new Error('PostgreSQL is not installed (initdb not found)');
  const dir = mkdtempSync(join(tmpdir(), 'driftwarden-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const exec = (tool: string, args: string[]) => {
    const command = join(binDir, tool);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  exec('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      exec('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}
