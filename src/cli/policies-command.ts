import { resolve } from 'node:path';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import type { Diagnostic } from '../model/report.js';
import { resourceType, sourcesOf } from '../model/types/index.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { BUILTIN_POLICY_DIRS } from '../policy/library.js';
import { compileBundle, writeBundle } from '../policy-toolchain/compile.js';
import { findOpa, OPA_INSTALL_HINT } from '../policy-toolchain/opa.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { loadPolicies } from '../scan/load-policies.js';
import { packageRoot } from '../util/package-info.js';
import { type ParseOptions, parseCommandLine } from './args.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';
import { findRule, ruleText } from './policy-show.js';

export const POLICIES_HELP = `Usage:
  driftwarden policies list [--format table|json|markdown] [--policies <dir>] [--policy-bundle <dir>]
                            [--no-builtin-policies]
      print the rule catalogue: id, severity, category, title, resource types and the forms that carry them, and
      the Checkov and Trivy checks each rule stands for (their inline skips waive it)
  driftwarden policies show <id> [--format text|json] [--policies <dir>] [--policy-bundle <dir>]
                            [--no-builtin-policies]
      print one rule: what it judges, where it reads from, its controls and equivalents, the Terraform snippet
      that fixes what it finds, and its references
  driftwarden policies build --rules <dir> --out <dir>
      compile a directory of Rego rules into a bundle for --policy-bundle (needs opa)
`;

export async function policiesCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return list(rest, io);
  if (sub === 'show') return show(rest, io);
  if (sub === 'build') return build(rest, io);
  if (sub === undefined || sub === '--help' || sub === 'help') {
    io.stdout.write(POLICIES_HELP);
    return EXIT.clean;
  }
  throw usageError(`unknown policies command "${sub}" (list, show, build)`);
}

function parse(argv: readonly string[], options: ParseOptions, allowPositionals = false) {
  return parseCommandLine(argv, options, 'policies', allowPositionals);
}

const CATALOGUE_OPTIONS = {
  format: { type: 'string' },
  policies: { type: 'string', multiple: true },
  'policy-bundle': { type: 'string', multiple: true },
  'no-builtin-policies': { type: 'boolean' },
} as const;

/** The rules of the built-in library and of --policies and --policy-bundle, with their problems on stderr. */
async function catalogue(values: Record<string, unknown>, io: CliIo): Promise<readonly CatalogueRule[]> {
  const paths = (items: unknown) =>
    ((items as string[] | undefined) ?? []).map((item) => {
      const path = resolve(io.cwd, item);
      return { path, display: displayPath(path, io.cwd) };
    });
  const diagnostics: Diagnostic[] = [];
  const evaluator = await loadPolicies(
    {
      builtin: !values['no-builtin-policies'],
      dirs: paths(values.policies),
      bundles: paths(values['policy-bundle']),
    },
    io.env,
    diagnostics,
  );
  for (const d of diagnostics)
    io.stderr.write(
      `driftwarden: ${d.level}: ${oneLine(`${d.source ? `${d.source}: ` : ''}${d.message}`)}\n`,
    );
  return evaluator?.rules ?? [];
}

async function list(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parse(argv, CATALOGUE_OPTIONS);
  const format = (values.format as string | undefined) ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'markdown')
    throw usageError(`--format ${format}: use table, json or markdown`);
  const rules = await catalogue(values, io);
  const text =
    format === 'json'
      ? `${JSON.stringify(rules.map(publicRule), null, 2)}\n`
      : format === 'markdown'
        ? policiesMarkdown(rules)
        : table(rules);
  io.stdout.write(text);
  return EXIT.clean;
}

async function show(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(argv, CATALOGUE_OPTIONS, true);
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0)
    throw usageError('policies show needs one rule id, e.g. driftwarden policies show DW-AWS-IAM-001');
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw usageError(`--format ${format}: use text or json`);
  const rule = findRule(await catalogue(values, io), id);
  io.stdout.write(
    format === 'json' ? `${JSON.stringify(publicRule(rule), null, 2)}\n` : ruleText(rule, formsOf(rule)),
  );
  return EXIT.clean;
}

function publicRule(rule: CatalogueRule) {
  const { entrypoint: _entrypoint, ...rest } = rule;
  return rest;
}

/** The other scanners' checks a rule stands for, `CKV_AWS_19, AVD-AWS-0088`; `-` for none. */
function equivalentsOf(rule: CatalogueRule): string {
  const ids = [...rule.equivalents.checkov, ...rule.equivalents.trivy];
  return ids.length > 0 ? ids.join(', ') : '-';
}

/** The forms a rule's resources come in: every source that describes one of its types. */
function formsOf(rule: CatalogueRule): string[] {
  const forms = new Set<string>();
  for (const type of rule.resourceTypes) {
    const known = resourceType(type);
    for (const source of known ? sourcesOf(known) : ['terraform']) forms.add(source);
  }
  return [...forms].sort();
}

/** The catalogue as the Markdown table policies/README.md holds (`npm run docs:policies`). */
export function policiesMarkdown(rules: readonly CatalogueRule[]): string {
  const code = (text: string) => `\`${text}\``;
  const rows = rules.map((rule) =>
    [
      code(rule.id),
      rule.severity,
      rule.category,
      markdownCell(rule.title),
      rule.resourceTypes.map(code).join(', '),
      formsOf(rule).join(', '),
      rule.equivalents.checkov.map(code).join(', ') || '-',
      rule.equivalents.trivy.map(code).join(', ') || '-',
    ].join(' | '),
  );
  return [
    '| Rule | Severity | Category | Title | Resource types | Forms | Checkov | Trivy |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    `${rules.length} rules.`,
    '',
  ].join('\n');
}

function markdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function table(rules: readonly CatalogueRule[]): string {
  const rows = rules.map((r) => [
    r.id,
    r.severity,
    r.category,
    r.title,
    equivalentsOf(r),
    r.resourceTypes.join(', '),
  ]);
  const header = ['ID', 'SEVERITY', 'CATEGORY', 'TITLE', 'CHECKOV / TRIVY', 'RESOURCE TYPES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${rules.length} rules\n`;
}

async function build(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parse(argv, { rules: { type: 'string' }, out: { type: 'string' } });
  if (!values.rules || !values.out) throw usageError('policies build needs --rules <dir> and --out <dir>');
  const root = packageRoot();
  const opa = await findOpa(io.env, root);
  if (!opa)
    throw usageError(`policies build needs opa, which was not found. Install it with ${OPA_INSTALL_HINT}`);
  const rulesDir = resolve(io.cwd, values.rules as string);
  const bundle = await compileBundle({
    opa,
    cwd: rulesDir,
    ruleDirs: [rulesDir],
    libDirs: [resolve(root, BUILTIN_POLICY_DIRS.lib)],
    capabilitiesPath: resolve(root, BUILTIN_POLICY_DIRS.capabilities),
    tolerant: false,
  });
  const out = resolve(io.cwd, values.out as string);
  await writeBundle(bundle, out);
  io.stdout.write(`built ${bundle.catalogue.rules.length} rules into ${displayPath(out, io.cwd)}\n`);
  return EXIT.clean;
}
