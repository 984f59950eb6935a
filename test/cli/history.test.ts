import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { type Postgres, postgresAvailable, postgresRequired, startPostgres } from '../helpers/postgres.js';

const root = join(import.meta.dirname, '../..');
const config = join(root, 'fixtures/example/driftwarden.yml');
const bin = join(root, 'dist/cli/bin.js');
const run = promisify(execFile);

async function scanJson(history: string, extra: string[] = []) {
  const result = await runCli(
    ['scan', '--config', config, '--fail-on', 'none', '--format', 'json', '--history', history, ...extra],
    { cwd: root },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** Four CLI processes recording at once into one store: two scopes, two writers each. */
async function concurrentScans(history: string): Promise<void> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  await Promise.all(
    ['a', 'a', 'b', 'b'].map((scope) =>
      run(
        process.execPath,
        [
          bin,
          'scan',
          '--config',
          config,
          '--fail-on',
          'none',
          '--quiet',
          '--history',
          history,
          '--history-scope',
          scope,
        ],
        { cwd: root },
      ),
    ),
  );
}

describe('driftwarden scan --history and driftwarden history', () => {
  it('keeps first-seen across scans, and prints the trends as a table and as JSON', async () => {
    const store = `sqlite:${tempDir()}/nested/history.db`;
    const first = await scanJson(store);
    const second = await scanJson(store);
    expect(first.history.scanId).toBe(1);
    expect(second.history.scanId).toBe(2);
    expect(second.history.trend).toHaveLength(2);
    expect(second.drift.length).toBeGreaterThan(0);
    for (const entry of [...second.drift, ...second.violations]) {
      expect(entry.history.firstSeen).toBe(first.scan.startedAt);
      expect(entry.history.lastSeen).toBe(second.scan.startedAt);
    }

    const json = await runCli(['history', '--history', store, '--format', 'json'], { cwd: root });
    expect(json.code).toBe(0);
    const output = JSON.parse(json.stdout);
    expect(output.scans.map((s: { id: number }) => s.id)).toEqual([1, 2]);
    expect(output.findings).toHaveLength(second.drift.length + second.violations.length);
    expect(output.findings[0]).toMatchObject({ firstSeen: first.scan.startedAt, resolvedAt: null });
    expect(output.days).toHaveLength(1);
    expect(output.meanTimeToResolve).toEqual({ findings: 0, ms: null });

    const table = await runCli(['history', '--history', store], { cwd: root });
    expect(table.stdout).toMatch(/DAY\s+SCANS\s+DRIFT\s+VIOLATIONS\s+COVERAGE\s+NEW\s+RESOLVED/);
    expect(table.stdout).toContain(`Open findings: ${output.findings.length}`);
  });

  it('reads the store from the config file, relative to it', async () => {
    const dir = tempDir({
      'driftwarden.yml': `state: ${root}/fixtures/example/states/*.tfstate\nlive: [snapshot:${root}/fixtures/example/live.json]\nhistory: sqlite:db/h.db\nfailOn: none\n`,
    });
    const scanned = await runCli(['scan', '--quiet'], { cwd: dir });
    expect(scanned.code).toBe(0);
    expect(existsSync(join(dir, 'db/h.db'))).toBe(true);
    const history = await runCli(['history', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(history.stdout).scans).toHaveLength(1);
  });

  it('refuses a store it cannot use in one line, never printing a password', async () => {
    const bad = await runCli(['history', '--history', 'mysql://x'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected sqlite:<path> or postgres://');
    const missing = await runCli(['history', '--history', `sqlite:${tempDir()}/none.db`], { cwd: root });
    expect(missing.stderr).toContain('no history store here yet');
    const refused = await runCli(
      ['history', '--history', 'postgres://dw:hunter2secret@127.0.0.1:1/history'],
      { cwd: root },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('postgres://dw@127.0.0.1:1/history');
    expect(refused.stderr).not.toContain('hunter2secret');
  });

  it('records scans from several processes into one SQLite file at once', async () => {
    const store = `sqlite:${tempDir()}/shared.db`;
    await concurrentScans(store);
    const output = JSON.parse((await runCli(['history', '--history', store, '--format', 'json'])).stdout);
    expect(output.scans.map((s: { scope: string }) => s.scope).sort()).toEqual(['a', 'a', 'b', 'b']);
    const ids = output.findings.map((f: { scope: string; id: string }) => `${f.scope} ${f.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});

describe.runIf(postgresAvailable || postgresRequired)('driftwarden scan --history postgres://', () => {
  let server: Postgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('records scans from several processes into one database at once, migrating it once', async () => {
    await concurrentScans(server.url);
    const first = await scanJson(server.url, ['--history-scope', 'a']);
    expect(first.history.trend).toHaveLength(3);
    const output = JSON.parse(
      (await runCli(['history', '--history', server.url, '--format', 'json'])).stdout,
    );
    expect(output.scans.map((s: { scope: string }) => s.scope).sort()).toEqual(['a', 'a', 'a', 'b', 'b']);
    const perScope = output.findings.filter((f: { scope: string }) => f.scope === 'a').length;
    expect(perScope).toBe(first.drift.length + first.violations.length);
  }, 60_000);
});
