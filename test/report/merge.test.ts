import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERGE_HELP } from '../../src/cli/merge-command.js';
import type { Report } from '../../src/model/report.js';
import { reportSchema } from '../../src/model/report.js';
import { driftId, violationId } from '../../src/report/fingerprint.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { sampleReport } from './sample-report.js';

const example = join(import.meta.dirname, '../../fixtures/example');
const live = JSON.parse(readFileSync(join(example, 'live.json'), 'utf8')) as {
  coveredTypes: string[];
  resources: { type: string }[];
};

/**
 * The example estate as an organisation's matrix would scan it: one job per state group, each against the live
 * side of its own types (a snapshot cut from fixtures/example/live.json), each writing a JSON report.
 */
const GROUPS = {
  iam: (type: string) => type.startsWith('aws_iam_'),
  network: (type: string) =>
    [
      'aws_vpc',
      'aws_subnet',
      'aws_internet_gateway',
      'aws_route_table',
      'aws_security_group',
      'aws_vpc_endpoint',
    ].includes(type),
  storage: (type: string) => !GROUPS.iam(type) && !GROUPS.network(type),
} as const;

async function scan(dir: string, args: string[], name: string): Promise<string> {
  const out = join(dir, `${name}.json`);
  const result = await runCli(
    [
      'scan',
      '--ignore-file',
      join(example, '.driftignore'),
      ...args,
      '--output',
      `json=${out}`,
      '--fail-on',
      'none',
    ],
    { cwd: example },
  );
  expect(result.code, result.stderr).toBe(0);
  return out;
}

async function groupReports(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [name, covers] of Object.entries(GROUPS)) {
    const snapshot = join(dir, `${name}-live.json`);
    writeFileSync(
      snapshot,
      JSON.stringify({
        ...live,
        coveredTypes: live.coveredTypes.filter(covers),
        resources: live.resources.filter((r) => covers(r.type)),
      }),
    );
    files.push(
      await scan(dir, ['--state', `states/${name}.tfstate`, '--live', `snapshot:${snapshot}`], name),
    );
  }
  return files;
}

const read = (path: string) => reportSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) as Report;
const ids = (report: Report) => ({
  drift: report.drift.map(driftId).sort(),
  violations: report.violations.map(violationId).sort(),
});

describe('driftwarden merge on the reports of several runs', () => {
  it('three state groups merged give the findings and counts of one scan of the whole estate', async () => {
    const dir = tempDir();
    const whole = read(await scan(dir, ['--config', 'driftwarden.yml'], 'whole'));
    const parts = await groupReports(dir);
    const result = await runCli(['merge', ...parts, '--output', `json=${join(dir, 'merged.json')}`], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const merged = reportSchema.parse(JSON.parse(result.stdout));
    expect(read(join(dir, 'merged.json'))).toEqual(merged);
    expect(ids(merged)).toEqual(ids(whole));
    // A live resource is located in the snapshot its run read: the group's own file.
    const liveFile = <T extends { location?: { file?: string } }>(finding: T): T =>
      finding.location?.file?.endsWith('live.json') ? { ...finding, location: { file: 'live' } } : finding;
    expect(merged.drift.map(liveFile)).toEqual(whole.drift.map(liveFile));
    expect(merged.violations.map(liveFile)).toEqual(whole.violations.map(liveFile));
    const { coverage: _c, ...counts } = merged.summary;
    const { coverage: _w, ...wholeCounts } = whole.summary;
    expect(counts).toEqual(wholeCounts);
    expect(merged.summary.coverage).toBe(whole.summary.coverage);
    expect(merged.scan.complete).toBe(true);
    expect(merged.scan.sources.map((s) => s.location)).toEqual([
      'states/iam.tfstate',
      expect.stringContaining('iam-live.json'),
      'states/network.tfstate',
      expect.stringContaining('network-live.json'),
      'states/storage.tfstate',
      expect.stringContaining('storage-live.json'),
    ]);
    expect(merged.scan.diagnostics.filter((d) => d.code === 'merge.report').map((d) => d.source)).toEqual([
      'iam.json',
      'network.json',
      'storage.json',
    ]);
    expect(result.stderr).toBe(
      `driftwarden: merged 3 reports: ${whole.drift.length} drift entries, ${whole.violations.length} violations\n`,
    );
  });

  it('a finding in two reports is listed once, with the later run’s entry, and the merge says so', async () => {
    const dir = tempDir();
    const [iam] = await groupReports(dir);
    const earlier = read(iam!);
    const later = structuredClone(earlier);
    later.scan.startedAt = '2099-01-01T00:00:00.000Z';
    const changed = later.drift.find((entry) => entry.kind === 'changed')!;
    changed.changes = [{ path: 'description', declared: 'a', live: 'b' }];
    const laterPath = join(dir, 'later.json');
    writeFileSync(laterPath, JSON.stringify(later));
    const result = await runCli(['merge', laterPath, iam!], { cwd: dir });
    expect(result.code).toBe(0);
    const merged = reportSchema.parse(JSON.parse(result.stdout));
    expect(ids(merged)).toEqual(ids(earlier));
    expect(merged.drift.find((entry) => driftId(entry) === driftId(changed))?.changes).toEqual(
      changed.changes,
    );
    const n = earlier.drift.length + earlier.violations.length;
    expect(merged.scan.diagnostics).toContainEqual({
      level: 'info',
      code: 'merge.duplicates',
      message: `${n} findings were in more than one report and are listed once`,
    });
    expect(merged.summary.declared).toBe(2 * earlier.summary.declared);
  });

  it('an incomplete run and an unreadable report make the merge incomplete, never clean, and hide no other run', async () => {
    const dir = tempDir();
    const [iam, network, storage] = await groupReports(dir);
    const partial = read(storage!);
    partial.scan.complete = false;
    partial.scan.sources[1] = {
      ...partial.scan.sources[1]!,
      status: 'partial',
      problems: ['aws_s3_bucket: AccessDenied'],
    };
    writeFileSync(storage!, JSON.stringify(partial));
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 2, "tool": ');
    const result = await runCli(['merge', iam!, network!, storage!, 'broken.json', 'missing-*.json'], {
      cwd: dir,
    });
    expect(result.code).toBe(3);
    const merged = reportSchema.parse(JSON.parse(result.stdout));
    expect(merged.scan.complete).toBe(false);
    const failed = merged.scan.sources.filter((s) => s.status !== 'ok');
    expect(failed.slice(0, 1)).toEqual([partial.scan.sources[1]]);
    expect(failed.slice(1).map((s) => [s.connector, s.location, s.status])).toEqual([
      ['report', 'broken.json', 'failed'],
      ['report', 'missing-*.json', 'failed'],
    ]);
    expect(failed[1]?.error).toMatch(/^not merged: .*; what that scan found is unknown$/);
    const stderrLines = result.stderr.trimEnd().split('\n');
    expect(stderrLines[0]).toMatch(/^driftwarden: error: broken\.json: /);
    expect(stderrLines[1]).toMatch(/^driftwarden: error: missing-\*\.json: /);
    // The good runs' findings are all there.
    const expected = [iam!, network!, storage!].flatMap((f) => read(f).drift.map(driftId)).sort();
    expect(ids(merged).drift).toEqual(expected);
  });

  it('refuses to merge nothing, and a merge where no report is readable is an error naming each file', async () => {
    const dir = tempDir({ 'bad.json': 'not json' });
    expect((await runCli(['merge'], { cwd: dir })).stderr).toMatch(/merge needs the JSON reports to merge/);
    const bad = await runCli(['merge', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^driftwarden: usage error: no report could be read: bad\.json: /);
    expect(bad.stdout).toBe('');
  });

  it('renders the merged report in the other formats with the rules described, as a scan does', async () => {
    const dir = tempDir();
    const parts = await groupReports(dir);
    const whole = await scan(
      dir,
      ['--config', 'driftwarden.yml', '--output', `sarif=${join(dir, 'whole.sarif')}`],
      'w',
    );
    const result = await runCli(['merge', ...parts, '--format', 'markdown'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#+ /m);
    expect(result.stdout).toContain('acme-prod-tmp-export');
    const sarif = await runCli(['merge', whole, '--format', 'sarif'], { cwd: dir });
    const rulesOf = (text: string) =>
      (JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] }).runs[0]?.tool.driver
        .rules;
    expect(rulesOf(sarif.stdout)?.length).toBeGreaterThan(0);
    expect(rulesOf(sarif.stdout)).toEqual(rulesOf(readFileSync(join(dir, 'whole.sarif'), 'utf8')));
  });

  it('spans the runs from the first start to the last end, and a start that is not a date crashes nothing', async () => {
    const dir = tempDir();
    const at = (startedAt: string, durationMs: number) => {
      const report = sampleReport();
      report.scan = { ...report.scan, startedAt, durationMs };
      return report;
    };
    writeFileSync(join(dir, 'a.json'), JSON.stringify(at('2026-12-07T03:00:00.000Z', 60_000)));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(at('2026-12-07T03:05:00.000Z', 30_000)));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(at('not a date', 1)));
    const result = await runCli(['merge', 'a.json', 'b.json', 'c.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const merged = reportSchema.parse(JSON.parse(result.stdout));
    expect(merged.scan.startedAt).toBe('2026-12-07T03:00:00.000Z');
    expect(merged.scan.durationMs).toBe(330_000);
    const odd = await runCli(['merge', 'c.json'], { cwd: dir });
    expect(reportSchema.parse(JSON.parse(odd.stdout)).scan).toMatchObject({
      startedAt: 'not a date',
      durationMs: 1,
    });
  });

  it('has its help, also as help merge', async () => {
    expect(await runCli(['help', 'merge'])).toEqual({ code: 0, stdout: MERGE_HELP, stderr: '' });
    const format = await runCli(['merge', 'a.json', '--format', 'pdf'], { cwd: tempDir() });
    expect(format.stderr).toBe(
      'driftwarden: usage error: --format pdf: unknown format (known: table, json, markdown, sarif, html, junit)\n',
    );
  });
});
