import type { Diagnostic, Violation } from '../model/report.js';
import type { CatalogueRule } from './catalogue.js';
import { violationsOf } from './findings.js';
import type { InputBatch } from './policy-input.js';
import type { RuleRun } from './schedule.js';

export interface PlannedRule {
  rule: CatalogueRule;
  bundle: number;
  batches: InputBatch[];
  /** Why the rule cannot run at all (its bundle's module did not compile). */
  unavailable?: string;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface OutcomeOptions {
  ruleTimeoutMs: number;
  scanTimeoutMs: number;
  memoryLimitMiB: number;
}

/**
 * What each rule's run means for the report, in catalogue order: its violations, or why its findings are unknown or
 * incomplete, as a failure and a diagnostic. Rules stopped or not run at the scan's ceiling share one diagnostic.
 */
export function reportRuns(
  planned: readonly PlannedRule[],
  runs: readonly RuleRun[],
  options: OutcomeOptions,
  diagnostics: Diagnostic[],
): { violations: Violation[]; failedRules: RuleFailure[] } {
  const violations: Violation[] = [];
  const failures: RuleFailure[] = [];
  const fail = (rule: CatalogueRule, error: string, code: string, message: string) => {
    failures.push({ ruleId: rule.id, error });
    diagnostics.push({ level: 'error', code, message, source: rule.file });
  };
  const stopped: string[] = [];
  const notRun: string[] = [];
  const ruleCeiling = formatDuration(options.ruleTimeoutMs);
  const scanCeiling = formatDuration(options.scanTimeoutMs);
  planned.forEach(({ rule, batches, unavailable }, index) => {
    const run = unavailable ? { kind: 'failed' as const, error: unavailable } : runs[index];
    if (!run) return;
    if (run.kind === 'done') {
      const found = violationsOf(rule, batches, run.batches);
      violations.push(...found.violations);
      if (found.malformed > 0) {
        const what = `returned ${plural(found.malformed, 'finding')} without the key of a resource it was given or without a message; findings must be {ruleId, key, path, message}`;
        fail(rule, `${what}; its findings are incomplete`, 'policy.bad-finding', `rule ${rule.id} ${what}`);
      }
    } else if (run.kind === 'failed') {
      const error = describeEvaluationError(run.error, options.memoryLimitMiB);
      fail(rule, error, 'policy.rule-failed', `rule ${rule.id} failed: ${error}`);
    } else if (run.kind === 'rule-ceiling') {
      const error = `ran past its ${ruleCeiling} ceiling; its findings are unknown`;
      fail(rule, error, 'policy.rule-timeout', `rule ${rule.id} ${error}`);
    } else if (run.started) {
      stopped.push(rule.id);
      failures.push({
        ruleId: rule.id,
        error: `stopped when the policies reached their ${scanCeiling} ceiling for the scan; its findings are unknown`,
      });
    } else {
      notRun.push(rule.id);
      failures.push({
        ruleId: rule.id,
        error: `did not run: the policies reached their ${scanCeiling} ceiling for the scan`,
      });
    }
  });
  if (stopped.length + notRun.length > 0) {
    const parts = [
      stopped.length > 0 ? `${list(stopped)} ${stopped.length === 1 ? 'was' : 'were'} stopped` : '',
      notRun.length > 0 ? `${plural(notRun.length, 'rule')} did not run (${notRun.join(', ')})` : '',
    ].filter(Boolean);
    diagnostics.push({
      level: 'error',
      code: 'policy.scan-timeout',
      message: `the policies ran past their ${scanCeiling} ceiling for the scan: ${parts.join(' and ')}; their findings are unknown`,
    });
  }
  return { violations, failedRules: failures };
}

/** 500 -> "500 ms", 10000 -> "10 s", 1500 -> "1.5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function list(ids: readonly string[]): string {
  return ids.length === 1 ? `rule ${ids[0]}` : `rules ${ids.join(', ')}`;
}

/** opa-wasm throws strings as well as Errors; memory exhaustion has several spellings. */
function describeEvaluationError(text: string, limitMiB: number): string {
  if (
    /Maximum memory size exceeded|opa_malloc: failed|Out of memory|memory access out of bounds/i.test(text)
  ) {
    return `exhausted its memory limit (${limitMiB} MiB)`;
  }
  return text;
}
