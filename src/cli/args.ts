import { parseArgs } from 'node:util';
import { SCAN_OPTIONS } from '../config/options.js';
import type { ScanFlags } from '../config/resolve.js';
import { usageError } from '../errors.js';
import { suggestion } from '../util/did-you-mean.js';
import { driftctlFromToStates, isDriftctlFrom } from './driftctl.js';
import { type Env, envValue } from './env-flags.js';

/** What `driftwarden scan` was given, each flag under its own name (`fail-on`), from the line or the environment. */
export type ScanArguments = ScanFlags & { config?: string; help?: boolean; debug?: boolean } & {
  [flag: string]: string | string[] | boolean | undefined;
};

export type ParseOptions = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** driftctl's `--from`, which becomes `--state` (see driftctl.ts); not a flag of its own in the help. */
const FROM = 'from';

/** driftctl flags with no clean equivalent, and what to use instead. */
const DRIFTCTL_ONLY: Readonly<Record<string, string>> = {
  to: 'driftctl reads the cloud with --to; driftwarden reads live sources with --live <connector>:<spec> (run "driftwarden connectors")',
};

const HELP_HINT = '(run "driftwarden scan --help")';

/**
 * The arguments of `driftwarden scan`: flags (with their short and driftctl spellings), then, for each flag not
 * given, its DRIFTWARDEN_<FLAG> variable. A misspelt flag is refused with the nearest real one; a positional
 * argument is refused, as scan takes none.
 */
export function parseScanArguments(
  argv: readonly string[],
  env: Env,
  command: { name: string; options: ParseOptions } = { name: 'scan', options: {} },
): ScanArguments {
  const values = parseCommandOptions(argv, { ...scanParseOptions(), ...command.options }, command.name);
  const flags = canonical(values as ScanArguments, env);
  // A command that takes scan flags (codify) keeps its own flags too.
  for (const name of Object.keys(command.options))
    if (values[name] !== undefined) flags[name] = values[name] as string | boolean | string[];
  if (flags.help) return flags;
  for (const option of SCAN_OPTIONS) {
    if (flags[option.flag] !== undefined) continue;
    const fromEnv = envValue(option, env);
    if (fromEnv !== undefined) flags[option.flag] = fromEnv;
  }
  return flags;
}

/**
 * A command's options, strictly (no positional arguments): a misspelt flag is refused with the nearest real
 * one, any other problem with node's own message; both point at `driftwarden <command> --help`.
 */
export function parseCommandOptions(
  argv: readonly string[],
  options: ParseOptions,
  command: string,
): Record<string, string | boolean | (string | boolean)[] | undefined> {
  return parseCommandLine(argv, options, command).values;
}

/**
 * A command's options and, where it takes them (`policies show <id>`, `init [dir]`), its positional arguments. A
 * misspelt flag is refused with the nearest real one, any other problem with node's own message; both point at
 * `driftwarden <command> --help`.
 */
export function parseCommandLine(
  argv: readonly string[],
  options: ParseOptions,
  command: string,
  allowPositionals = false,
): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  const hint = `(run "driftwarden ${command} --help")`;
  refuseUnknown(argv, options, command, hint, allowPositionals);
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw usageError(`${message} ${hint}`);
  }
}

function scanParseOptions(): ParseOptions {
  const options: ParseOptions = {};
  for (const option of SCAN_OPTIONS) {
    const type = { type: option.kind, ...(option.multiple ? { multiple: true } : {}) };
    options[option.flag] = option.short ? { ...type, short: option.short } : type;
    for (const alias of option.aliases ?? []) options[alias] = type;
  }
  options[FROM] = { type: 'string', multiple: true };
  return options;
}

/** Unknown flags first, each with the nearest known one: node's own message suggests nothing. */
function refuseUnknown(
  argv: readonly string[],
  options: ParseOptions,
  command: string,
  hint: string,
  allowPositionals: boolean,
): void {
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const known = Object.keys(options);
  for (const token of tokens) {
    if (token.kind === 'option-terminator') return;
    if (token.kind === 'positional' && !allowPositionals)
      throw usageError(`unexpected argument "${token.value}": ${command} takes only options ${hint}`);
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const driftctl = command === 'scan' ? DRIFTCTL_ONLY[token.name] : undefined;
    if (driftctl !== undefined) throw usageError(`unknown option ${token.rawName}: ${driftctl}`);
    const near = token.rawName.startsWith('--') ? suggestion(token.name, known, (flag) => `--${flag}`) : '';
    throw usageError(`unknown option ${token.rawName}${near} ${hint}`);
  }
}

/**
 * Every value under its flag's own name: driftctl aliases (`--driftignore`) folded into their flag, `--from` (and
 * driftctl's `-f tfstate://...`, which is --format here) into --state.
 */
function canonical(values: ScanArguments, env: Env): ScanArguments {
  const flags: ScanArguments = {};
  for (const option of SCAN_OPTIONS) {
    const spellings = [option.flag, ...(option.aliases ?? [])].filter((name) => values[name] !== undefined);
    if (spellings.length > 1 && !option.multiple)
      throw usageError(`--${spellings.join(' and --')} are the same option; give it once ${HELP_HINT}`);
    const given = spellings.flatMap((name) => values[name] as string | string[] | boolean);
    if (given.length > 0) flags[option.flag] = option.multiple ? (given as string[]) : given[0];
  }
  const froms = [...((values[FROM] as string[] | undefined) ?? [])];
  if (typeof flags.format === 'string' && isDriftctlFrom(flags.format)) {
    froms.push(flags.format);
    delete flags.format;
  }
  if (froms.length > 0) flags.state = [...(flags.state ?? []), ...driftctlFromToStates(froms, env)];
  return flags;
}
