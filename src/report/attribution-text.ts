import {
  type AttributionSummary,
  type ChangedBy,
  UNKNOWN_ATTRIBUTION_REASONS,
  type UnknownAttributionReason,
} from '../model/attribution.js';
import { inlineCode, markdownText } from './markdown-text.js';

/** How each format names why a change's author is not known. */
const REASON_TEXT: Record<UnknownAttributionReason, string> = {
  'not-found': 'no event found',
  denied: 'access denied',
  budget: 'call limit reached',
  failed: 'look-up failed',
  'not-supported': 'no source keeps events',
};

/** `2026-12-01 10:32 UTC`: the minute is what a reader needs; the JSON report keeps the whole time. */
export function utcMinute(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * One plain line: `changed by arn:aws:iam::1:user/alice via PutBucketTagging, 2026-12-01 10:32 UTC, from
 * 203.0.113.7`, or `changed by: unknown (access denied: ...)`. Cloud text: each format escapes it as its own text.
 */
export function changedByText(by: ChangedBy): string {
  if (by.status === 'unknown') return `changed by: unknown (${REASON_TEXT[by.reason]}: ${by.detail})`;
  const from = by.sourceIp ? `, from ${by.sourceIp}` : '';
  return `changed by ${by.actor} via ${by.action}, ${utcMinute(by.time)}${from}`;
}

/**
 * The same line in GitHub Markdown: actor, action and address in code spans, the reason's detail escaped. In a
 * table cell (the default) a `|` in a code span is escaped, as a cell needs.
 */
export function changedByMarkdown(by: ChangedBy, options: { inTable?: boolean } = {}): string {
  if (by.status === 'unknown')
    return `changed by: unknown (${REASON_TEXT[by.reason]}: ${markdownText(by.detail, { max: 300 })})`;
  const code = (text: string) => inlineCode(text, { inTable: options.inTable !== false });
  const from = by.sourceIp ? `, from ${code(by.sourceIp)}` : '';
  return `changed by ${code(by.actor)} via ${code(by.action)}, ${utcMinute(by.time)}${from}`;
}

/**
 * The look-ups' summary line, the same in every format: `found for 3 of 7 drift entries, with 25 of 25 look-up
 * calls; unknown: 2 call limit reached, 1 access denied, 1 no event found`. Only numbers and fixed words: no format
 * needs to escape it.
 */
export function attributionSummaryText(summary: AttributionSummary): string {
  const calls = `${summary.calls} of ${summary.limit} look-up call${summary.limit === 1 ? '' : 's'}`;
  const unknown = UNKNOWN_ATTRIBUTION_REASONS.filter((reason) => summary.unknown[reason] > 0).map(
    (reason) => `${summary.unknown[reason]} ${REASON_TEXT[reason]}`,
  );
  const entries = `${summary.entries} drift entr${summary.entries === 1 ? 'y' : 'ies'}`;
  return `found for ${summary.found} of ${entries}, with ${calls}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`;
}
