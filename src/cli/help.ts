import { type OptionSpec, SCAN_OPTIONS } from '../config/options.js';
import type { Connector } from '../connector/types.js';
import { usageError } from '../errors.js';
import { suggestion } from '../util/did-you-mean.js';

export function mainHelp(version: string): string {
  return `driftwarden ${version}: GitOps drift detection and compliance

Usage:
  driftwarden scan [options]     compare declared state with live state and report drift
  driftwarden connectors         list the connectors
  driftwarden policies list      print the rule catalogue (and: policies build)
  driftwarden types              list the resource types, their sources and what is compared live
  driftwarden snapshot           record the live side into a snapshot file
  driftwarden init [dir]         write a starting driftwarden.yml from the states and code found there
  driftwarden ignore generate    write .driftignore rules from a JSON report (driftctl's gen-driftignore)
  driftwarden completion <shell>  print shell completion for bash, zsh or fish
  driftwarden --version          print the version
  driftwarden help [command]     show help, or a command's help

Run "driftwarden help scan" for the scan options.
`;
}

/** The commands `mainHelp` lists, in its order: what `help <command>` and shell completion know. */
export function commandNames(): string[] {
  const names = [...mainHelp('').matchAll(/^ {2}driftwarden ([a-z][\w-]*)/gm)].map((match) => match[1] ?? '');
  return [...new Set(names)];
}

/** Each command's one-line summary, as `mainHelp` gives it (for shell completion's descriptions). */
export function commandSummaries(): Map<string, string> {
  const summaries = new Map<string, string>();
  for (const match of mainHelp('').matchAll(/^ {2}driftwarden ([a-z][\w-]*)[^\n]*? {2,}(\S[^\n]*)$/gm))
    if (match[1] && match[2] && !summaries.has(match[1])) summaries.set(match[1], match[2]);
  return summaries;
}

/**
 * `help <command>`: the command's own help, as `<command> --help` prints it; an unknown name is refused with the
 * nearest command.
 */
export function helpArgv(name: string): string[] {
  if (name === 'help') return ['--help'];
  if (!commandNames().includes(name)) throw unknownCommand(name);
  return [name, '--help'];
}

export function unknownCommand(name: string) {
  return usageError(`unknown command "${name}"${suggestion(name, commandNames())} (run "driftwarden help")`);
}

export function scanHelp(): string {
  const rows = SCAN_OPTIONS.map((o) => [spelling(o), o.description]);
  const width = Math.max(...rows.map(([flag]) => (flag ?? '').length));
  return `Usage: driftwarden scan [options]

Options:
${rows.map(([flag, text]) => `  ${(flag ?? '').padEnd(width)}  ${text}`).join('\n')}

Environment: every option but --help can be set as DRIFTWARDEN_<OPTION> (DRIFTWARDEN_FAIL_ON=high);
  a repeatable option takes one value a line. An option given wins over its variable, which wins over the config file.
driftctl's spellings: --from tfstate://<path>, tfstate+s3://<bucket>/<key> or tfstate+azurerm://<container>/<key>
  (account in AZURE_STORAGE_ACCOUNT) for --state, also as -f; --output json://<file>; --driftignore <file>.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error, 3 scan incomplete.
`;
}

/** `-s, --state <path|glob>`; flags without a short alias line up after `    `. */
function spelling(option: OptionSpec): string {
  const long = `--${option.flag}${option.value ? ` ${option.value}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : `    ${long}`;
}

export function connectorsList(registry: readonly Connector[]): string {
  const width = Math.max(...registry.map((c) => c.id.length));
  return `${registry.map((c) => `${c.id.padEnd(width)}  ${c.side.padEnd(8)}  ${c.usage.padEnd(30)}  ${c.summary}`).join('\n')}\n`;
}
