import { distance } from 'fastest-levenshtein';
import { usageError } from '../errors.js';
import type { CatalogueRule } from '../policy/catalogue.js';

/**
 * `driftwarden policies show <id>`: one rule as people read it before fixing what it found, its description,
 * controls, equivalents, remediation snippet and references. The catalogue was checked when it was loaded (no
 * control characters: policy/library.ts), so its text is printed as it is.
 */
export function findRule(rules: readonly CatalogueRule[], id: string): CatalogueRule {
  const wanted = id.trim().toUpperCase();
  const found = rules.find((rule) => rule.id.toUpperCase() === wanted);
  if (found) return found;
  const suggestion = closestId(rules, wanted);
  throw usageError(
    `no rule ${JSON.stringify(id)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; "driftwarden policies list" lists the ${rules.length} rules`,
  );
}

/** The id nearest to the one asked for, when it is near enough to be a slip (a third of its length at most). */
function closestId(rules: readonly CatalogueRule[], wanted: string): string | undefined {
  let best: { id: string; cost: number } | undefined;
  for (const rule of rules) {
    const cost = distance(rule.id.toUpperCase(), wanted);
    if (!best || cost < best.cost) best = { id: rule.id, cost };
  }
  return best && best.cost <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined;
}

export function ruleText(rule: CatalogueRule, forms: readonly string[]): string {
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line === '' ? '' : `    ${line}`))
      .join('\n');
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');
  const lines = [
    `${rule.id}  ${rule.severity}  ${rule.category}`,
    rule.title,
    '',
    rule.description.trimEnd(),
    '',
    `Resource types: ${rule.resourceTypes.join(', ')}`,
    `Read from:      ${list(forms)}`,
    `Controls:       ${list(rule.controls)}`,
    `Checkov:        ${list(rule.equivalents.checkov)}`,
    `Trivy:          ${list(rule.equivalents.trivy)}`,
    `Rule file:      ${rule.file}`,
    '',
    'Remediation:',
    rule.remediation.trim() === '' ? '    none recorded' : indent(rule.remediation),
  ];
  if (rule.relatedResources.length > 0)
    lines.push('', 'References:', ...rule.relatedResources.map((uri) => `    ${uri}`));
  return `${lines.join('\n')}\n`;
}
