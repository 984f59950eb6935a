import { envNameOf, type OptionSpec, SCAN_OPTIONS } from '../config/options.js';
import { usageError } from '../errors.js';

/** Flags from DRIFTWARDEN_<FLAG> variables. Kept apart from args.ts so that main.ts can read --debug cheaply. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * `--debug`, `-d` or DRIFTWARDEN_DEBUG, for any command: it decides how errors are shown before parsing. A
 * malformed DRIFTWARDEN_DEBUG is not debug here; the command's own parsing reports it as a usage error.
 */
export function wantsDebug(argv: readonly string[], env: Env): boolean {
  if (argv.includes('--debug') || argv.includes('-d')) return true;
  const debug = SCAN_OPTIONS.find((option) => option.flag === 'debug');
  try {
    return debug ? envValue(debug, env) === true : false;
  } catch {
    return false;
  }
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/**
 * A flag's value from its variable; an empty variable is unset. A repeatable flag takes one value a line
 * (`DRIFTWARDEN_STATE=$'a.tfstate\nb.tfstate'`): commas belong to values (`{a,b}` globs, `regions=a,b`).
 */
export function envValue(option: OptionSpec, env: Env): string | string[] | boolean | undefined {
  const name = envNameOf(option);
  const raw = name === undefined ? undefined : env[name];
  if (name === undefined || raw === undefined || raw.trim() === '') return undefined;
  if (option.kind === 'boolean') {
    const word = raw.trim().toLowerCase();
    if (TRUE.has(word)) return true;
    if (FALSE.has(word)) return false;
    throw usageError(`${name}=${raw.trim()}: expected true or false (or 1, 0, yes, no)`);
  }
  if (!option.multiple) return raw.trim();
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
