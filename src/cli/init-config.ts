import { isDynamicPattern } from 'tinyglobby';
import { stringify } from 'yaml';
import type { Discovery } from './init-discover.js';
import { oneLine } from './one-line.js';

/**
 * The text of a starting driftwarden.yml: what was found is set, what needs credentials or a choice is a comment
 * to uncomment, so that the file loads and `driftwarden scan` runs as written. `schemaRef` is what editors load
 * the JSON Schema from: the YAML language server (VS Code and others) reads the `yaml-language-server` modeline,
 * JetBrains IDEs the `$schema:` comment (redhat-developer/yaml-language-server issue 959).
 */
export function composeConfig(found: Discovery, schemaRef: string): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# $schema: ${schemaRef}`,
    '#',
    '# A starting driftwarden.yml, written by `driftwarden init` from what it found here. Each key is a',
    '# `driftwarden scan` flag of the same meaning (driftwarden scan --help); an editor with the schema above',
    "# completes and explains them. Relative paths are read from this file's folder.",
    'version: 1',
  ];
  const states = stateSpecs(found);
  if (states.length > 0) {
    const count = [...found.states.values()].reduce((sum, list) => sum + list.length, 0);
    out.push(
      '',
      `# Terraform states (format version 4): ${plural(count, 'file')}.`,
      'state:',
      ...items(states),
    );
  }
  if (found.plans.length > 0)
    out.push('', '# Terraform JSON plans (terraform show -json).', 'plans:', ...items(found.plans));
  const code = codeSummary(found);
  if (code !== undefined) {
    out.push(
      '',
      `# Infrastructure code: ${code}. The policies check it, with findings at file:line.`,
      'repo: .',
    );
  }
  out.push(...backendLines(found));
  out.push('', ...liveLines(found));
  if (found.driftignore)
    out.push('', "# Drift to leave out, in driftctl's syntax.", 'ignoreFile: .driftignore');
  out.push(
    '',
    '# When to exit 1: any drift, or a policy violation of high severity or above (the default).',
    'failOn: [drift, high]',
    '',
    '# Also write a report file, e.g. for `driftwarden ignore generate --input driftwarden-report.json`:',
    '# outputs:',
    '#   json: driftwarden-report.json',
  );
  return `${out.join('\n')}\n`;
}

/**
 * One glob per folder when it reads exactly the good states there (`states/*.tfstate`), the files one by one
 * otherwise: a glob over a folder that also holds a state of another version would make every scan fail on it.
 */
function stateSpecs(found: Discovery): string[] {
  const specs: string[] = [];
  for (const [dir, good] of [...found.states].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const visible = (found.stateNames.get(dir) ?? []).filter((path) => !baseName(path).startsWith('.'));
    const globbable =
      good.length > 1 && !isDynamicPattern(dir) && visible.every((path) => good.includes(path));
    if (!globbable) {
      specs.push(...good);
      continue;
    }
    specs.push(dir === '' ? '*.tfstate' : `${dir}/*.tfstate`);
    specs.push(...good.filter((path) => baseName(path).startsWith('.')));
  }
  return specs;
}

function codeSummary(found: Discovery): string | undefined {
  const parts = [
    found.terraformFiles > 0 ? plural(found.terraformFiles, 'Terraform file') : '',
    found.templates.cloudformation > 0
      ? plural(found.templates.cloudformation, 'CloudFormation template')
      : '',
    found.templates.arm > 0 ? plural(found.templates.arm, 'ARM template') : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Backends are suggested, not followed: reading them takes the backend's credentials, which init cannot check. */
function backendLines(found: Discovery): string[] {
  if (found.backends.length === 0) return [];
  return [
    '',
    "# Backend blocks: with followBackends, each root module's state is also read from where its backend says",
    "# (read-only; it needs the backend's credentials):",
    ...found.backends.map(({ source, detail }) => `#   ${comment(source)}: ${comment(detail)}`),
    '# followBackends: true',
  ];
}

function liveLines(found: Discovery): string[] {
  if (found.snapshots.length > 0)
    return [
      '# The live side: recorded snapshots (driftwarden snapshot).',
      'live:',
      ...items(found.snapshots.map((path) => `snapshot:${path}`)),
    ];
  const suggestions: string[] = [];
  const { providers, awsRegions, azureSubscriptions } = found.hints;
  if (providers.has('aws')) {
    const regions = [...awsRegions].sort();
    suggestions.push(regions.length > 0 ? `aws-config:regions=${regions.join(',')}` : 'aws-config');
  }
  if (providers.has('azurerm')) {
    const subscriptions = [...azureSubscriptions].sort();
    if (subscriptions.length === 0) suggestions.push('azure:<subscription id>');
    for (const subscription of subscriptions) suggestions.push(`azure:${subscription}`);
  }
  const lines = [
    "# The live side, to compare with (it needs the cloud's credentials). Without one, the scan checks the",
    '# policies and says drift was not evaluated. Uncomment to compare:',
    '# live:',
  ];
  if (suggestions.length === 0)
    lines.push('#   - aws-config            # or azure:<subscription>, snapshot:<file>');
  else lines.push(...suggestions.map((spec) => `#   - ${spec}`));
  return lines;
}

function items(values: readonly string[]): string[] {
  return values.map((value) => `  - ${stringify(value, { lineWidth: 0 }).trimEnd()}`);
}

/** Comments hold one line of text: no line break, control character or secret-shaped span gets in. */
function comment(text: string): string {
  return oneLine(text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
