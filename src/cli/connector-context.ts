import type { ConnectorContext } from '../connector/types.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';

/** The context connectors get: the process's environment and clock, logging to stderr, progress on a terminal. */
export function connectorContext(
  io: CliIo,
  debug: boolean,
  onProgress: (message: string) => void,
): ConnectorContext {
  return {
    cwd: io.cwd,
    env: io.env,
    signal: new AbortController().signal,
    now: () => new Date(),
    log: {
      debug: (message) => debug && io.stderr.write(`debug: ${oneLine(message)}\n`),
      info: (message) => debug && io.stderr.write(`info: ${oneLine(message)}\n`),
      warn: (message) => io.stderr.write(`warning: ${oneLine(message)}\n`),
    },
    diagnostic: (diagnostic) => {
      if (debug) io.stderr.write(`debug: ${diagnostic.level}: ${oneLine(diagnostic.message)}\n`);
    },
    progress: (message) => {
      onProgress(message);
      if (debug) io.stderr.write(`debug: ${oneLine(message)}\n`);
    },
  };
}
