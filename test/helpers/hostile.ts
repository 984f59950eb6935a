import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

/**
 * The hostile-input corpus runs the real CLI in a child process, so that a hang, a stack overflow or an exhausted
 * heap shows as what a user would see, and so that its peak memory can be read from the child's own resource usage
 * (never from wall-clock time on this machine).
 */
const root = join(import.meta.dirname, '../..');

export interface HostileResult {
  /** The exit code; null when the child was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child, from process.resourceUsage() at exit (0 when it was killed). */
  maxRssMiB: number;
  /** True when the child was killed for running past `timeoutMs`. */
  timedOut: boolean;
  /** True when stdout or stderr passed 4 MiB and was cut (read a large report from `--output` instead). */
  truncated: boolean;
}

/** Children still running, killed when the test file ends (a test that timed out leaves none behind). */
const running = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

let bundled: Promise<string> | undefined;

/**
 * The CLI bundled from the sources under test (esbuild, dependencies left external), written inside the package so
 * that node_modules and package.json resolve as they do for the built CLI. One bundle per test file.
 */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(root, 'dist', 'hostile');
    mkdirSync(dir, { recursive: true });
    const outdir = mkdtempSync(join(dir, 'cli-'));
    const outfile = join(outdir, 'bin.mjs');
    await build({
      entryPoints: [join(root, 'src/cli/bin.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    writeFileSync(
      join(outdir, 'rusage.cjs'),
      "process.on('exit', () => { if (process.env.DW_RUSAGE_FILE) require('fs').writeFileSync(process.env.DW_RUSAGE_FILE, String(process.resourceUsage().maxRSS)); });\n",
    );
    return outfile;
  })();
  return bundled;
}

/**
 * Runs `driftwarden <args>` in a child with a heap ceiling and a kill timer. The ceiling is a bound, not the
 * measurement: `maxRssMiB` is what the child really used.
 */
export async function runHostile(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number; heapMiB?: number } = {
    cwd: root,
  },
): Promise<HostileResult> {
  const bin = await cliBundle();
  const usageDir = mkdtempSync(join(root, 'dist', 'hostile', 'run-'));
  const usageFile = join(usageDir, 'rusage');
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.heapMiB ?? 512}`,
      '--require',
      join(bin, '..', 'rusage.cjs'),
      bin,
      ...args,
    ],
    {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NO_COLOR: '1',
        DW_RUSAGE_FILE: usageFile,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let stdout = '';
  let stderr = '';
  let truncated = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < 1 << 22) stdout += chunk;
    else truncated = true;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 1 << 22) stderr += chunk;
    else truncated = true;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 20_000);
  const code = await new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
  clearTimeout(timer);
  running.delete(child);
  let maxRssMiB = 0;
  try {
    maxRssMiB = Number(readFileSync(usageFile, 'utf8')) / 1024;
  } catch {
    // killed before it could write its usage
  }
  rmSync(usageDir, { recursive: true, force: true });
  return { code, stdout, stderr, maxRssMiB, timedOut, truncated };
}

/** The outcome every hostile input must have: a bounded, clean failure with one line naming the file. */
export function describeOutcome(result: HostileResult): string {
  return `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}, ${result.maxRssMiB.toFixed(0)} MiB, stderr: ${result.stderr.slice(0, 400)}`;
}
