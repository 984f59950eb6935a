import type { ConnectorContext } from '../../src/connector/types.js';
import type { Diagnostic } from '../../src/model/report.js';

/** A connector context for unit tests that touch no files: a fixed clock, silent logs, diagnostics recorded. */
export function recordingContext(): { ctx: ConnectorContext; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    ctx: {
      cwd: '/',
      env: {},
      signal: new AbortController().signal,
      now: () => new Date(0),
      log: { debug() {}, info() {}, warn() {} },
      diagnostic: (d) => diagnostics.push(d),
      progress() {},
    },
  };
}
