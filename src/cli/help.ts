import { SCAN_OPTIONS } from '../config/options.js';
import type { Connector } from '../connector/types.js';

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
  driftwarden --version          print the version
  driftwarden help [command]     show help

Run "driftwarden scan --help" for the scan options.
`;
}

export function scanHelp(): string {
  const rows = SCAN_OPTIONS.map((o) => [`--${o.flag}${o.value ? ` ${o.value}` : ''}`, o.description]);
  const width = Math.max(...rows.map(([flag]) => (flag ?? '').length));
  return `Usage: driftwarden scan [options]

Options:
${rows.map(([flag, text]) => `  ${(flag ?? '').padEnd(width)}  ${text}`).join('\n')}

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error, 3 scan incomplete.
`;
}

export function connectorsList(registry: readonly Connector[]): string {
  const width = Math.max(...registry.map((c) => c.id.length));
  return `${registry.map((c) => `${c.id.padEnd(width)}  ${c.side.padEnd(8)}  ${c.usage.padEnd(30)}  ${c.summary}`).join('\n')}\n`;
}
