import type { AttributionTarget, Attributor, CallBudget } from '../connector/attribution.js';
import {
  type AttributionSummary,
  type ChangedBy,
  UNKNOWN_ATTRIBUTION_REASONS,
} from '../model/attribution.js';
import type { Diagnostic, DriftEntry, DriftKind } from '../model/report.js';

/** Changes are what a reviewer asks about first; then what was deleted; then what was made by hand. */
const KIND_ORDER: Record<DriftKind, number> = { changed: 0, missing: 1, unmanaged: 2 };

/** An attributor's answers by resource, kept for a second scan of the same live side (a pull request's head). */
const remembered = new WeakMap<Attributor, Map<string, ChangedBy>>();

export interface AttributionOutcome {
  /** API calls made by this scan's look-ups. */
  calls: number;
  diagnostics: Diagnostic[];
  /** What the look-ups spent and found, for the report's summary; absent when they did not run. */
  summary?: AttributionSummary;
}

/**
 * Sets `changedBy` on each drift entry, asking the attributor of the entry's provider and account, with at most
 * `maxCalls` API calls for the whole scan. Without attributors (a snapshot, a plan, --offline) or with a limit of
 * 0, entries are left as they are: attribution did not run, which is not the same as "unknown".
 */
export async function attributeDrift(
  drift: readonly DriftEntry[],
  targetOf: (entry: DriftEntry) => AttributionTarget,
  attributors: readonly Attributor[],
  maxCalls: number,
): Promise<AttributionOutcome> {
  if (attributors.length === 0 || maxCalls <= 0 || drift.length === 0) return { calls: 0, diagnostics: [] };
  const budget = callBudget(maxCalls);
  const ordered = [...drift].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  for (const entry of ordered) {
    const target = targetOf(entry);
    const attributor = attributors.find((a) => a.provider === entry.provider && a.accepts(target));
    entry.changedBy = attributor
      ? await lookUp(attributor, target, budget)
      : {
          status: 'unknown',
          reason: 'not-supported',
          detail: `no live source read here keeps change events for ${entry.provider}${entry.account ? ` account ${entry.account}` : ''}`,
        };
  }
  return {
    calls: budget.used(),
    diagnostics: summary(drift, budget.used(), maxCalls),
    summary: attributionSummary(drift, budget.used(), maxCalls),
  };
}

async function lookUp(attributor: Attributor, target: AttributionTarget, budget: Budget): Promise<ChangedBy> {
  const known = remembered.get(attributor) ?? new Map<string, ChangedBy>();
  remembered.set(attributor, known);
  const memoKey = `${target.kind}\u0000${target.key}\u0000${target.account ?? ''}`;
  const earlier = known.get(memoKey);
  if (earlier) return structuredClone(earlier);
  const answer = await attributor.attribute(target, budget);
  // What the budget cut short is asked again by a later scan with budget left; the rest is the cloud's answer.
  if (!(answer.status === 'unknown' && answer.reason === 'budget')) known.set(memoKey, answer);
  return structuredClone(answer);
}

interface Budget extends CallBudget {
  used(): number;
}

function callBudget(limit: number): Budget {
  let used = 0;
  return {
    limit,
    take() {
      if (used >= limit) return false;
      used++;
      return true;
    },
    used: () => used,
  };
}

function summary(drift: readonly DriftEntry[], calls: number, limit: number): Diagnostic[] {
  const found = drift.filter((entry) => entry.changedBy?.status === 'found').length;
  const cut = drift.filter(
    (entry) => entry.changedBy?.status === 'unknown' && entry.changedBy.reason === 'budget',
  ).length;
  const diagnostics: Diagnostic[] = [
    {
      level: 'info',
      code: 'attribution.summary',
      message: `who changed it: found for ${found} of ${drift.length} drift entries, with ${calls} look-up call${calls === 1 ? '' : 's'} (limit ${limit})`,
    },
  ];
  if (cut > 0) {
    diagnostics.push({
      level: 'warning',
      code: 'attribution.budget',
      message: `who changed it: ${cut} drift entr${cut === 1 ? 'y was' : 'ies were'} not looked up, the scan's limit of ${limit} look-up calls was reached (raise it with --attribution)`,
    });
  }
  return diagnostics;
}

/** What the look-ups spent, and what they found and left unknown (by reason), over the entries looked up. */
export function attributionSummary(
  drift: readonly DriftEntry[],
  calls: number,
  limit: number,
): AttributionSummary {
  const unknown = Object.fromEntries(
    UNKNOWN_ATTRIBUTION_REASONS.map((reason) => [reason, 0]),
  ) as AttributionSummary['unknown'];
  let found = 0;
  for (const entry of drift) {
    if (entry.changedBy?.status === 'found') found++;
    else if (entry.changedBy?.status === 'unknown') unknown[entry.changedBy.reason]++;
  }
  return { calls, limit, entries: drift.length, found, unknown };
}
