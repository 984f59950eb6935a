import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { resolveScanSettings } from '../config/resolve.js';
import { displayPath } from '../connector/expand-paths.js';
import type { ConnectorContext } from '../connector/types.js';
import { usageError } from '../errors.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { recordSnapshot } from '../scan/record-snapshot.js';
import { parseCommandOptions } from './args.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';

export const SNAPSHOT_HELP = `Usage: driftwarden snapshot --live <connector>:<spec> [--live ...] --output <file>

Reads the live side once and writes it in the snapshot format, for offline and air-gapped scans later
(driftwarden scan --live snapshot:<file>). Secrets are recorded as unknown values, never written.
Exit codes: 0 recorded, 2 usage or input error, 3 a source was partial or failed (what was read is still written).
`;

export async function snapshotCommand(
  argv: readonly string[],
  io: CliIo,
  ctx: ConnectorContext,
): Promise<ExitCode> {
  const options = {
    live: { type: 'string', multiple: true },
    output: { type: 'string' },
    help: { type: 'boolean' },
    debug: { type: 'boolean' },
  } as const;
  const values = parseCommandOptions(argv, options, 'snapshot') as {
    live?: string[];
    output?: string;
    help?: boolean;
  };
  if (values.help) {
    io.stdout.write(SNAPSHOT_HELP);
    return EXIT.clean;
  }
  if (!values.live?.length || !values.output)
    throw usageError('snapshot needs --live <connector>:<spec> and --output <file>');
  const settings = resolveScanSettings({ live: values.live }, undefined, connectors, io.cwd);
  const recorded = await recordSnapshot(settings.sources, ctx);
  const out = resolve(io.cwd, values.output);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(recorded.snapshot, null, 2)}\n`);
  io.stdout.write(
    `recorded ${recorded.snapshot.resources.length} resources of ${recorded.snapshot.coveredTypes.length} covered types to ${displayPath(out, io.cwd)}\n`,
  );
  for (const status of recorded.statuses) {
    if (status.status === 'failed')
      io.stderr.write(`driftwarden: source failed: ${oneLine(status.error ?? status.location)}\n`);
    for (const problem of status.problems ?? [])
      io.stderr.write(`driftwarden: ${oneLine(`${status.location}: ${problem}`)}\n`);
  }
  if (recorded.statuses.every((s) => s.status === 'failed')) return EXIT.incomplete;
  return recorded.complete ? EXIT.clean : EXIT.incomplete;
}
