/**
 * `npm run bench:history`: recording a 100k-finding scan (BENCH_FINDINGS) into SQLite and into PostgreSQL, with
 * rendering the same report as JSON in the same run as the yardstick (the machine is shared: ratios, not absolute
 * times, are what compare across runs). Per store: opening a new one (migrations), the first scan (every finding
 * new), the same scan again (every finding updated), a scan where a tenth of the findings are gone and a tenth are
 * new (resolutions), and `driftwarden history`'s reads (scans, findings, trends). Medians of BENCH_RUNS stores.
 * PostgreSQL is DRIFTWARDEN_TEST_POSTGRES_URL, or a server started with a throwaway data directory (fsync off, as
 * the suites run it; a production server syncs each commit, which adds a few milliseconds per scan, not per row).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../src/history/postgres.js';
import { recordScan } from '../../src/history/record-scan.js';
import { openSqliteStore } from '../../src/history/sqlite.js';
import type { HistoryStore } from '../../src/history/store.js';
import { trendsOf } from '../../src/history/trends.js';
import type { Report } from '../../src/model/report.js';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { renderJson } from '../../src/report/json.js';
import { packageRoot } from '../../src/util/package-info.js';
import { startPostgres } from '../helpers/postgres.js';
import { largeReport } from './large-report.js';

const findings = Number(process.env.BENCH_FINDINGS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Times {
  open: number;
  first: number;
  again: number;
  churn: number;
  read: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

function daysAfter(report: Report, days: number): string {
  return new Date(Date.parse(report.scan.startedAt) + days * 86_400_000).toISOString();
}

/** The report a day later, with the first tenth of its findings gone and as many new ones. */
function churned(report: Report, startedAt: string): Report {
  const tenth = (n: number) => Math.floor(n / 10);
  const renamed = <T extends { key: string }>(list: T[]) =>
    list.map((item, index) => (index < tenth(list.length) ? { ...item, key: `${item.key}-new` } : item));
  return {
    ...report,
    scan: { ...report.scan, startedAt },
    drift: renamed(report.drift),
    violations: renamed(report.violations),
  };
}

async function measure(open: () => Promise<HistoryStore>, report: Report): Promise<Times> {
  const [store, openMs] = await timed(open);
  try {
    const [, first] = await timed(() => recordScan(store, report, 'bench'));
    const day2 = { ...report, scan: { ...report.scan, startedAt: daysAfter(report, 1) } };
    const [, again] = await timed(() => recordScan(store, day2, 'bench'));
    const [recorded, churn] = await timed(() =>
      recordScan(store, churned(report, daysAfter(report, 2)), 'bench'),
    );
    if (
      recorded.report.history?.resolved !==
      Math.floor(report.drift.length / 10) + Math.floor(report.violations.length / 10)
    )
      throw new Error(`unexpected resolutions: ${recorded.report.history?.resolved}`);
    const [, read] = await timed(async () => {
      const scans = await store.scans({ scope: 'bench' });
      trendsOf(scans, await store.findings({ scope: 'bench' }));
    });
    return { open: openMs, first, again, churn, read };
  } finally {
    await store.close();
  }
}

function summary(label: string, all: Times[], json: number, extra = ''): string {
  const m = (key: keyof Times) => median(all.map((t) => t[key]));
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const ratio = (value: number) => `${(value / json).toFixed(1)}x`;
  return [
    `${label}${extra}`,
    `  open a new store (migrations)  ${ms(m('open'))}`,
    `  first scan, all new            ${ms(m('first'))}  (${ratio(m('first'))} the JSON report)`,
    `  same scan again, all updated   ${ms(m('again'))}  (${ratio(m('again'))})`,
    `  10% resolved, 10% new          ${ms(m('churn'))}  (${ratio(m('churn'))})`,
    `  history reads and trends       ${ms(m('read'))}`,
  ].join('\n');
}

const rules = (
  (await import(join(packageRoot(), 'policies/dist/catalogue.json'), { with: { type: 'json' } })) as {
    default: { rules: CatalogueRule[] };
  }
).default.rules;
const large = largeReport(findings, rules);
// A complete scan of both sides with the rules run: one whose absent findings are resolved.
const report: Report = {
  ...large,
  scan: { ...large.scan, complete: true, policies: { rules: rules.length, failed: [] } },
};
// Unwaived findings are what the store records; the JSON report renders everything, waived ones too.
const recorded = report.drift.length + report.violations.length;
const jsonTimes: number[] = [];
for (let run = 0; run < runs; run++) jsonTimes.push((await timed(async () => renderJson(report)))[1]);
const json = median(jsonTimes);
console.log(
  `bench:history: ${recorded} findings recorded (${report.drift.length} drift, ${report.violations.length} violations), ${runs} runs, node ${process.version}, ${cpus().length} CPUs`,
);
console.log(`JSON report of the same scan: ${json.toFixed(0)} ms\n`);

const dir = mkdtempSync(join(tmpdir(), 'driftwarden-bench-history-'));
try {
  const sqlite: Times[] = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const path = join(dir, `history-${run}.db`);
    sqlite.push(await measure(() => openSqliteStore(path, 'sqlite:bench'), report));
    size = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  }
  console.log(
    summary('SQLite', sqlite, json, `, file after three scans: ${(size / 2 ** 20).toFixed(1)} MiB`),
  );
  const server = await startPostgres();
  try {
    const postgres: Times[] = [];
    for (let run = 0; run < runs; run++) {
      const url = await server.database();
      postgres.push(await measure(() => openPostgresStore(url, 'postgres://bench'), report));
    }
    console.log(`\n${summary('PostgreSQL', postgres, json)}`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
