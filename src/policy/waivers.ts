import type { Diagnostic, Violation } from '../model/report.js';
import type { InlineWaiver } from '../model/resource.js';
import { compileGlob, globMatches } from '../util/glob.js';

export type { InlineWaiver } from '../model/resource.js';

/** A waiver from the config file: a rule, a resource key glob, why, and until when. */
export interface ConfigWaiver {
  rule: string;
  resource: string;
  reason: string;
  expires?: string;
}

export interface WaivedViolation extends Violation {
  waiver: { reason: string; source: string; expires?: string };
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
): WaiverOutcome {
  const todayIso = today.toISOString().slice(0, 10);
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
    const inline = inlineWaivers(violation.key, violation.origin).find((w) => w.rule === violation.ruleId);
    if (inline) {
      outcome.waived.push({ ...violation, waiver: { reason: inline.reason, source: inline.source } });
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
