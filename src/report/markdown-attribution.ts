import type { DriftEntry } from '../model/report.js';
import { changedByMarkdown } from './attribution-text.js';
import { inlineCode } from './markdown-text.js';

/** The share of a comment or an issue body the section may take (both are limited to 65,536 characters). */
export const ATTRIBUTION_SECTION_BUDGET = 6_000;

/**
 * "Who changed it", for the pull-request comment and the tracking issue: each drift entry attribution looked up,
 * the ones whose author was found first, within `room` characters; the rest are counted, never dropped in silence.
 * Empty when attribution did not run.
 */
export function attributionMarkdown(
  drift: readonly DriftEntry[],
  room: number = ATTRIBUTION_SECTION_BUDGET,
): string {
  const looked = drift.filter((entry) => entry.changedBy !== undefined);
  if (looked.length === 0) return '';
  const found = looked.filter((entry) => entry.changedBy?.status === 'found');
  const ordered = [...found, ...looked.filter((entry) => !found.includes(entry))];
  const open = `<details><summary><b>Who changed it (found for ${found.length} of ${looked.length})</b></summary>\n\n`;
  const close = '\n\n</details>';
  const more = (left: number) => (left > 0 ? `\n- and ${left} more: see the JSON report` : '');
  const lines: string[] = [];
  let used = open.length + close.length + more(ordered.length).length;
  for (const entry of ordered) {
    const line = entryLine(entry);
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (lines.length === 0) return '';
  return `${open}${lines.join('\n')}${more(ordered.length - lines.length)}${close}`;
}

function entryLine(entry: DriftEntry): string {
  const code = (text: string) => inlineCode(text, { inTable: false, max: 256 });
  const account = entry.account ? ` in ${code(entry.account)}` : '';
  const by = entry.changedBy ? changedByMarkdown(entry.changedBy, { inTable: false }) : '';
  return `- ${entry.kind} ${code(entry.key)}${account}: ${by}`;
}
