/**
 * `npm run bench`: generates synthetic estates (declared + live, ~5% drift) and times `driftwarden scan` on them in a
 * fresh process each, end to end (reading, parsing, normalising, diffing, rendering JSON). Not a test: it prints
 * figures for BENCHMARKS.md.
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
  let ok = true;
  for (const variant of VARIANTS) {
    console.log(`  ${variant.name}:`);
    const results = [];
    for (let run = 0; run < runs; run++) {
      const spawned = performance.now();
      const args = [
        runner,
        'scan',
        '--state',
        'states/*.tfstate',
        '--live',
        'snapshot:live.json',
        '--format',
        'json',
      ];
      const out = execFileSync(
        process.execPath,
        [...args, '--output', 'json=report.json', '--fail-on', 'none', ...variant.flags],
        {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const processMs = Math.round(performance.now() - spawned);
      const result = { ...JSON.parse(out.trim().split('\n').pop() ?? '{}'), processMs };
      results.push(result);
      console.log(
        `    run ${run + 1}: ${processMs} ms end to end (scan ${result.wallMs} ms), peak RSS ${result.maxRssMiB} MiB, exit ${result.code}`,
      );
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const s = report.summary;
    const exact =
      s.changed === estate.expected.changed &&
      s.missing === estate.expected.missing &&
      s.unmanaged === estate.expected.unmanaged;
    ok &&= exact;
    const wall = results.map((r) => r.processMs).sort((a, b) => a - b);
    const rss = results.map((r) => r.maxRssMiB).sort((a, b) => a - b);
    const violations = Object.values(s.violations as Record<string, number>).reduce((a, b) => a + b, 0);
    console.log(
      `    end to end: median ${wall[Math.floor(wall.length / 2)]} ms (min ${wall[0]}, max ${wall[wall.length - 1]}), peak RSS max ${rss[rss.length - 1]} MiB`,
    );
    console.log(
      `    found changed ${s.changed}, missing ${s.missing}, unmanaged ${s.unmanaged} (planted ${estate.expected.changed}, ${estate.expected.missing}, ${estate.expected.unmanaged}): ${exact ? 'exact' : 'MISMATCH'}; ${violations} violations`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}
