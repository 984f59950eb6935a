/**
 * `npm run bench:startup`: what the CLI costs before it does any work, and what it adds to a scan, in one run on one
 * machine. Every case is a fresh process timed from spawn to exit, BENCH_RUNS times (default 15), and the cases take
 * turns run by run, so that a change in the machine's load falls on all of them alike:
 * - `node -e 0`, against `driftwarden --help` and `driftwarden --version` (target: within 3x);
 * - the example estate (fixtures/example) scanned by the CLI, against the same scan in-process: a process that has
 *   already imported the CLI and the scan's modules times its first `main(['scan', ...])` (target: within 2x). The
 *   later scans of that process are reported too (warm: compiled rules, started workers, a hot JIT).
 * For comparison only (it is not what ships): the same CLI bundled into one file by esbuild, which shows what loading
 * ~400 separate modules costs (dist/bench-startup/, removed afterwards). BENCH_BASELINE_BIN, another build's
 * dist/src/cli/bin.js (an earlier commit, say), adds its `--help` and scan to the same runs.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { packageRoot } from '../../src/util/package-info.js';

const root = packageRoot();
const bin = join(root, 'dist/src/cli/bin.js');
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

/** Spawn to exit, in milliseconds; stdout is returned for the in-process child's figures. */
function timed(args: string[]): Promise<{ ms: number; stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
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

/**
 * The CLI as one ES module (with a chunk per lazily imported command), inside the package so that it finds
 * policies/dist; the packages that read files beside themselves stay outside the bundle.
 */
async function bundleCli(outdir: string): Promise<string> {
  await build({
    entryPoints: [join(root, 'src/cli/bin.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    external: ['@open-policy-agent/opa-wasm', '@cdktf/hcl2json'],
    banner: {
      js: "import { createRequire as __dwRequire } from 'node:module'; const require = __dwRequire(import.meta.url);",
    },
  });
  return join(outdir, 'bin.js');
}

interface Measured {
  /** Spawn to exit, per case. */
  times: Record<string, number[]>;
  /** The in-process child's own figures: its first scan, and the median of its later ones. */
  first: number[];
  warm: number[];
}

/** Every case once per run, in turn. */
async function measureAll(cases: Record<string, string[]>, runs: number): Promise<Measured> {
  const measured: Measured = {
    times: Object.fromEntries(Object.keys(cases).map((name) => [name, []])),
    first: [],
    warm: [],
  };
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(cases)) {
      const result = await timed(args);
      if (result.code !== 0) throw new Error(`${name} exited ${result.code}`);
      if (args[1] === '--in-process') {
        const figures = JSON.parse(result.stdout) as InProcess;
        if (figures.code !== 0) throw new Error(`the in-process scan exited ${figures.code}`);
        measured.first.push(figures.firstMs);
        measured.warm.push(figures.warmMs);
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
  for (const [name, values] of Object.entries(times)) console.log(`${name.padEnd(28)} ${ms(values)}`);
  console.log(`${'  its first scan, timed inside'.padEnd(28)} ${ms(first)}`);
  console.log(`${`  its ${WARM_SCANS} later scans`.padEnd(28)} ${ms(warm)}\n`);
  console.log(`--help / node -e 0             ${ratio(of('driftwarden --help'), of('node -e 0'), 3)}`);
  console.log(`--version / node -e 0          ${ratio(of('driftwarden --version'), of('node -e 0'), 3)}`);
  console.log(`scan, CLI / in-process first   ${ratio(of('driftwarden scan'), median(first), 2)}`);
  console.log(`scan, CLI / in-process later   ${ratio(of('driftwarden scan'), median(warm))}`);
  console.log(
    `bundled CLI / in-process first ${ratio(of('scan, CLI bundled by esbuild'), median(first))} (not shipped)`,
  );
}

async function bench(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const loadBefore = loadavg()[0] ?? 0;
  const outdir = join(root, 'dist/bench-startup');
  try {
    const bundled = await bundleCli(outdir);
    const cases: Record<string, string[]> = {
      'node -e 0': ['-e', '0'],
      'driftwarden --help': [bin, '--help'],
      'driftwarden --version': [bin, '--version'],
      'driftwarden scan': [bin, ...SCAN],
      'scan in-process': [self, '--in-process', ...SCAN],
      'scan, CLI bundled by esbuild': [bundled, ...SCAN],
    };
    const baseline = process.env.BENCH_BASELINE_BIN;
    if (baseline) {
      cases['baseline --help'] = [baseline, '--help'];
      cases['baseline scan'] = [baseline, ...SCAN];
    }
    report(await measureAll(cases, runs), runs, loadBefore);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--in-process') await inProcess(process.argv.slice(3));
else await bench();
