import { trivyCheckId } from '../connector/inline-waivers.js';
import type { Diagnostic, Violation } from '../model/report.js';
import type { InlineWaiver } from '../model/resource.js';
import { compileGlob, globMatches } from '../util/glob.js';
import type { RuleEquivalents } from './types.js';

export type { InlineWaiver } from '../model/resource.js';

/** A waiver from the config file: a rule, a resource key glob, why, and until when. */
export interface ConfigWaiver {
  rule: string;
  resource: string;
  reason: string;
  expires?: string;
}

export interface WaivedViolation extends Violation {
  waiver: { reason: string; source: string; expires?: string; equivalent?: string };
}

export interface WaiverOutcome {
  violations: Violation[];
  waived: WaivedViolation[];
}

/**
 * Splits violations into those that stand and those a waiver covers. Waived findings are kept and listed, never
 * dropped. A waiver past its expiry date no longer applies, and the report says so.
 */
export function applyWaivers(
  violations: readonly Violation[],
  config: readonly ConfigWaiver[],
  inlineWaivers: (key: string, origin: Violation['origin']) => readonly InlineWaiver[],
  today: Date,
  diagnostics: Diagnostic[],
  equivalents: ReadonlyMap<string, RuleEquivalents> = new Map(),
): WaiverOutcome {
  const todayIso = today.toISOString().slice(0, 10);
  const expiredInline = new Set<string>();
  const inlineFor = (violation: Violation): InlineWaiver | undefined =>
    inlineWaivers(violation.key, violation.origin).find((waiver) => {
      if (!waives(waiver, violation.ruleId, equivalents)) return false;
      if (waiver.expires === undefined || waiver.expires >= todayIso) return true;
      const id = `${waiver.source} ${waiver.rule}`;
      if (!expiredInline.has(id)) {
        expiredInline.add(id);
        diagnostics.push({
          level: 'warning',
          code: 'waiver.expired',
          message: `the inline ignore of ${waiver.rule} expired on ${waiver.expires} and no longer applies`,
          source: waiver.source,
        });
      }
      return false;
    });
  const active = config.flatMap((waiver, index) => {
    const source = `config waivers[${index}]`;
    if (waiver.expires && waiver.expires < todayIso) {
      diagnostics.push({
        level: 'warning',
        code: 'waiver.expired',
        message: `the waiver of ${waiver.rule} for ${waiver.resource} expired on ${waiver.expires} and no longer applies (${waiver.reason})`,
        source,
      });
      return [];
    }
    return [
      { ...waiver, source, matcher: compileGlob(waiver.resource), ruleMatcher: compileGlob(waiver.rule) },
    ];
  });
  const outcome: WaiverOutcome = { violations: [], waived: [] };
  for (const violation of violations) {
    const inline = inlineFor(violation);
    if (inline) {
      const waiver: WaivedViolation['waiver'] = { reason: inline.reason, source: inline.source };
      if (inline.scanner) waiver.equivalent = inline.rule;
      if (inline.expires) waiver.expires = inline.expires;
      outcome.waived.push({ ...violation, waiver });
      continue;
    }
    const match = active.find(
      (w) => globMatches(w.ruleMatcher, violation.ruleId) && globMatches(w.matcher, violation.key),
    );
    if (match) {
      const waiver: WaivedViolation['waiver'] = { reason: match.reason, source: match.source };
      if (match.expires) waiver.expires = match.expires;
      outcome.waived.push({ ...violation, waiver });
      continue;
    }
    outcome.violations.push(violation);
  }
  return outcome;
}

/** A driftwarden comment names the rule; a Checkov or Trivy one names a check the rule lists as its equivalent. */
function waives(
  waiver: InlineWaiver,
  ruleId: string,
  equivalents: ReadonlyMap<string, RuleEquivalents>,
): boolean {
  if (waiver.scanner === undefined) return waiver.rule === ruleId;
  const same = equivalents.get(ruleId);
  if (!same) return false;
  if (waiver.scanner === 'checkov') return same.checkov.includes(waiver.rule.toUpperCase());
  const id = trivyCheckId(waiver.rule);
  return same.trivy.some((check) => trivyCheckId(check) === id);
}
