import type { Violation } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';

/** A rule that has violations in a report, with how to fix them, for the reports' "How to fix" sections. */
export interface Fix {
  ruleId: string;
  title: string;
  description: string;
  /** The rule's `remediation` metadata: a Terraform snippet that passes it. */
  remediation: string;
  violations: number;
}

/**
 * The fixes for the violated rules, in the order the report lists the violations (most severe first), one per
 * rule. A rule the catalogue does not list, or whose remediation is blank, has none: nothing is made up for it.
 */
export function fixesFor(violations: readonly Violation[], rules: readonly CatalogueRule[]): Fix[] {
  const catalogue = new Map(rules.map((rule) => [rule.id, rule]));
  const fixes = new Map<string, Fix>();
  for (const violation of violations) {
    const known = fixes.get(violation.ruleId);
    if (known) {
      known.violations++;
      continue;
    }
    const rule = catalogue.get(violation.ruleId);
    if (!rule || rule.remediation.trim() === '') continue;
    fixes.set(rule.id, {
      ruleId: rule.id,
      title: rule.title,
      description: rule.description,
      remediation: rule.remediation.trimEnd(),
      violations: 1,
    });
  }
  return [...fixes.values()];
}
