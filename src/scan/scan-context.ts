import type { ConnectorContext, Logger } from '../connector/types.js';

export interface ScanContextOptions {
  /** The working directory: relative paths are resolved against it and reports name files relative to it. */
  cwd: string;
  /** Credentials and settings for the connectors (AWS_*, AZURE_*, DRIFTWARDEN_*): pass `process.env` to use them. */
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  now?: () => Date;
  log?: Partial<Logger>;
  progress?: (message: string) => void;
  /** Refuse local files outside this directory (symlinks resolved), as `--confine` does. */
  confine?: string;
}

/**
 * The context a scan's connectors receive, for library users: what is not given is quiet (no logging, no
 * progress) and the clock is the system's. A scan's diagnostics are in its report (`report.scan.diagnostics`).
 */
export function createScanContext(options: ScanContextOptions): ConnectorContext {
  const quiet = () => undefined;
  return {
    cwd: options.cwd,
    env: options.env,
    signal: options.signal ?? new AbortController().signal,
    now: options.now ?? (() => new Date()),
    log: {
      debug: options.log?.debug ?? quiet,
      info: options.log?.info ?? quiet,
      warn: options.log?.warn ?? quiet,
    },
    diagnostic: quiet,
    progress: options.progress ?? quiet,
    ...(options.confine === undefined ? {} : { confine: options.confine }),
  };
}
