import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_PATH, CONFIG_SCHEMA_URL } from '../config/json-schema.js';
import { configSchema } from '../config/schema.js';
import { displayPath } from '../connector/expand-paths.js';
import { DriftwardenError, inputError, usageError } from '../errors.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { packageRoot } from '../util/package-info.js';
import { describeZodError } from '../util/zod-issue.js';
import { parseCommandLine } from './args.js';
import { composeConfig } from './init-config.js';
import { type Discovery, discover } from './init-discover.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';
import { writeNewFile } from './write-new-file.js';

export const INIT_HELP = `Usage: driftwarden init [dir] [--force]

Writes a starting driftwarden.yml into dir (default: the current folder) from what it finds there: Terraform
states (format version 4) and JSON plans, Terraform, CloudFormation and ARM code, backend blocks, recorded
snapshots and a .driftignore. Dot-folders (.git, .terraform) and dependency folders are not entered. The file
names the JSON Schema for editors, and suggests live sources from the states' regions and subscriptions.

Options:
  --force    replace an existing driftwarden.yml
  --stdout   print the config instead of writing it

Exit codes: 0 written, 2 usage or input error (an existing driftwarden.yml without --force).
`;

const CONFIG_NAME = 'driftwarden.yml';

/** `driftwarden init`: a driftwarden.yml that loads and runs, from the folder's states, code and files. */
export async function initCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseInitArgs(argv);
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return EXIT.clean;
  }
  if (positionals.length > 1) throw usageError('init takes one folder (run "driftwarden init --help")');
  const root = resolve(io.cwd, positionals[0] ?? '.');
  const rootDisplay = displayPath(root, io.cwd) || '.';
  if (!(await stat(root).catch(() => undefined))?.isDirectory())
    throw inputError(rootDisplay, 'no such folder');
  const target = join(root, CONFIG_NAME);
  // Before the walk, which may take a while in a large repository.
  if (!values.stdout && !values.force && (await lstat(target).catch(() => undefined)))
    throw inputError(displayPath(target, io.cwd), 'it already exists (pass --force to replace it)');
  const found = await discover(root);
  const text = composeConfig(found, schemaReference(root));
  checkLoads(text);
  if (values.stdout) io.stdout.write(text);
  else
    await writeNewFile({ path: target, display: displayPath(target, io.cwd) }, text, values.force ?? false);
  io.stderr.write(summary(found, values.stdout ? undefined : displayPath(target, io.cwd)));
  return EXIT.clean;
}

function parseInitArgs(argv: readonly string[]) {
  const options = {
    force: { type: 'boolean' },
    stdout: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' },
  } as const;
  const { values, positionals } = parseCommandLine(argv, options, 'init', true);
  return { values: values as { force?: boolean; stdout?: boolean; help?: boolean }, positionals };
}

/**
 * The schema of the installed driftwarden when it lies inside the folder (`npm install -D driftwarden`: every
 * clone gets the schema of the version it runs), the published one otherwise. A path into a global install would
 * hold only on this machine.
 */
export function schemaReference(root: string, installed = packageRoot()): string {
  const rel = relative(root, join(installed, CONFIG_SCHEMA_PATH));
  if (rel.startsWith('..') || isAbsolute(rel)) return CONFIG_SCHEMA_URL;
  return `./${rel.split(sep).join('/')}`;
}

/** The written file must load as a config; a failure here is a bug in init, never the user's. */
function checkLoads(text: string): void {
  const raw: unknown = parse(text);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success)
    throw new DriftwardenError(
      'internal',
      `init composed an invalid config: ${describeZodError(parsed.error, raw)}`,
    );
}

function summary(found: Discovery, written: string | undefined): string {
  const lines: string[] = [];
  for (const { path, reason } of found.skipped)
    lines.push(`driftwarden: skipped ${oneLine(path)}: ${oneLine(reason)}`);
  if (found.truncated) lines.push(`driftwarden: warning: ${found.truncated}`);
  const declared =
    found.states.size > 0 || found.plans.length > 0 || found.terraformFiles > 0 || hasTemplates(found);
  if (!declared)
    lines.push(
      'driftwarden: warning: found no Terraform state, plan or infrastructure code; add `state:` or `repo:` before scanning',
    );
  if (written !== undefined) {
    const config = written === CONFIG_NAME ? '' : ` --config ${written}`;
    lines.push(`driftwarden: wrote ${oneLine(written)}; next: driftwarden scan${oneLine(config)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function hasTemplates(found: Discovery): boolean {
  return found.templates.cloudformation + found.templates.arm > 0;
}
