import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/history/postgres.js';
import { previousFindingIds } from '../../src/history/previous.js';
import { recordScan } from '../../src/history/record-scan.js';
import { openSqliteStore } from '../../src/history/sqlite.js';
import type { HistoryStore } from '../../src/history/store.js';
import { driftId, violationId } from '../../src/report/fingerprint.js';
import { tempDir } from '../helpers/cli.js';
import { type Postgres, postgresAvailable, postgresRequired, startPostgres } from '../helpers/postgres.js';
import { adminPolicy, DAY1, DAY2, DAY3, scanAt, unmanaged } from './store-cases.js';

const TABLES = ['driftwarden_migrations', 'driftwarden_scans', 'driftwarden_findings'];

/** The same behaviour from both stores, against a SQLite file and a real PostgreSQL server. */
/** Every row of every driftwarden table, as text. */
type Dump = (name: string) => Promise<string>;

function storeSuite(open: (name: string) => Promise<HistoryStore>, dump: Dump) {
  it('keeps a finding first-seen time across scans and resolves what a complete scan no longer sees', async () => {
    const store = await open('first-seen');
    try {
      const first = await recordScan(store, scanAt(DAY1, [unmanaged('bob'), unmanaged('eve')]), 'team-a');
      expect(first.previous.size).toBe(0);
      expect(first.report.drift.map((d) => d.history)).toEqual([
        { firstSeen: DAY1, lastSeen: DAY1 },
        { firstSeen: DAY1, lastSeen: DAY1 },
      ]);
      const second = await recordScan(store, scanAt(DAY2, [unmanaged('bob'), unmanaged('ann')]), 'team-a');
      expect(second.previous.size).toBe(2);
      expect(second.report.drift.map((d) => [d.key, d.history?.firstSeen])).toEqual([
        ['aws_iam_user.bob', DAY1],
        ['aws_iam_user.ann', DAY2],
      ]);
      expect(second.report.history).toMatchObject({ scope: 'team-a', resolved: 1 });
      expect(second.report.history?.trend.map((point) => point.startedAt)).toEqual([DAY1, DAY2]);
      const findings = await store.findings({ scope: 'team-a' });
      const eve = findings.find((f) => f.key === 'aws_iam_user.eve');
      expect(eve).toMatchObject({ firstSeen: DAY1, lastSeen: DAY1, resolvedAt: DAY2 });
      expect(eve?.resolvedScan).toBe(second.report.history?.scanId);
      expect(findings.find((f) => f.key === 'aws_iam_user.bob')).toMatchObject({
        firstSeen: DAY1,
        lastSeen: DAY2,
        resolvedAt: null,
      });
      expect([...(await store.openFindingIds('team-a'))].sort()).toEqual(
        findings
          .filter((f) => f.resolvedAt === null)
          .map((f) => f.id)
          .sort(),
      );
    } finally {
      await store.close();
    }
  });

  it('resolves nothing from an incomplete scan, and no drift from a scan that read no live side', async () => {
    const store = await open('incomplete');
    try {
      await recordScan(store, scanAt(DAY1, [unmanaged('bob')], [adminPolicy('admin')]), 'team-b');
      const incomplete = await recordScan(store, scanAt(DAY2, [], [], { complete: false }), 'team-b');
      expect(incomplete.report.history?.resolved).toBe(0);
      const codeOnly = scanAt(DAY3, [], []);
      codeOnly.scan.sources = codeOnly.scan.sources.filter((source) => source.side === 'declared');
      const afterCodeOnly = await recordScan(store, codeOnly, 'team-b');
      // The rules ran and the admin policy is gone: that resolves; drift was not compared: bob stays open.
      expect(afterCodeOnly.report.history?.resolved).toBe(1);
      const findings = await store.findings({ scope: 'team-b' });
      expect(findings.map((f) => [f.key, f.lastSeen, f.resolvedAt])).toEqual([
        ['aws_iam_user.bob', DAY1, null],
        ['aws_iam_policy.admin', DAY1, DAY3],
      ]);
    } finally {
      await store.close();
    }
  });

  it('opens a resolved finding again with a new first-seen time, and keeps scopes apart', async () => {
    const store = await open('reopen');
    try {
      await recordScan(store, scanAt(DAY1, [unmanaged('bob')]), 'team-c');
      await recordScan(store, scanAt(DAY2, []), 'team-c');
      await recordScan(store, scanAt(DAY2, []), 'team-d');
      const back = await recordScan(store, scanAt(DAY3, [unmanaged('bob')]), 'team-c');
      expect(back.report.drift[0]?.history).toEqual({ firstSeen: DAY3, lastSeen: DAY3 });
      expect(await store.findings({ scope: 'team-d' })).toEqual([]);
      expect((await store.scans({ scope: 'team-c' })).map((s) => s.startedAt)).toEqual([DAY1, DAY2, DAY3]);
    } finally {
      await store.close();
    }
  });

  it('records scans of one scope written at the same time, each once, with one finding row per id', async () => {
    const stores = await Promise.all([
      open('concurrent'),
      open('concurrent'),
      open('concurrent'),
      open('concurrent'),
    ]);
    try {
      const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
      await Promise.all(
        stores.map((store, index) =>
          recordScan(
            store,
            scanAt(`${days[index]}T02:00:00.000Z`, [unmanaged('bob'), unmanaged(`user${index}`)]),
            'team-e',
          ),
        ),
      );
      const [store] = stores;
      const scans = await store?.scans({ scope: 'team-e' });
      expect(scans?.map((s) => s.startedAt)).toEqual(days.map((day) => `${day}T02:00:00.000Z`));
      const findings = (await store?.findings({ scope: 'team-e' })) ?? [];
      const bob = findings.filter((f) => f.key === 'aws_iam_user.bob');
      expect(bob).toHaveLength(1);
      expect(bob[0]).toMatchObject({ firstSeen: '2026-11-10T02:00:00.000Z', resolvedAt: null });
      expect(bob[0]?.lastSeen).toBe('2026-11-13T02:00:00.000Z');
      // Whatever order the writers took the lock in, each userN was seen once and is resolved by a later scan
      // only when that scan started after it: user3 (the latest day) stays open.
      expect(findings.find((f) => f.key === 'aws_iam_user.user3')?.resolvedAt).toBeNull();
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('runs its migrations once when several open a new store at the same time', async () => {
    const stores = await Promise.all([open('migrations'), open('migrations'), open('migrations')]);
    await Promise.all(stores.map((store) => store.close()));
    const again = await open('migrations');
    await again.close();
    expect(await dump('migrations')).toContain('driftwarden_migrations: [{"version":1,');
    expect((await dump('migrations')).match(/"version":1/g)).toHaveLength(1);
  });

  it('stores no secret: neither attribute values nor messages, and keys redacted', async () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    const leaky = {
      ...unmanaged(`ci-${secret}`),
      changes: [{ path: 'password', declared: secret, live: 'x' }],
    };
    const violation = { ...adminPolicy('admin'), message: `key ${secret} is in the policy` };
    const store = await open('secrets');
    try {
      const { report } = await recordScan(store, scanAt(DAY1, [leaky], [violation]), 'team-f');
      expect(report.drift).toHaveLength(1);
    } finally {
      await store.close();
    }
    const text = await dump('secrets');
    expect(text).toContain('aws_iam_user.ci-(redacted)');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('is in the policy');
  });
}

describe('the SQLite history store', () => {
  const dir = tempDir();

  it('gives notifications the ids open before a scan, by the report fingerprints', async () => {
    const path = `${dir}/previous.db`;
    const location = { kind: 'sqlite', path, display: 'sqlite:previous.db' } as const;
    const store = await openSqliteStore(path, location.display);
    const report = scanAt(DAY1, [unmanaged('bob')], [adminPolicy('admin')]);
    await recordScan(store, report, 'team-n');
    await store.close();
    expect(await previousFindingIds(location, 'team-n')).toEqual(
      new Set([driftId(unmanaged('bob')), violationId(adminPolicy('admin'))]),
    );
    expect(await previousFindingIds(location, 'other')).toEqual(new Set());
  });

  storeSuite(
    (name) => openSqliteStore(`${dir}/${name}.db`, `sqlite:${name}.db`),
    async (name) => {
      const db = new Database(`${dir}/${name}.db`, { readonly: true });
      try {
        return TABLES.map(
          (table) => `${table}: ${JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all())}`,
        ).join('\n');
      } finally {
        db.close();
      }
    },
  );
});

describe.runIf(postgresAvailable || postgresRequired)('the PostgreSQL history store', () => {
  let server: Postgres;
  const urls = new Map<string, string>();
  beforeAll(async () => {
    server = await startPostgres();
    // Each test's store is a database of its own, so that migrations start from nothing.
    for (const name of ['first-seen', 'incomplete', 'reopen', 'concurrent', 'migrations', 'secrets'])
      urls.set(name, await server.database());
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  storeSuite(
    (name) => openPostgresStore(urls.get(name) ?? '', 'postgres://test'),
    async (name) => {
      const client = new pg.Client({ connectionString: urls.get(name) });
      await client.connect();
      try {
        const parts: string[] = [];
        for (const table of TABLES)
          parts.push(`${table}: ${JSON.stringify((await client.query(`SELECT * FROM ${table}`)).rows)}`);
        return parts.join('\n');
      } finally {
        await client.end();
      }
    },
  );
});
