import { formatLocation } from '../model/location.js';
import type { DriftEntry, Report, Violation } from '../model/report.js';
import type { Value } from '../model/value.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { attributionSummaryText, changedByMarkdown } from './attribution-text.js';
import { displayChanges, valueText } from './change-display.js';
import { ageText } from './finding-age.js';
import { fixesMarkdown } from './markdown-fixes.js';
import { inlineCode, MAX_VALUE_TEXT, markdownText, truncateText } from './markdown-text.js';
import { fixesFor } from './remediation.js';
import { coverageText, driftPhrase, plural, verdictOf } from './verdict.js';

/** GitHub rejects comment bodies over 65,536 characters; staying under 60,000 leaves room for a wrapper. */
export const MARKDOWN_LIMIT = 60_000;
const MAX_VALUE = 80;
const MAX_CHANGES_PER_ROW = 10;

/**
 * Markdown for pull-request comments and job summaries: a one-line verdict and the counts, then a table per kind,
 * with the details collapsed, and how to fix each violated rule (its remediation, from `rules`). Over the limit, rows
 * are left out (never half a table) and a line says how many more there are; the fixes come after every row. Every value from the report is untrusted and goes in a code span (`code`), every free text
 * through `markdownText` (see markdown-text.ts); only this file's own words are Markdown.
 */
export function renderMarkdown(
  report: Report,
  limit = MARKDOWN_LIMIT,
  rules: readonly CatalogueRule[] = [],
): string {
  const head = [verdict(report), '', counts(report), ''];
  if (report.summary.attribution)
    head.push(`Who changed it: ${attributionSummaryText(report.summary.attribution)}.`, '');
  if (!report.scan.complete) head.push(incomplete(report), '');
  const sections: Section[] = [
    section(
      'Drift',
      ['Kind', 'Resource', 'Declared at', 'Changes'],
      report.drift.map((entry) => driftRow(entry, report.scan.startedAt)),
    ),
    section(
      'Policy violations',
      ['Severity', 'Rule', 'Origin', 'Resource', 'Message'],
      report.violations.map((v) => violationRow(v, report.scan.startedAt)),
    ),
    section(
      'Waived',
      ['Rule', 'Origin', 'Resource', 'Reason'],
      report.waived.map((v) => [
        code(v.ruleId),
        v.origin,
        code(v.key),
        `${markdownText(v.waiver.reason)} (${code(v.waiver.source)})`,
      ]),
    ),
  ];
  if (report.baseline) {
    const resolved = [
      ...report.baseline.resolved.drift.map((d) => [d.kind, code(d.key)]),
      ...report.baseline.resolved.violations.map((v) => [code(v.ruleId), code(v.key)]),
    ];
    sections.push(section('Resolved since the baseline', ['Finding', 'Resource'], resolved));
  }
  const { out, left } = fitSections(head.join('\n'), sections, limit);
  const footer = left > 0 ? `\n${left} more - see the full report\n` : '';
  const fixes = fixesMarkdown(fixesFor(report.violations, rules), limit - out.length - footer.length);
  return out + fixes + footer;
}

interface Section {
  title: string;
  header: string[];
  rows: string[][];
}

function section(title: string, header: string[], rows: string[][]): Section {
  return { title, header, rows };
}

function fitSections(head: string, sections: Section[], limit: number): { out: string; left: number } {
  const footerBudget = 200;
  let out = head;
  let left = 0;
  for (const s of sections.filter((x) => x.rows.length > 0)) {
    const open = `\n<details${s === sections[0] ? ' open' : ''}><summary><b>${s.title} (${s.rows.length})</b></summary>\n\n${tableLine(s.header)}\n${tableLine(s.header.map(() => '---'))}\n`;
    const close = '\n</details>\n';
    if (out.length + open.length + close.length + footerBudget > limit) {
      left += s.rows.length;
      continue;
    }
    out += open;
    let shown = 0;
    for (const row of s.rows) {
      const line = `${tableLine(row)}\n`;
      if (out.length + line.length + close.length + footerBudget > limit) break;
      out += line;
      shown++;
    }
    out += close;
    left += s.rows.length - shown;
  }
  return { out, left };
}

function verdict(report: Report): string {
  const v = verdictOf(report);
  const found = (v.drift.evaluated ? v.drift.resources : 0) + report.violations.length;
  const icon = !report.scan.complete ? ':warning:' : found === 0 ? ':white_check_mark:' : ':x:';
  const phrase = driftPhrase(v);
  const parts = [phrase.charAt(0).toUpperCase() + phrase.slice(1)];
  if (v.violations) parts.push(plural(v.violations.count, 'policy violation'));
  if (!report.scan.complete) parts.push('incomplete scan');
  if (report.baseline)
    parts.push(
      `${report.baseline.new} new, ${report.baseline.resolved.drift.length + report.baseline.resolved.violations.length} resolved`,
    );
  return `### ${icon} driftwarden: ${parts.join(', ')}`;
}

function counts(report: Report): string {
  const s = report.summary;
  const v = s.violations;
  return (
    `**${s.changed}** changed · **${s.missing}** missing · **${s.unmanaged}** unmanaged · ${s.notCompared} not compared · ` +
    `coverage ${coverageText(report)} · violations: ${v.critical} critical, ${v.high} high, ${v.medium} medium, ${v.low} low` +
    (s.waived > 0 ? ` · ${s.waived} waived` : '') +
    (s.unknown > 0 ? ` · ${s.unknown} unknown (a declared source failed)` : '')
  );
}

function incomplete(report: Report): string {
  const failed = report.scan.sources
    .filter((source) => source.status !== 'ok')
    .map((source) => `${code(source.location)} (${source.status})`);
  const rules = (report.scan.policies?.failed ?? []).map((rule) => `rule ${code(rule.ruleId)}`);
  return `> **Incomplete:** ${[...failed, ...rules].join(', ')} could not be read; the results are partial.`;
}

function driftRow(entry: DriftEntry, scannedAt: string): string[] {
  const status = (entry.status === 'new' ? ' :new:' : '') + ageCell(entry, scannedAt);
  const all = displayChanges(entry.changes);
  const shown = all
    .slice(0, MAX_CHANGES_PER_ROW)
    .map((c) => `${code(c.path)}: ${code(short(c.declared))} → ${code(short(c.live))}`);
  if (all.length > shown.length) shown.push(`and ${all.length - shown.length} more`);
  if (entry.changedBy) shown.push(changedByMarkdown(entry.changedBy));
  const changes = shown.join('<br>');
  const where = entry.address ?? formatLocation(entry.location);
  return [`${entry.kind}${status}`, code(entry.key), where ? code(where) : '', changes];
}

function violationRow(v: Violation, scannedAt: string): string[] {
  const status = (v.status === 'new' ? ' :new:' : '') + ageCell(v, scannedAt);
  return [
    `${v.severity}${status}`,
    code(v.ruleId),
    v.origin,
    code(v.key),
    markdownText(v.message) + (v.path ? ` (${code(v.path)})` : ''),
  ];
}

/** With --history: the finding's age under its kind or severity (`12 days`, `new`). */
function ageCell(finding: DriftEntry | Violation, scannedAt: string): string {
  const age = ageText(finding.history, scannedAt);
  return age === undefined ? '' : `<br><sub>${age}</sub>`;
}

function tableLine(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A value from the report, shown exactly in a code span that is safe in a table cell. */
function code(text: string): string {
  return inlineCode(text, { max: MAX_VALUE_TEXT });
}

function short(value: Value): string {
  return truncateText(valueText(value), MAX_VALUE);
}
