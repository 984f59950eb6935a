import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type LoadedConfig, loadConfigFile } from '../config/load.js';
import { displayPath } from '../connector/expand-paths.js';
import { inputError, usageError } from '../errors.js';
import { type HistoryLocation, parseHistoryLocation } from '../history/location.js';
import { openHistoryStore } from '../history/open.js';
import { trendsOf } from '../history/trends.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { parseCommandLine } from './args.js';
import { historyTable } from './history-table.js';
import type { CliIo } from './io.js';

export const HISTORY_HELP = `Usage: driftwarden history [--history <store>] [options]

Prints what the history store recorded (driftwarden scan --history): per day, the drift and violations of each
scope's last scan, coverage, the findings first seen and resolved; the mean time to resolve; and the findings
still open, oldest first.

Options:
  --history <store>      sqlite:<path> or postgres://... (default: the config file's history, or
                         DRIFTWARDEN_HISTORY)
  --scope <name>         one scope (default: every scope)
  --days <n>             only the last n days (default 30; 0 for every day)
  -f, --format <format>  table (default) or json: {store, scans[], findings[], days[], meanTimeToResolve}
  -c, --config <file>    the config file that names the store (default: ./driftwarden.yml when present)

Exit codes: 0 printed, 2 usage or input error.
`;

const OPTIONS = {
  history: { type: 'string' },
  scope: { type: 'string' },
  days: { type: 'string' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

interface HistoryFlags {
  history?: string;
  scope?: string;
  days?: string;
  format?: string;
  config?: string;
  help?: boolean;
}

const DAY_MS = 86_400_000;

/** `driftwarden history`: the trends of a history store, as a table or JSON. */
export async function historyCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const flags = parseCommandLine(argv, OPTIONS, 'history').values as HistoryFlags;
  if (flags.help) {
    io.stdout.write(HISTORY_HELP);
    return EXIT.clean;
  }
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw usageError(`--format ${format}: unknown format (known: table, json)`);
  const days = parseDays(flags.days ?? '30');
  const location = await locationOf(flags, io);
  if (location.kind === 'sqlite' && !existsSync(location.path))
    throw inputError(location.display, 'no history store here yet: driftwarden scan --history records one');
  const store = await openHistoryStore(location);
  try {
    const since = days === 0 ? undefined : new Date(Date.now() - days * DAY_MS).toISOString();
    const query = {
      ...(flags.scope === undefined ? {} : { scope: flags.scope }),
      ...(since ? { since } : {}),
    };
    const scans = await store.scans(query);
    const findings = await store.findings(query);
    const trends = trendsOf(scans, findings, since);
    if (format === 'json') {
      const output = { store: store.display, ...(since ? { since } : {}), scans, findings, ...trends };
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else io.stdout.write(historyTable(store.display, trends, findings));
    return EXIT.clean;
  } finally {
    await store.close();
  }
}

function parseDays(text: string): number {
  if (!/^\d{1,5}$/.test(text))
    throw usageError(`--days ${text}: expected a whole number of days (0 for all)`);
  return Number(text);
}

/** --history, else DRIFTWARDEN_HISTORY, else the config file's `history` (relative to the file). */
async function locationOf(flags: HistoryFlags, io: CliIo): Promise<HistoryLocation> {
  const spec = flags.history ?? io.env.DRIFTWARDEN_HISTORY;
  if (spec !== undefined && spec !== '') return parseHistoryLocation(spec, io.cwd, io.cwd);
  const loaded = await loadConfig(flags.config, io.cwd);
  if (loaded?.config.history !== undefined)
    return parseHistoryLocation(loaded.config.history, loaded.baseDir, io.cwd);
  throw usageError(
    'history needs a store: --history sqlite:<path> or postgres://..., or history: in driftwarden.yml',
  );
}

async function loadConfig(flag: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (flag !== undefined) {
    const path = resolve(cwd, flag);
    return loadConfigFile(path, displayPath(path, cwd));
  }
  const implicit = resolve(cwd, 'driftwarden.yml');
  return existsSync(implicit) ? loadConfigFile(implicit, 'driftwarden.yml') : undefined;
}
