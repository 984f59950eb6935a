import type { ChangedBy, UnknownAttributionReason } from '../model/attribution.js';
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
