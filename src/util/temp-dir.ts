import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private temporary directories that never outlive the process. Copies of state files hold secrets in plain text,
 * so a directory is removed when its owner is done with it, and also when the process ends any other way: on
 * `process.exit`, on an uncaught error, and on SIGINT, SIGTERM and SIGHUP (a cancelled GitHub Actions job gets
 * SIGINT, then SIGTERM). After a signal the directories are removed synchronously and the signal is raised again
 * with its default action, so the exit status is the one the signal would have given.
 */

export interface TempDir {
  /** The directory, mode 0700 (mkdtemp's default): only the runner's user can read it. */
  dir: string;
  /** Removes the directory and everything in it; idempotent. */
  remove(): Promise<void>;
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

export async function privateTempDir(prefix: string): Promise<TempDir> {
  installHandlers();
  const dir = await mkdtemp(join(tmpdir(), `driftwarden-${prefix}-`));
  live.add(dir);
  return {
    dir,
    remove: async () => {
      live.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The directories not yet removed (for tests). */
export function liveTempDirs(): string[] {
  return [...live];
}

function removeAllNow(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort while exiting: nothing is left to report to.
    }
  }
  live.clear();
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAllNow);
  for (const signal of SIGNALS) {
    const onSignal = () => {
      removeAllNow();
      for (const other of SIGNALS) process.removeListener(other, handlers[other]);
      // Another listener (a test runner, an embedding program) keeps its own say over the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    handlers[signal] = onSignal;
    process.on(signal, onSignal);
  }
}

const handlers = {} as Record<(typeof SIGNALS)[number], () => void>;
