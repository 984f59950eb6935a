import type { ArgumentValue, LeftOut, ResourceConfig } from './config.js';
import { commentText, hclString } from './hcl.js';
import type { CodifiedImport, CodifyGroup, CodifyPlan, NotCodified } from './plan.js';

/** The command that writes the configuration of import blocks that have none (Terraform 1.5+, OpenTofu 1.6+). */
export const GENERATE_CONFIG_COMMAND = 'terraform plan -generate-config-out=generated.tf';

export interface RenderOptions {
  /** For a Markdown code block: `<` and `>` in strings escaped, so that no value opens or closes an HTML comment. */
  forMarkdown?: boolean;
}

type Quote = (text: string) => string;

/**
 * The HCL file of a codify plan: a header saying what to run, then per provider, account and type a comment and
 * its import blocks (and, with --with-config, resource blocks), then the resources not imported and why. Every value
 * from the cloud is an escaped HCL string or a one-line comment; the text is `terraform fmt` clean.
 */
export function renderCodify(plan: CodifyPlan, withConfig: boolean, options: RenderOptions = {}): string {
  const quote = (text: string) => hclString(text, options.forMarkdown === true);
  const imports = plan.groups.reduce((sum, group) => sum + group.imports.length, 0);
  const accounts = new Set(plan.groups.map((group) => `${group.provider} ${group.account ?? ''}`));
  const sections = [header(imports, withConfig, plan.withoutConfig, accounts.size > 1)];
  for (const group of plan.groups) sections.push(groupText(group, quote));
  if (plan.notCodified.length > 0) sections.push(notCodifiedText(plan.notCodified));
  return `${sections.join('\n\n')}\n`;
}

function header(
  imports: number,
  withConfig: boolean,
  withoutConfig: number,
  severalAccounts: boolean,
): string {
  if (imports === 0) return '# driftwarden codify: no unmanaged resource to import.';
  const lines = [
    `# driftwarden codify: import blocks for ${imports} unmanaged resource${imports === 1 ? '' : 's'}.`,
    withConfig
      ? '# Review the resource blocks, then run `terraform plan`: it imports each object, shows what the blocks leave out, and names any argument set here that the provider computes.'
      : `# Review them, then let Terraform write their configuration: ${GENERATE_CONFIG_COMMAND}`,
  ];
  if (severalAccounts)
    lines.push(
      '# The blocks span several accounts or subscriptions: give those your default provider does not reach `provider = <name>.<alias>`.',
    );
  if (withConfig && withoutConfig > 0)
    lines.push(
      `# ${withoutConfig} import${withoutConfig === 1 ? ' has' : 's have'} no resource block (the live attributes were not read: a report holds none); for ${withoutConfig === 1 ? 'it' : 'them'} run ${GENERATE_CONFIG_COMMAND}`,
    );
  return lines.join('\n');
}

function groupText(group: CodifyGroup, quote: Quote): string {
  const where = group.account === undefined ? '' : ` ${accountWord(group.provider)} ${group.account}`;
  const title = `# ${group.provider}${where}: ${group.type} (${group.imports.length})`;
  const blocks = group.imports.map((imported) => importText(group.type, imported, quote));
  return `${commentText(title)}\n${blocks.join('\n\n')}`;
}

function accountWord(provider: string): string {
  return provider === 'azurerm' ? 'subscription' : 'account';
}

function importText(type: string, imported: CodifiedImport, quote: Quote): string {
  const block = `import {\n  to = ${type}.${imported.name}\n  id = ${quote(imported.id)}\n}`;
  return imported.config ? `${block}\n\n${resourceText(type, imported.name, imported.config, quote)}` : block;
}

function resourceText(type: string, name: string, config: ResourceConfig, quote: Quote): string {
  const body = attributeLines(config.arguments, '  ', quote);
  const leftOut = leftOutLines(config.leftOut);
  const inner = [...body, ...(body.length > 0 && leftOut.length > 0 ? [''] : []), ...leftOut];
  return `resource ${quote(type)} ${quote(name)} {\n${inner.join('\n')}${inner.length > 0 ? '\n' : ''}}`;
}

/** `name = value` lines, their `=` aligned within each run of one-line attributes, as `terraform fmt` aligns them. */
function attributeLines(
  entries: readonly (readonly [string, ArgumentValue])[],
  indent: string,
  quote: Quote,
  quoteKeys = false,
): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([key]) => key.length));
    for (const [key, value] of run) lines.push(`${indent}${key.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const [name, value] of entries) {
    const key = quoteKeys ? quote(name) : name;
    const text = valueText(value, indent, quote);
    if (text.includes('\n')) {
      flush();
      lines.push(`${indent}${key} = ${text}`);
    } else run.push([key, text]);
  }
  flush();
  return lines;
}

function valueText(value: ArgumentValue, indent: string, quote: Quote): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => valueText(item, indent, quote)).join(', ')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '{}';
  return `{\n${attributeLines(entries, `${indent}  `, quote, true).join('\n')}\n${indent}}`;
}

const LEFT_OUT_REASONS: readonly (readonly [keyof LeftOut, string])[] = [
  ['computed', 'set by the cloud'],
  ['folded', 'a resource of its own in Terraform'],
  ['sensitive', 'secret, never written'],
  ['unknown', 'not read'],
  ['nested', 'nested blocks; terraform plan -generate-config-out writes them'],
];

function leftOutLines(leftOut: LeftOut): string[] {
  return LEFT_OUT_REASONS.filter(([reason]) => leftOut[reason].length > 0).map(
    ([reason, text]) => `  # left out (${text}): ${leftOut[reason].join(', ')}`,
  );
}

function notCodifiedText(entries: readonly NotCodified[]): string {
  const lines = [`# Not imported (${entries.length}): no import id is known for them, so none is guessed.`];
  for (const entry of entries) {
    const where = entry.account === undefined ? '' : ` in ${entry.account}`;
    lines.push(commentText(`#   ${entry.type} ${JSON.stringify(entry.id)}${where}: ${entry.reason}`));
  }
  return lines.join('\n');
}
