import type { Diagnostic, Violation } from '../model/report.js';
import type { Resource } from '../model/resource.js';

/**
 * The seam for the policy engine: it receives every normalised resource, declared and live, and returns the
 * violations. The scan does not care how rules are evaluated.
 */
export interface PolicyEvaluator {
  evaluate(resources: readonly Resource[], diagnostics: Diagnostic[]): Promise<Violation[]>;
}
