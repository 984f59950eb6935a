import type { Diagnostic } from '../model/report.js';

/**
 * Rules taken out of the built-in library, each with why and what stands in its place. Their ids are never reused
 * (policies/README.md, "Retired rules"). A waiver naming one waives nothing, and the report says so.
 */
export const RETIRED_RULES: ReadonlyMap<string, string> = new Map([
  [
    'DW-AWS-S3-002',
    'S3 encrypts every object with SSE-S3 by default since January 2023; DW-AWS-S3-004 asks for a customer-managed key',
  ],
]);

/** One warning per waiver (config or inline comment) that names a retired rule by its exact id. */
export function retiredRuleWarnings(waivers: readonly { rule: string; source: string }[]): Diagnostic[] {
  const seen = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const { rule, source } of waivers) {
    const why = RETIRED_RULES.get(rule.toUpperCase());
    const id = `${source} ${rule}`;
    if (why === undefined || seen.has(id)) continue;
    seen.add(id);
    warnings.push({
      level: 'warning',
      code: 'waiver.retired-rule',
      message: `the waiver of ${rule.toUpperCase()} waives nothing: the rule is retired (${why})`,
      source,
    });
  }
  return warnings;
}
