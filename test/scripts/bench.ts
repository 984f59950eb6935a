/**
 * `npm run bench`: generates synthetic estates (declared + live, ~5% drift) and times `driftwarden scan` on them in a
 * fresh process each, end to end (reading, parsing, normalising, diffing, rendering JSON), against the floor of
 * reading and `JSON.parse`-ing the same files (bench-parse.ts), in the same run. Not a test: it prints figures for
 * BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/package-info.js';
import { syntheticEstate } from './synthetic-estate.js';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const root = packageRoot();
/** The default scan runs the built-in policies on every resource; the drift-only variant shows their share. */
const VARIANTS = [
  { name: 'drift + built-in policies (the default scan)', flags: [] },
  { name: 'drift only (--no-builtin-policies)', flags: ['--no-builtin-policies'] },
];
const runner = join(root, 'dist', 'test', 'scripts', 'bench-run.js');
const parser = join(root, 'dist', 'test', 'scripts', 'bench-parse.js');
/** Issue 15: the default scan within this many times JSON.parse of its inputs, and under this peak memory. */
const TARGET_RATIO = 8;
const TARGET_PEAK_MIB = 1024;
const SCAN = ['scan', '--state', 'states/*.tfstate', '--live', 'snapshot:live.json', '--format', 'json'];

interface Run {
  code: number;
  wallMs: number;
  maxRssMiB: number;
  processMs: number;
}

/** Runs a bench script in a fresh node process in `dir`; its last line of output is its figures. */
function runChild(script: string, args: string[], dir: string): Run {
  const spawned = performance.now();
  const out = execFileSync(process.execPath, [script, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const processMs = Math.round(performance.now() - spawned);
  return { ...JSON.parse(out.trim().split('\n').pop() ?? '{}'), processMs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
for (const size of sizes) {
  const dir = join(tmpdir(), `driftwarden-bench-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'states'), { recursive: true });
  const estate = syntheticEstate(size, Math.max(1, Math.round(size / 10_000)));
  for (const [index, text] of estate.states.entries())
    writeFileSync(join(dir, 'states', `s${index}.tfstate`), text);
  writeFileSync(join(dir, 'live.json'), estate.snapshot);
  const stateBytes = estate.states.reduce((sum, text) => sum + text.length, 0);
  console.log(
    `\n${size} declared (${estate.states.length} state files, ${(stateBytes / 2 ** 20).toFixed(1)} MiB) + live snapshot (${(estate.snapshot.length / 2 ** 20).toFixed(1)} MiB)`,
  );
  const files = [...estate.states.map((_, index) => join('states', `s${index}.tfstate`)), 'live.json'];
  let ok = true;
  for (const [index, variant] of VARIANTS.entries()) {
    console.log(`  ${variant.name}:`);
    const results: Run[] = [];
    // The floor runs just before each scan, so that both see the same machine even when its load changes.
    const floor: Run[] = [];
    for (let run = 0; run < runs; run++) {
      const parsed = runChild(parser, files, dir);
      floor.push(parsed);
      const flags = ['--output', 'json=report.json', '--fail-on', 'none', ...variant.flags];
      const result = runChild(runner, [...SCAN, ...flags], dir);
      results.push(result);
      console.log(
        `    run ${run + 1}: ${result.processMs} ms end to end (scan ${result.wallMs} ms), peak RSS ${result.maxRssMiB} MiB, exit ${result.code}; JSON.parse of the same files just before: ${parsed.wallMs} ms in process (${parsed.processMs} ms end to end, peak RSS ${parsed.maxRssMiB} MiB)`,
      );
    }
    const floorScan = median(floor.map((r) => r.wallMs));
    const floorProcess = median(floor.map((r) => r.processMs));
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const s = report.summary;
    const exact =
      s.changed === estate.expected.changed &&
      s.missing === estate.expected.missing &&
      s.unmanaged === estate.expected.unmanaged;
    ok &&= exact;
    const wall = results.map((r) => r.processMs).sort((a, b) => a - b);
    const peak = Math.max(...results.map((r) => r.maxRssMiB));
    const violations = Object.values(s.violations as Record<string, number>).reduce((a, b) => a + b, 0);
    console.log(
      `    end to end: median ${median(wall)} ms (min ${wall[0]}, max ${wall[wall.length - 1]}), peak RSS max ${peak} MiB`,
    );
    console.log(
      `    found changed ${s.changed}, missing ${s.missing}, unmanaged ${s.unmanaged} (planted ${estate.expected.changed}, ${estate.expected.missing}, ${estate.expected.unmanaged}): ${exact ? 'exact' : 'MISMATCH'}; ${violations} violations`,
    );
    const ratio = median(results.map((r) => r.wallMs)) / Math.max(1, floorScan);
    const ratioEnd = median(wall) / Math.max(1, floorProcess);
    console.log(
      `    JSON.parse (bench-parse.js): median ${floorScan} ms in process, ${floorProcess} ms end to end`,
    );
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    const targets = ` (target ${TARGET_RATIO}x: ${verdict(ratio <= TARGET_RATIO)}; peak under ${TARGET_PEAK_MIB} MiB: ${verdict(peak < TARGET_PEAK_MIB)})`;
    console.log(
      `    vs JSON.parse: ${ratio.toFixed(1)}x in process, ${ratioEnd.toFixed(1)}x end to end${index === 0 ? targets : ''}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}
