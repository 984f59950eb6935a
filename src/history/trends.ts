import type { FindingRow, ScanRow } from './store.js';

/** One UTC day of the store: each scope's last scan of the day, added up. */
export interface DayTrend {
  date: string;
  scans: number;
  incomplete: number;
  drift: number;
  violations: number;
  /** managed / live over the day's last scans; null when none read a live side. */
  coverage: number | null;
  /** Findings first seen that day. */
  new: number;
  resolved: number;
}

export interface Trends {
  days: DayTrend[];
  /** Over the findings resolved in the window: the mean of resolvedAt - firstSeen. */
  meanTimeToResolve: { findings: number; ms: number | null };
  open: number;
}

interface Day {
  scans: ScanRow[];
  last: Map<string, ScanRow>;
  new: number;
  resolved: number;
}

/** Trends from the store's rows: pure, so the table and the JSON agree. */
export function trendsOf(scans: readonly ScanRow[], findings: readonly FindingRow[], since?: string): Trends {
  const days = new Map<string, Day>();
  const day = (date: string): Day => {
    const found: Day = days.get(date) ?? { scans: [], last: new Map(), new: 0, resolved: 0 };
    days.set(date, found);
    return found;
  };
  for (const scan of scans) {
    const entry = day(scan.startedAt.slice(0, 10));
    entry.scans.push(scan);
    const previous = entry.last.get(scan.scope);
    if (previous === undefined || previous.startedAt <= scan.startedAt) entry.last.set(scan.scope, scan);
  }
  let resolvedCount = 0;
  let resolvedMs = 0;
  for (const finding of findings) {
    if (since === undefined || finding.firstSeen >= since) day(finding.firstSeen.slice(0, 10)).new++;
    if (finding.resolvedAt === null || (since !== undefined && finding.resolvedAt < since)) continue;
    day(finding.resolvedAt.slice(0, 10)).resolved++;
    resolvedCount++;
    resolvedMs += Date.parse(finding.resolvedAt) - Date.parse(finding.firstSeen);
  }
  return {
    days: [...days]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, entry]) => {
        const last = [...entry.last.values()];
        const read = last.filter((scan) => scan.coverage !== null);
        const live = read.reduce((sum, scan) => sum + scan.live, 0);
        const managed = read.reduce((sum, scan) => sum + scan.managed, 0);
        return {
          date,
          scans: entry.scans.length,
          incomplete: entry.scans.filter((scan) => !scan.complete).length,
          drift: last.reduce((sum, scan) => sum + scan.changed + scan.missing + scan.unmanaged, 0),
          violations: last.reduce((sum, scan) => sum + scan.violations, 0),
          coverage:
            read.length === 0 ? null : live === 0 ? 1 : Math.round((managed / live) * 10_000) / 10_000,
          new: entry.new,
          resolved: entry.resolved,
        };
      }),
    meanTimeToResolve: {
      findings: resolvedCount,
      ms: resolvedCount === 0 ? null : Math.round(resolvedMs / resolvedCount),
    },
    open: findings.filter((finding) => finding.resolvedAt === null).length,
  };
}
