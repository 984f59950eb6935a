import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { type LoadedConfig, loadConfigFile } from '../config/load.js';
import { resolveScanSettings, type ScanSettings } from '../config/resolve.js';
import { displayPath } from '../connector/expand-paths.js';
import { startScanHistory } from '../history/scan-history.js';
import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { useColor } from '../report/color-choice.js';
import type { ReportFormat } from '../report/formats.js';
import { renderLazily } from '../report/render-lazily.js';
import { executeScan } from '../scan/execute-scan.js';
import { EXIT, type ExitCode, exitCodeFor } from '../scan/exit-code.js';
import { parseScanArguments } from './args.js';
import { connectorContext } from './connector-context.js';
import { scanHelp } from './help.js';
import { type CliIo, checkOutputTargets, writeOutputFile } from './io.js';
import { oneLine } from './one-line.js';
import { createProgress } from './progress.js';

/** `driftwarden scan`: arguments -> config -> scan -> render -> exit code. main.ts loads it only for a scan. */
export async function scanCommand(
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
  const history = await startScanHistory(settings);
  const interactive = Boolean(io.stderr.isTTY) && useColor(true, io.env);
  const progress = createProgress(io, interactive && !debug);
  let executed: Awaited<ReturnType<typeof executeScan>>;
  try {
    const ctx = connectorContext(io, debug, progress.update);
    executed = await executeScan(settings, confine ? { ...ctx, confine } : ctx, version);
  } catch (error) {
    // The scan's error is the one to report, not a failure to close the store after it.
    await history?.close().catch(() => {});
    throw error;
  } finally {
    progress.done();
  }
  const { rules } = executed;
  const report = history ? (await history.record(executed.report)).report : executed.report;
  // Each format is rendered once (a 100k scan's JSON report takes a third of a second) and its text reused for the
  // files and stdout; only the table depends on where it goes (colour, width), and stdout renders its own.
  const rendered = new Map<ReportFormat, string>();
  const renderFile = async (format: ReportFormat): Promise<string> => {
    const text =
      rendered.get(format) ??
      (await renderLazily(format, report, { rules, sarifFallback: settings.configFile }));
    rendered.set(format, text);
    return text;
  };
  for (const output of settings.outputs) await writeOutputFile(output, await renderFile(output.format));
  io.stdout.write(
    settings.format === 'table'
      ? await renderTable(report, rules, settings, io)
      : await renderFile(settings.format),
  );
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

/**
 * The table for stdout, styled for where it goes. Its styles (chalk) are imported with the table's other modules,
 * only when a table is shown: a scan rendering JSON or SARIF loads none of them.
 */
async function renderTable(
  report: Report,
  rules: readonly CatalogueRule[],
  settings: ScanSettings,
  io: CliIo,
): Promise<string> {
  const { styleFor } = await import('../report/style.js');
  const { color, ...terminal } = settings.terminal;
  const style = styleFor(color, Boolean(io.stdout.isTTY), io.env);
  const shown = { style, terminal: { ...terminal, width: io.stdout.columns }, rules };
  return renderLazily('table', report, { ...shown, sarifFallback: settings.configFile });
}

export async function loadConfig(flag: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (flag) {
    const path = resolve(cwd, flag);
    return loadConfigFile(path, displayPath(path, cwd));
  }
  const implicit = resolve(cwd, 'driftwarden.yml');
  return existsSync(implicit) ? loadConfigFile(implicit, 'driftwarden.yml') : undefined;
}
