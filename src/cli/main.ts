import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { type LoadedConfig, loadConfigFile } from '../config/load.js';
import { resolveScanSettings } from '../config/resolve.js';
import { displayPath } from '../connector/expand-paths.js';
import type { ConnectorContext } from '../connector/types.js';
import { DriftwardenError, isDriftwardenError } from '../errors.js';
import { render } from '../report/index.js';
import { styleFor, useColor } from '../report/style.js';
import { executeScan } from '../scan/execute-scan.js';
import { EXIT, type ExitCode, exitCodeFor } from '../scan/exit-code.js';
import { ScanInputError } from '../scan/run-scan.js';
import { packageVersion } from '../util/package-info.js';
import { parseScanArguments, wantsDebug } from './args.js';
import { completionCommand } from './completion.js';
import { connectorsList, helpArgv, mainHelp, scanHelp, unknownCommand } from './help.js';
import { type CliIo, checkOutputTargets, writeOutputFile } from './io.js';
import { oneLine } from './one-line.js';
import { policiesCommand } from './policies-command.js';
import { createProgress } from './progress.js';
import { snapshotCommand } from './snapshot-command.js';
import { typesCommand } from './types-command.js';

/** The CLI: arguments -> config -> scan -> render -> exit code. Returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const debug = wantsDebug(argv, io.env);
  try {
    return await dispatch(argv, io, debug);
  } catch (error) {
    reportError(error, io, debug);
    return EXIT.error;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, debug: boolean): Promise<ExitCode> {
  const [command, ...rest] = argv;
  const version = packageVersion();
  switch (command) {
    case 'scan':
      return await scanCommand(rest, io, debug, version);
    case 'connectors':
      io.stdout.write(connectorsList(connectors));
      return EXIT.clean;
    case 'policies':
      return await policiesCommand(rest, io);
    case 'types':
      return typesCommand(rest, io);
    case 'init':
      return await (await import('./init-command.js')).initCommand(rest, io);
    case 'ignore':
      return await (await import('./ignore-command.js')).ignoreCommand(rest, io);
    case 'snapshot':
      return await snapshotCommand(
        rest,
        io,
        connectorContext(io, debug, () => undefined),
      );
    case '--version':
    case '-v':
    case 'version':
      io.stdout.write(`${version}\n`);
      return EXIT.clean;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      if (command === 'help' && rest[0] !== undefined) return await dispatch(helpArgv(rest[0]), io, debug);
      io.stdout.write(mainHelp(version));
      return EXIT.clean;
    case 'completion':
      return completionCommand(rest, io);
    default:
      throw unknownCommand(command);
  }
}

async function scanCommand(
  argv: readonly string[],
  io: CliIo,
  debug: boolean,
  version: string,
): Promise<ExitCode> {
  const flags = parseScanArguments(argv, io.env);
  if (flags.help) {
    io.stdout.write(scanHelp());
    return EXIT.clean;
  }
  const loaded = await loadConfig(flags.config, io.cwd);
  const confine = flags.confine === undefined ? undefined : resolve(io.cwd, flags.confine);
  const settings = resolveScanSettings(flags, loaded, connectors, io.cwd, confine ? { confine } : {});
  // Before the scan: a report that cannot be written is a usage problem, and should cost nothing.
  await checkOutputTargets(settings.outputs);
  const interactive = Boolean(io.stderr.isTTY) && useColor(true, io.env);
  const progress = createProgress(io, interactive && !debug);
  let executed: Awaited<ReturnType<typeof executeScan>>;
  try {
    const ctx = connectorContext(io, debug, progress.update);
    executed = await executeScan(settings, confine ? { ...ctx, confine } : ctx, version);
  } finally {
    progress.done();
  }
  const { report, rules } = executed;
  for (const output of settings.outputs) {
    await writeOutputFile(
      output,
      render(output.format, report, { rules, sarifFallback: settings.configFile }),
    );
  }
  const { color, ...terminal } = settings.terminal;
  const style = styleFor(color, Boolean(io.stdout.isTTY), io.env);
  const shown = { style, terminal: { ...terminal, width: io.stdout.columns }, rules };
  io.stdout.write(render(settings.format, report, { ...shown, sarifFallback: settings.configFile }));
  if (!report.scan.complete) {
    for (const source of report.scan.sources.filter((s) => s.status === 'failed')) {
      io.stderr.write(`driftwarden: source failed: ${oneLine(source.error ?? source.location)}\n`);
    }
    for (const source of report.scan.sources.filter((s) => s.status === 'partial')) {
      for (const problem of source.problems ?? [])
        io.stderr.write(`driftwarden: ${oneLine(`${source.location}: ${problem}`)}\n`);
    }
    for (const rule of report.scan.policies?.failed ?? []) {
      io.stderr.write(`driftwarden: rule failed: ${oneLine(`${rule.ruleId}: ${rule.error}`)}\n`);
    }
    io.stderr.write('driftwarden: the scan is incomplete; the results above are partial\n');
  }
  for (const output of settings.outputs)
    if (debug) io.stderr.write(`debug: wrote ${output.format} report to ${output.display}\n`);
  return exitCodeFor(report, settings.failOn);
}

async function loadConfig(flag: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (flag) {
    const path = resolve(cwd, flag);
    return loadConfigFile(path, displayPath(path, cwd));
  }
  const implicit = resolve(cwd, 'driftwarden.yml');
  return existsSync(implicit) ? loadConfigFile(implicit, 'driftwarden.yml') : undefined;
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

/** The context connectors get: the process's environment and clock, logging to stderr, progress on a terminal. */
function connectorContext(
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
