import { REPORT_FORMATS } from '../report/formats.js';
import type { ConfigFile } from './schema.js';

/**
 * The flags of `driftwarden scan`, with the config key each mirrors. One table drives the argument parser, the
 * help text, shell completion and the README's reference (a test keeps them in step). Every flag but --help can
 * also be set by an environment variable, DRIFTWARDEN_<FLAG> (envNameOf), as driftctl (DCTL_<FLAG>) and Trivy
 * (TRIVY_<FLAG>) allow: a flag wins over it, and it wins over the config file.
 */
export interface OptionSpec {
  flag: string;
  /** A one-letter alias, `-s` for `--state`. */
  short?: string;
  /** Other long spellings of the flag: driftctl's, so that its users' scripts keep working. */
  aliases?: readonly string[];
  configKey?: keyof ConfigFile;
  kind: 'string' | 'boolean';
  multiple?: boolean;
  value?: string;
  description: string;
}

/** The environment variable of a flag: DRIFTWARDEN_FAIL_ON for --fail-on; undefined for --help. */
export function envNameOf(option: OptionSpec): string | undefined {
  if (option.flag === 'help') return undefined;
  return `DRIFTWARDEN_${option.flag.toUpperCase().replace(/-/g, '_')}`;
}

export const SCAN_OPTIONS: readonly OptionSpec[] = [
  {
    flag: 'state',
    short: 's',
    configKey: 'state',
    kind: 'string',
    multiple: true,
    value: '<path|glob>',
    description: 'Terraform state file(s), format version 4. Repeatable.',
  },
  {
    flag: 'plan',
    short: 'p',
    configKey: 'plans',
    kind: 'string',
    multiple: true,
    value: '<path|glob>',
    description:
      'Terraform JSON plan(s) (terraform show -json): planned values, or a refresh-only plan read as drift. Repeatable.',
  },
  {
    flag: 'repo',
    short: 'r',
    configKey: 'repo',
    kind: 'string',
    value: '<path|url>',
    description:
      'Read infrastructure code (Terraform, CloudFormation, ARM) from a Git repository or a plain folder; policies check it.',
  },
  {
    flag: 'ref',
    configKey: 'ref',
    kind: 'string',
    value: '<ref>',
    description: 'The commit, branch or tag of --repo.',
  },
  {
    flag: 'follow-backends',
    configKey: 'followBackends',
    kind: 'boolean',
    description:
      "Also read each root module's state where its backend block (s3, azurerm, local) says it is, read-only.",
  },
  {
    flag: 'live',
    short: 'l',
    configKey: 'live',
    kind: 'string',
    multiple: true,
    value: '<connector>:<spec>',
    description: 'A live source, e.g. snapshot:live.json. Repeatable.',
  },
  {
    flag: 'workspace',
    configKey: 'workspace',
    kind: 'string',
    value: '<name>',
    description: 'The Terraform workspace of remote states (s3://, azurerm://) that do not name one.',
  },
  {
    flag: 'strict',
    configKey: 'strict',
    kind: 'boolean',
    description:
      "Also report as unmanaged what AWS creates on its own (the default VPC and its parts, a VPC's main route table, default network ACL and default security group).",
  },
  {
    flag: 'attribution',
    configKey: 'attribution',
    kind: 'string',
    value: 'on|off|<max-calls>',
    description:
      'Find who changed each drift entry (CloudTrail, the Azure Activity Log), with at most this many API calls per scan (on: 25). Off by default.',
  },
  {
    flag: 'ignore-file',
    short: 'i',
    aliases: ['driftignore'],
    configKey: 'ignoreFile',
    kind: 'string',
    value: '<path>',
    description:
      'A .driftignore file (default: .driftignore beside the config file, or in the current directory).',
  },
  {
    flag: 'format',
    short: 'f',
    configKey: 'format',
    kind: 'string',
    value: REPORT_FORMATS.join('|'),
    description: 'Console output format.',
  },
  {
    flag: 'output',
    short: 'o',
    configKey: 'outputs',
    kind: 'string',
    multiple: true,
    value: '<format>=<file>',
    description:
      "Also write a report file, e.g. json=report.json (or driftctl's json://report.json). Repeatable.",
  },
  {
    flag: 'baseline',
    short: 'b',
    configKey: 'baseline',
    kind: 'string',
    value: '<report.json>',
    description:
      'Mark each finding new or unchanged against a previous JSON report, and list the resolved ones.',
  },
  {
    flag: 'history',
    configKey: 'history',
    kind: 'string',
    value: 'sqlite:<path>|postgres://...',
    description:
      "Record the scan in a history store, and show each finding's age: a SQLite file or a PostgreSQL database.",
  },
  {
    flag: 'history-scope',
    configKey: 'historyScope',
    kind: 'string',
    value: '<name>',
    description:
      'The scope scans are recorded in: a scan resolves findings of its scope only (default: one per set of sources).',
  },
  {
    flag: 'fail-on',
    configKey: 'failOn',
    kind: 'string',
    value: 'none|drift|<severity>|new:<...>',
    description:
      'Exit 1 on any drift, or on violations at or above a severity; new:<...> counts only findings new since --baseline; comma-separate to combine.',
  },
  {
    flag: 'policies',
    configKey: 'policies',
    kind: 'string',
    multiple: true,
    value: '<dir>',
    description: 'Also run your own Rego rules from a directory (compiled with opa, cached). Repeatable.',
  },
  {
    flag: 'policy-bundle',
    configKey: 'policyBundles',
    kind: 'string',
    multiple: true,
    value: '<dir>',
    description: 'Also run a prebuilt bundle (policy.wasm + catalogue.json). Repeatable.',
  },
  {
    flag: 'no-builtin-policies',
    configKey: 'builtinPolicies',
    kind: 'boolean',
    description: 'Do not run the built-in rule library.',
  },
  {
    flag: 'confine',
    kind: 'string',
    value: '<dir>',
    description:
      'Refuse every local path (from flags or the config file) that leaves this directory, symlinks resolved: for configs you do not trust.',
  },
  {
    flag: 'config',
    short: 'c',
    kind: 'string',
    value: '<file>',
    description: 'Config file (default: ./driftwarden.yml when present).',
  },
  {
    flag: 'debug',
    short: 'd',
    kind: 'boolean',
    description: 'Log details to stderr and show stack traces on errors.',
  },
  { flag: 'help', short: 'h', kind: 'boolean', description: 'Show this help.' },
  {
    flag: 'color',
    kind: 'string',
    value: 'auto|always|never',
    description:
      'Colour the table: auto (default) on a terminal, following FORCE_COLOR, NO_COLOR, CI and TERM=dumb.',
  },
  {
    flag: 'max-rows',
    kind: 'string',
    value: '<n>',
    description: 'Rows per list in the table, the rest counted in one line (default 50; 0 for every row).',
  },
  {
    flag: 'quiet',
    short: 'q',
    kind: 'boolean',
    description: 'Print only the verdict of the table (report files are whole).',
  },
];
