import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { resolveScanSettings } from '../config/resolve.js';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import type { CodeFile } from '../fix/code-index.js';
import { planFixes } from '../fix/plan.js';
import { readModuleCode } from '../fix/read-code.js';
import { fixText } from '../fix/text.js';
import type { Report } from '../model/report.js';
import { executeScan } from '../scan/execute-scan.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { loadBaseline } from '../scan/load-baseline.js';
import { parseCommandLine, parseScanArguments } from './args.js';
import { connectorContext } from './connector-context.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';
import { loadConfig } from './scan-command.js';
import { writeNewFile } from './write-new-file.js';

export const FIX_HELP = `Usage: driftwarden fix [--report <report.json> | scan options] [options]

For each changed resource, the two ways out of drift: accept the live value, as a patch to the Terraform code
(a unified diff of the lines that write the value, keeping the file's formatting) followed by
"terraform apply -refresh-only -target=<address>", or revert the cloud to the code with
"terraform apply -target=<address>". A value is patched only where the resource's own block in the root module
writes it as a literal, or, for what a sub-resource configures (a bucket's aws_s3_bucket_versioning), that
sub-resource's block, which the applies then target; a variable, a local, a reference, a function call, a
template, a set element, a module's resource, a count or for_each instance and a secret are named with the reason
instead.

Options:
  --report <file>         the JSON report of a scan (driftwarden scan --output json=<file>); without it, fix
                          scans first, with the scan options (--state, --live, --config, ...: driftwarden help scan)
  --code <dir>            a Terraform root module to patch (its .tf files); repeatable; default: the current
                          directory. Inside the git work tree (the patch names files from its top, as
                          git apply reads them), or the current directory outside one
  --patch <file>          write the patch to this file (apply it with git apply <file>)
  --force                 replace the --patch file when it exists
  --format <format>       what to print: text (default), json, or patch (the unified diff alone)

Exit codes: 0 done (whatever could or could not be patched), 2 usage or input error, 3 the scan is incomplete.
`;

const OPTIONS = {
  report: { type: 'string' },
  code: { type: 'string', multiple: true },
  patch: { type: 'string' },
  force: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FixFormat = 'text' | 'json' | 'patch';

interface FixFlags {
  report?: string;
  code?: string[];
  patch?: string;
  force?: boolean;
  format?: string;
  help?: boolean;
}

/** `driftwarden fix`: a report (or a scan) and the code -> patches and commands. */
export async function fixCommand(
  argv: readonly string[],
  io: CliIo,
  debug: boolean,
  version: string,
): Promise<ExitCode> {
  const { own, scan } = splitArguments(argv);
  const flags = parseCommandLine(own, OPTIONS, 'fix').values as FixFlags;
  if (flags.help) {
    io.stdout.write(FIX_HELP);
    return EXIT.clean;
  }
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'patch')
    throw usageError(
      `--format must be text, json or patch, not "${oneLine(format)}" (run "driftwarden fix --help")`,
    );
  if (flags.report !== undefined && scan.length > 0)
    throw usageError('fix takes --report or scan options, not both (run "driftwarden fix --help")');
  const report =
    flags.report === undefined
      ? await scanFirst(scan, io, debug, version)
      : await readReport(flags.report, io);
  const code = await readCode(flags.code ?? ['.'], io);
  const plan = planFixes(report.drift, code);
  for (const file of code)
    if (file.problem !== undefined)
      io.stderr.write(`driftwarden: warning: ${oneLine(file.problem)}, not patched\n`);
  if (flags.patch !== undefined) {
    const path = resolve(io.cwd, flags.patch);
    await writeNewFile({ path, display: displayPath(path, io.cwd) }, plan.patch, flags.force ?? false);
  }
  io.stdout.write(render(format, plan));
  if (!report.scan.complete) {
    io.stderr.write('driftwarden: the scan is incomplete; what it could not read has no proposal\n');
    return EXIT.incomplete;
  }
  return EXIT.clean;
}

function render(format: FixFormat, plan: ReturnType<typeof planFixes>): string {
  if (format === 'patch') return plan.patch;
  if (format === 'json')
    return `${JSON.stringify({ proposals: plan.proposals, patch: plan.patch }, null, 2)}\n`;
  return `${fixText(plan, oneLine)}${plan.patch === '' ? '' : `\n${plan.patch}`}`;
}

/** fix's own flags, and the rest for the scan. */
function splitArguments(argv: readonly string[]): { own: string[]; scan: string[] } {
  const own: string[] = [];
  const scan: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.startsWith('--') ? (arg.slice(2).split('=')[0] ?? '') : arg === '-h' ? 'help' : '';
    const option = Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS] : undefined;
    if (option === undefined) {
      scan.push(arg);
      continue;
    }
    own.push(arg);
    if (option.type === 'string' && !arg.includes('=') && i + 1 < argv.length) own.push(argv[++i] as string);
  }
  return { own, scan };
}

/**
 * The root modules' files, named relative to the top of the git work tree the current directory is in (else the
 * current directory): `git apply` reads a patch's paths from the top, wherever in the work tree it runs.
 */
async function readCode(dirs: readonly string[], io: CliIo): Promise<CodeFile[]> {
  const top = workTreeTop(io.cwd);
  const root = top ?? io.cwd;
  const code: CodeFile[] = [];
  for (const dir of dirs) {
    const path = resolve(io.cwd, dir);
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside))
      throw usageError(
        `--code ${oneLine(dir)} is outside ${top === undefined ? 'the current directory' : 'the git work tree'}, where the patch's paths start`,
      );
    const shown = oneLine(displayPath(path, io.cwd));
    const module = await readModuleCode(path, root).catch((error: NodeJS.ErrnoException) => {
      throw usageError(
        `--code ${shown}: ${error.code === 'ENOENT' ? 'no such directory' : oneLine(error.message)}`,
      );
    });
    code.push(...module.files);
    for (const problem of module.problems) io.stderr.write(`driftwarden: warning: ${oneLine(problem)}\n`);
    if (module.files.length === 0 && module.problems.length === 0)
      io.stderr.write(`driftwarden: warning: --code ${shown} holds no .tf files\n`);
  }
  return code;
}

function workTreeTop(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

async function readReport(file: string, io: CliIo): Promise<Report> {
  const path = resolve(io.cwd, file);
  return await loadBaseline({ path, display: displayPath(path, io.cwd) });
}

async function scanFirst(
  argv: readonly string[],
  io: CliIo,
  debug: boolean,
  version: string,
): Promise<Report> {
  const flags = parseScanArguments(argv, io.env);
  const loaded = await loadConfig(flags.config, io.cwd);
  const settings = resolveScanSettings(flags, loaded, connectors, io.cwd);
  const executed = await executeScan(
    settings,
    connectorContext(io, debug, () => undefined),
    version,
  );
  return executed.report;
}
