import type { Report } from '../model/report.js';

/**
 * What a report may honestly claim, shared by every renderer: drift is claimed only when a live source was read,
 * and a verdict names what failed instead of reading "no drift".
 */
export interface Verdict {
  drift:
    | { evaluated: true; resources: number }
    | { evaluated: false; reason: 'no-live-source' | 'live-sources-failed' };
  /** Null when no policies ran. */
  violations: { count: number; waived: number } | null;
  /** The sources and rules that failed, for an incomplete scan; empty when complete. */
  failed: { sources: number; rules: number };
  /** Live resources that could not be classified because a declared source failed. */
  unknown: number;
  /** With --baseline: the findings new since the baseline report, and the baseline's findings gone now. */
  baseline: { source: string; new: number; resolved: number } | null;
}

export function verdictOf(report: Report): Verdict {
  const { summary, scan } = report;
  const live = scan.sources.filter((source) => source.side === 'live');
  const drift: Verdict['drift'] =
    summary.coverage !== null
      ? { evaluated: true, resources: summary.changed + summary.missing + summary.unmanaged }
      : { evaluated: false, reason: live.length === 0 ? 'no-live-source' : 'live-sources-failed' };
  return {
    drift,
    violations: scan.policies ? { count: report.violations.length, waived: summary.waived } : null,
    failed: {
      sources: scan.sources.filter((source) => source.status !== 'ok').length,
      rules: scan.policies?.failed.length ?? 0,
    },
    unknown: summary.unknown,
    baseline: report.baseline
      ? {
          source: report.baseline.source,
          new: report.baseline.new,
          resolved: report.baseline.resolved.drift.length + report.baseline.resolved.violations.length,
        }
      : null,
  };
}

/** The drift half of a verdict, in words. */
export function driftPhrase(verdict: Verdict): string {
  if (!verdict.drift.evaluated)
    return verdict.drift.reason === 'no-live-source'
      ? 'drift not evaluated: no live source was read'
      : 'drift not evaluated: every live source failed';
  const n = verdict.drift.resources;
  return n === 0 ? 'no drift found' : `drift found in ${n} resource${n === 1 ? '' : 's'}`;
}

/** The baseline half of a verdict, `2 new, 1 resolved since report.json`; empty without --baseline. */
export function baselinePhrase(verdict: Verdict): string {
  if (!verdict.baseline) return '';
  const { source, resolved } = verdict.baseline;
  return `${verdict.baseline.new} new, ${resolved} resolved since ${source}`;
}

/** Coverage as people read it: a percentage, or "n/a" with the reason when nothing live was read. */
export function coverageText(report: Report): string {
  const { coverage } = report.summary;
  return coverage === null ? 'n/a (no live source read)' : `${(coverage * 100).toFixed(1)}%`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
