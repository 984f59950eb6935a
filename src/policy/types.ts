import type { Diagnostic, Violation } from '../model/report.js';
import type { Resource } from '../model/resource.js';

export interface PolicyOutcome {
  violations: Violation[];
  /** Rules that could not be evaluated: the results are partial. */
  failedRules: { ruleId: string; error: string }[];
  /** How many rules ran. */
  rules: number;
  /** Each rule's Checkov and Trivy equivalents, whose inline skips waive it. */
  equivalents?: ReadonlyMap<string, RuleEquivalents>;
}

export interface RuleEquivalents {
  checkov: readonly string[];
  trivy: readonly string[];
}

/**
 * The seam for the policy engine: it receives every normalised resource, declared and live, and returns the
 * violations. The scan does not care how rules are evaluated.
 */
export interface PolicyEvaluator {
  /**
   * `started` is called once the rules are running off this thread (or, without workers, have run), so that the
   * caller can do its own work meanwhile (the scan classifies while the workers evaluate).
   */
  evaluate(
    resources: readonly Resource[],
    diagnostics: Diagnostic[],
    started?: () => void,
  ): Promise<PolicyOutcome>;
}
