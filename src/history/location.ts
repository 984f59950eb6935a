import { isAbsolute, resolve } from 'node:path';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';

/** Where the history is kept: `sqlite:<path>` or a `postgres://` (`postgresql://`) connection URL. */
export type HistoryLocation =
  | { kind: 'sqlite'; path: string; display: string }
  | { kind: 'postgres'; url: string; display: string };

/**
 * Parses `--history` / config `history`. A relative SQLite path starts at `baseDir` (the config file's folder for
 * the config key, the working directory for the flag). The display form of a URL has no password: it is what the
 * report, the table and every message show.
 */
export function parseHistoryLocation(spec: string, baseDir: string, cwd: string): HistoryLocation {
  if (spec.startsWith('sqlite:')) {
    const file = spec.slice('sqlite:'.length);
    if (file === '')
      throw usageError('history sqlite:: expected sqlite:<path>, e.g. sqlite:.driftwarden/history.db');
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    return { kind: 'sqlite', path, display: `sqlite:${displayPath(path, cwd)}` };
  }
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      throw usageError('history: not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: spec, display: withoutPassword(url) };
  }
  throw usageError(
    `history ${spec.includes('://') ? '(a URL)' : spec}: expected sqlite:<path> or postgres://<user>@<host>/<database>`,
  );
}

function withoutPassword(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  copy.search = '';
  return copy.href;
}
