import { usageError } from '../errors.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { suggestion } from '../util/did-you-mean.js';

/**
 * `driftwarden policies show <id>`: one rule as people read it before fixing what it found, its description,
 * controls, equivalents, remediation snippet and references. The catalogue was checked when it was loaded (no
 * control characters: policy/library.ts), so its text is printed as it is.
 */
export function findRule(rules: readonly CatalogueRule[], id: string): CatalogueRule {
  const wanted = id.trim().toUpperCase();
  const found = rules.find((rule) => rule.id.toUpperCase() === wanted);
  if (found) return found;
  const near = suggestion(
    wanted,
    rules.map((rule) => rule.id),
    (candidate) => candidate,
  );
  throw usageError(
    `no rule ${JSON.stringify(id)}${near}; "driftwarden policies list" lists the ${rules.length} rules`,
  );
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
