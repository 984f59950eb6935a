import type { Report } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';
import type { ChangedFinding, FindingChanges } from './changes.js';

/** A notification shows at most this many findings of each list; the rest are counted. */
export const ITEMS_PER_LIST = 10;
/** The longest a finding's cloud text is shown, in code points. */
export const MAX_SUBJECT = 200;

/**
 * One notification, before a chat's format: the headline and the counts are the tool's own text (numbers and fixed
 * words), the findings are cloud text that each format escapes, and the link is the run or the report.
 */
export interface NotifyMessage {
  /** `2 new, 1 resolved findings in acme/infra`; the chats show it after `driftwarden: `. */
  headline: string;
  /** The open findings now, as counts. */
  summary: string;
  lists: NotifyList[];
  /** Incomplete scans: what was not checked. */
  notes: string[];
  link?: NotifyLink;
}

export interface NotifyList {
  title: 'New' | 'Resolved';
  items: ChangedFinding[];
  /** Findings left out of `items` by the cap. */
  more: number;
}

export interface NotifyLink {
  url: string;
  title: string;
}

export interface MessageOptions {
  /** Who the scan is about, e.g. the repository `acme/infra`; shown in the headline. */
  scope?: string;
  link?: NotifyLink;
}

export function notifyMessage(
  report: Report,
  changes: FindingChanges,
  options: MessageOptions = {},
): NotifyMessage {
  const counts = [
    changes.added.length > 0 ? `${changes.added.length} new` : '',
    changes.resolved.length > 0 ? `${changes.resolved.length} resolved` : '',
  ].filter(Boolean);
  const where = options.scope ? ` in ${options.scope}` : '';
  const notes = report.scan.complete
    ? []
    : [
        `The scan was incomplete (a source or rule failed): ${changes.unchecked} earlier finding${plural(changes.unchecked)} not seen this time ${changes.unchecked === 1 ? 'was' : 'were'} not checked, and none is counted as resolved.`,
      ];
  return {
    headline: `${counts.join(', ') || 'no'} finding${plural(changes.added.length + changes.resolved.length)}${where}`,
    summary: openSummary(report),
    lists: [list('New', changes.added), list('Resolved', changes.resolved)].filter((l) => l.items.length > 0),
    notes,
    ...(options.link ? { link: options.link } : {}),
  };
}

function list(title: NotifyList['title'], findings: readonly ChangedFinding[]): NotifyList {
  return {
    title,
    items: findings.slice(0, ITEMS_PER_LIST),
    more: Math.max(0, findings.length - ITEMS_PER_LIST),
  };
}

/** `Open now: drift in 3 resources; 2 violations (1 critical, 1 low)`, from the report's summary. */
function openSummary(report: Report): string {
  const { summary } = report;
  const drift =
    summary.coverage === null
      ? 'drift not evaluated (no live source was read)'
      : `drift in ${report.drift.length} resource${plural(report.drift.length)}`;
  if (!report.scan.policies) return `Open now: ${drift}; no policies ran`;
  const bySeverity = SEVERITIES.filter((s) => summary.violations[s] > 0).map(
    (s) => `${summary.violations[s]} ${s}`,
  );
  const n = report.violations.length;
  return `Open now: ${drift}; ${n} violation${plural(n)}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
