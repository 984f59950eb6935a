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
 * One evaluation whose input comes in parts: each part's rules start off this thread when it is added, while the
 * caller prepares the next. The outcome is that of one evaluation of every part.
 */
export interface PolicyEvaluation {
  /**
   * Adds normalised resources (all those of one side come in one part); resolves once their rules are running off
   * this thread (or, without workers, have run). An evaluation that fails before that fails here. `more`: another
   * part follows, which the caller prepares on this thread meanwhile, so the rules leave it a core.
   */
  add(resources: readonly Resource[], more?: boolean): Promise<void>;
  /** No more parts: the outcome once every rule has run. */
  finish(): Promise<PolicyOutcome>;
  /** Drops what has not run and stops what runs: for a caller that failed after adding a part. */
  cancel(): Promise<void>;
}

/**
 * The seam for the policy engine: it receives every normalised resource, declared and live, and returns the
 * violations. The scan does not care how rules are evaluated.
 */
export interface PolicyEvaluator {
  /** An evaluation whose resources are added in parts (see PolicyEvaluation). */
  begin(diagnostics: Diagnostic[]): PolicyEvaluation;
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
