import { resolve } from 'node:path';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { render } from '../report/index.js';
import { mergeReports } from '../report/merge.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { builtinRules, loadReports } from '../scan/load-reports.js';
import { packageVersion } from '../util/package-info.js';
import { parseCommandLine } from './args.js';
import { type CliIo, checkOutputTargets, type OutputTarget, writeOutputFile } from './io.js';
import { oneLine } from './one-line.js';

export const MERGE_HELP = `Usage: driftwarden merge <report.json|glob>... [options]

Combines the JSON reports of several scans (the jobs of a matrix: one account, subscription or state group each)
into one report. Each finding is listed once, by its content id; the finding counts are recomputed, the resource
counts are the sums of the runs. A source that was partial or failed in any run stays so, and a report that
cannot be read (or a path that matches none) is a failed source of its own: either way the merged report is
incomplete (exit 3), never clean.

Options:
  -o, --output <format>=<file>  also write the merged report to a file (repeatable), e.g. json=merged.json
  -f, --format <format>         what stdout gets: ${REPORT_FORMATS.join(', ')} (default json)

Exit codes: 0 merged, 2 usage or input error (no report readable), 3 a merged scan or report was incomplete.
`;

const OPTIONS = {
  output: { type: 'string', short: 'o', multiple: true },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

interface MergeFlags {
  output?: string[];
  format?: string;
  help?: boolean;
}

/** `driftwarden merge`: one report from several. */
export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, 'merge', true);
  const flags = values as MergeFlags;
  if (flags.help) {
    io.stdout.write(MERGE_HELP);
    return EXIT.clean;
  }
  if (positionals.length === 0)
    throw usageError('merge needs the JSON reports to merge (run "driftwarden merge --help")');
  const format = formatOf(flags.format ?? 'json', '--format');
  const outputs = (flags.output ?? []).map((item) => outputOf(item, io.cwd));
  await checkOutputTargets(outputs);
  const { inputs, problems } = await loadReports(positionals, io.cwd);
  for (const problem of problems)
    io.stderr.write(`driftwarden: error: ${oneLine(`${problem.display}: ${problem.message}`)}\n`);
  const merged = mergeReports(inputs, problems, packageVersion());
  const context = { rules: await builtinRules() };
  for (const target of outputs)
    await writeOutputFile(target, render(target.format as ReportFormat, merged, context));
  io.stdout.write(render(format, merged, context));
  io.stderr.write(
    `driftwarden: merged ${inputs.length} report${inputs.length === 1 ? '' : 's'}: ${merged.drift.length} drift entries, ${merged.violations.length} violations${merged.scan.complete ? '' : ' (incomplete)'}\n`,
  );
  return merged.scan.complete ? EXIT.clean : EXIT.incomplete;
}

function formatOf(value: string, where: string): ReportFormat {
  if (isReportFormat(value)) return value;
  throw usageError(`${where} ${value}: unknown format (known: ${REPORT_FORMATS.join(', ')})`);
}

function outputOf(item: string, cwd: string): OutputTarget {
  const eq = item.indexOf('=');
  if (eq <= 0 || eq === item.length - 1)
    throw usageError(`--output ${item}: expected <format>=<file>, e.g. json=merged.json`);
  const path = resolve(cwd, item.slice(eq + 1));
  return { format: formatOf(item.slice(0, eq), '--output'), path, display: displayPath(path, cwd) };
}
