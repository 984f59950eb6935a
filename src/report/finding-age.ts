import type { FindingHistory } from '../model/history.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long a finding has been open, from the history store's first-seen time to this scan's start (never the clock,
 * so a report renders the same tomorrow): `new` for a finding this scan saw first, else `45 minutes`, `5 hours`,
 * `12 days`. Undefined without --history.
 */
export function ageText(history: FindingHistory | undefined, scanStartedAt: string): string | undefined {
  if (history === undefined) return undefined;
  const ms = Date.parse(scanStartedAt) - Date.parse(history.firstSeen);
  if (!(ms > 0)) return 'new';
  if (ms < HOUR) return plural(Math.max(1, Math.floor(ms / 60_000)), 'minute');
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.floor(ms / DAY), 'day');
}

/** The sentence of an age: `drifting for 12 days`, `failing for 3 hours`, `new in this scan`. */
export function ageSentence(
  history: FindingHistory | undefined,
  scanStartedAt: string,
  what: 'drift' | 'violation',
): string | undefined {
  const age = ageText(history, scanStartedAt);
  if (age === undefined) return undefined;
  if (age === 'new') return 'new in this scan';
  return `${what === 'drift' ? 'drifting' : 'failing'} for ${age} (since ${history?.firstSeen.slice(0, 10)})`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
