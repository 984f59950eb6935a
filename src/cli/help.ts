import { type OptionSpec, SCAN_OPTIONS } from '../config/options.js';
import type { Connector } from '../connector/types.js';

/** One line of the main help: a command, how it is called, and what it does. */
interface CommandLine {
  name: string;
  usage: string;
  summary: string;
}

/** The commands, in the main help's order: what `help <command>` and shell completion know. */
const COMMANDS: readonly CommandLine[] = [
  {
    name: 'scan',
    usage: 'scan [options]',
    summary: 'compare declared state with live state and report drift',
  },
  { name: 'connectors', usage: 'connectors', summary: 'list the connectors' },
  {
    name: 'policies',
    usage: 'policies list',
    summary: 'print the rule catalogue (and: policies show <id>, build)',
  },
  {
    name: 'types',
    usage: 'types',
    summary: 'list the resource types, their sources and what is compared live',
  },
  { name: 'snapshot', usage: 'snapshot', summary: 'record the live side into a snapshot file' },
  {
    name: 'codify',
    usage: 'codify [options]',
    summary: 'write Terraform import blocks for the unmanaged resources',
  },
  {
    name: 'init',
    usage: 'init [dir]',
    summary: 'write a starting driftwarden.yml from the states and code found there',
  },
  {
    name: 'ignore',
    usage: 'ignore generate',
    summary: "write .driftignore rules from a JSON report (driftctl's gen-driftignore)",
  },
  {
    name: 'notify',
    usage: 'notify --report <file>',
    summary: 'post new and resolved findings to Slack or Microsoft Teams webhooks',
  },
  {
    name: 'merge',
    usage: 'merge <report.json>...',
    summary: 'combine the JSON reports of several scans into one report',
  },
  {
    name: 'fix',
    usage: 'fix',
    summary: 'accept each change as a patch to the HCL, or revert it with terraform apply',
  },
  {
    name: 'history',
    usage: 'history --history <store>',
    summary: 'print the trends a history store recorded: drift, violations, coverage, time to resolve',
  },
  {
    name: 'completion',
    usage: 'completion <shell>',
    summary: 'print shell completion for bash, zsh or fish',
  },
];

const OTHER_LINES: readonly Pick<CommandLine, 'usage' | 'summary'>[] = [
  { usage: '--version', summary: 'print the version' },
  { usage: 'help [command]', summary: "show help, or a command's help" },
];

export function mainHelp(version: string): string {
  const lines = [...COMMANDS, ...OTHER_LINES];
  const width = Math.max(...lines.map((line) => line.usage.length));
  return `driftwarden ${version}: GitOps drift detection and compliance

Usage:
${lines.map((line) => `  driftwarden ${line.usage.padEnd(width)}  ${line.summary}`).join('\n')}

Run "driftwarden help scan" for the scan options.
`;
}

/** The command names, in the main help's order, and `help`. */
export function commandNames(): string[] {
  return [...COMMANDS.map((command) => command.name), 'help'];
}

/** Each command's one-line summary, as the main help gives it (for shell completion's descriptions). */
export function commandSummaries(): Map<string, string> {
  return new Map(COMMANDS.map((command) => [command.name, command.summary]));
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
