import { DriftwardenError, isDriftwardenError } from '../errors.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { ScanInputError } from '../scan/scan-input-error.js';
import { packageVersion } from '../util/package-info.js';
import { connectorContext } from './connector-context.js';
import { wantsDebug } from './env-flags.js';
import { connectorsList, mainHelp } from './help.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';

/**
 * The CLI: arguments -> config -> scan -> render -> exit code. Returns the exit code; never calls process.exit.
 * Each command's modules are imported when it runs, so that `--help` or `types` never load the scan, the cloud
 * SDKs or the policy engine (test/cli/startup.test.ts).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const debug = wantsDebug(argv, io.env);
  try {
    return await dispatch(argv, io, debug);
  } catch (error) {
    reportError(error, io, debug);
    return EXIT.error;
  }
}

/**
 * The commands that read reports, plans or the whole type catalogue load every provider's types first; a scan loads
 * those its sources need (src/model/types/index.ts), and the other commands read none.
 */
const WHOLE_CATALOGUE = new Set([
  'codify',
  'policies',
  'types',
  'init',
  'ignore',
  'notify',
  'merge',
  'fix',
  'history',
  'snapshot',
]);

async function dispatch(argv: readonly string[], io: CliIo, debug: boolean): Promise<ExitCode> {
  const [command, ...rest] = argv;
  const version = packageVersion();
  if (
    command !== undefined &&
    WHOLE_CATALOGUE.has(command) &&
    !rest.includes('--help') &&
    !rest.includes('-h')
  )
    await (await import('../model/types/index.js')).loadCatalogue();
  switch (command) {
    case 'scan': {
      (await import('./scan-prewarm.js')).prewarmScan(rest);
      const { scanCommand } = await import('./scan-command.js');
      return await scanCommand(rest, io, debug, version);
    }
    case 'codify': {
      const { codifyCommand } = await import('./codify-command.js');
      return await codifyCommand(rest, io, debug, version);
    }
    case 'connectors': {
      const { connectors } = await import('../../connectors/index.js');
      io.stdout.write(connectorsList(connectors));
      return EXIT.clean;
    }
    case 'policies': {
      const { policiesCommand } = await import('./policies-command.js');
      return await policiesCommand(rest, io);
    }
    case 'types': {
      const { typesCommand } = await import('./types-command.js');
      return typesCommand(rest, io);
    }
    case 'init': {
      const { initCommand } = await import('./init-command.js');
      return await initCommand(rest, io);
    }
    case 'ignore': {
      const { ignoreCommand } = await import('./ignore-command.js');
      return await ignoreCommand(rest, io);
    }
    case 'notify': {
      const { notifyCommand } = await import('./notify-command.js');
      return await notifyCommand(rest, io);
    }
    case 'merge': {
      const { mergeCommand } = await import('./merge-command.js');
      return await mergeCommand(rest, io);
    }
    case 'fix': {
      const { fixCommand } = await import('./fix-command.js');
      return await fixCommand(rest, io, debug, version);
    }
    case 'history': {
      const { historyCommand } = await import('./history-command.js');
      return await historyCommand(rest, io);
    }
    case 'completion': {
      const { completionCommand } = await import('./completion.js');
      return completionCommand(rest, io);
    }
    case 'snapshot': {
      const { snapshotCommand } = await import('./snapshot-command.js');
      return await snapshotCommand(
        rest,
        io,
        connectorContext(io, debug, () => undefined),
      );
    }
    case '--version':
    case '-v':
    case 'version':
      io.stdout.write(`${version}\n`);
      return EXIT.clean;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      if (command === 'help' && rest[0] !== undefined) {
        const { helpArgv } = await import('./command-lookup.js');
        return await dispatch(helpArgv(rest[0]), io, debug);
      }
      io.stdout.write(mainHelp(version));
      return EXIT.clean;
    default: {
      const { unknownCommand } = await import('./command-lookup.js');
      throw unknownCommand(command);
    }
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean): void {
  const errors = error instanceof ScanInputError ? error.errors : [error];
  for (const item of errors) {
    const message = oneLine(item instanceof Error ? item.message : String(item));
    const kind = isDriftwardenError(item) && item.code === 'usage' ? 'usage error' : 'error';
    io.stderr.write(`driftwarden: ${kind}: ${message}\n`);
    if (debug) io.stderr.write(`${stackOf(item)}\n`);
  }
  if (!debug && !(error instanceof DriftwardenError))
    io.stderr.write('driftwarden: run with --debug for details\n');
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : `\ncaused by: ${stackOf(error.cause)}`;
  return `${error.stack ?? error.message}${cause}`;
}
