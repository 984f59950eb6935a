import { formatLocation } from '../model/location.js';
import type { DriftEntry, Report, Violation } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { changedByText } from './attribution-text.js';
import { displayChanges } from './change-display.js';
import { ageText } from './finding-age.js';
import type { Style } from './style.js';
import { codeLocation, formatValue, free, value } from './terminal-cell.js';
import { type Column, layoutRows, layoutTable, truncateLine } from './terminal-layout.js';
import { remediationGist } from './terminal-remediation.js';

const MAX_CHANGES_PER_RESOURCE = 20;

/** How the lists of the table are drawn: the terminal's width, how many rows each list shows, the rules. */
export interface FindingsLayout {
  style: Style;
  width: number | undefined;
  /** 0: every row. */
  maxRows: number;
  /** With --baseline: a column that marks the new findings. */
  marked: boolean;
  rules: ReadonlyMap<string, CatalogueRule>;
  /** With --history: the scan's start, and a column of each finding's age. */
  agedAt?: string;
}

const SEVERITY_COLOUR: Record<Severity, (style: Style, text: string) => string> = {
  critical: (style, text) => style.red(style.bold(text)),
  high: (style, text) => style.red(text),
  medium: (style, text) => style.yellow(text),
  low: (style, text) => style.cyan(text),
};

export function severityText(severity: Severity, style: Style): string {
  return SEVERITY_COLOUR[severity](style, severity.toUpperCase());
}

export function driftTable(drift: readonly DriftEntry[], layout: FindingsLayout): string[] {
  const { style } = layout;
  const colour = { missing: style.red, changed: style.yellow, unmanaged: style.cyan };
  const shown = drift.slice(0, rowLimit(drift.length, layout));
  const rows = shown.map((entry) => [
    ...mark(entry, layout),
    colour[entry.kind](entry.kind),
    ...age(entry, layout),
    value(entry.type),
    value(entry.id),
    whereText(entry, style),
  ]);
  const columns: Column[] = [
    ...markColumn(layout),
    { header: 'KIND' },
    ...ageColumn(layout),
    { header: 'TYPE', wrap: true },
    { header: 'ID', wrap: true },
    { header: 'ADDRESS / LOCATION', wrap: true },
  ];
  return interleave(columns, rows, layout, (index) => {
    const changes = displayChanges(shown[index]?.changes ?? []);
    const lines = changes
      .slice(0, MAX_CHANGES_PER_RESOURCE)
      .map(
        (change) =>
          `      ${style.dim('~')} ${value(change.path)}: ${formatValue(change.declared)} ${style.dim('->')} ${formatValue(change.live)}`,
      );
    if (changes.length > MAX_CHANGES_PER_RESOURCE)
      lines.push(
        style.dim(
          `      ... ${changes.length - MAX_CHANGES_PER_RESOURCE} more changes (see the JSON report)`,
        ),
      );
    const changedBy = shown[index]?.changedBy;
    if (changedBy) lines.push(`      ${style.dim('@')} ${free(changedByText(changedBy))}`);
    return lines;
  }).concat(hiddenLine(drift.slice(shown.length), 'drift entry', 'drift entries', (e) => e.kind, style));
}

export function violationTable(violations: readonly Violation[], layout: FindingsLayout): string[] {
  const { style } = layout;
  const shown = violations.slice(0, rowLimit(violations.length, layout));
  const rows = shown.map((v) => [
    ...mark(v, layout),
    severityText(v.severity, style),
    ...age(v, layout),
    value(v.ruleId),
    v.origin,
    resourceText(v, style),
    value(v.path ?? ''),
    free(v.message),
  ]);
  const columns: Column[] = [
    ...markColumn(layout),
    { header: 'SEVERITY' },
    ...ageColumn(layout),
    { header: 'RULE' },
    { header: 'ORIGIN' },
    { header: 'RESOURCE', wrap: true },
    { header: 'PATH', wrap: true, spill: true },
    { header: 'MESSAGE', wrap: true, spill: true },
  ];
  return interleave(columns, rows, layout, (index) => {
    const violation = shown[index];
    const rule = violation && layout.rules.get(violation.ruleId);
    if (!violation || !rule) return [];
    return [style.dim(truncateLine(`      fix: ${free(remediationGist(rule, violation))}`, layout.width))];
  })
    .concat(hiddenLine(violations.slice(shown.length), 'violation', 'violations', (v) => v.severity, style))
    .concat(
      shown.some((v) => layout.rules.has(v.ruleId))
        ? [style.dim('  The whole fix of a rule, with its references: driftwarden policies show <rule>')]
        : [],
    );
}

export function waivedTable(waived: Report['waived'], layout: FindingsLayout): string[] {
  const shown = waived.slice(0, rowLimit(waived.length, layout));
  const rows = shown.map((v) => [
    value(v.ruleId),
    v.origin,
    resourceText(v, layout.style),
    `${free(v.waiver.reason)} (${value(v.waiver.source)}${v.waiver.expires ? `, until ${value(v.waiver.expires)}` : ''})`,
  ]);
  const columns: Column[] = [
    { header: 'RULE' },
    { header: 'ORIGIN' },
    { header: 'RESOURCE', wrap: true },
    { header: 'WAIVER', wrap: true, spill: true },
  ];
  return layoutTable(columns, rows, layout.width, layout.style).concat(
    hiddenLine(
      waived.slice(shown.length),
      'waived violation',
      'waived violations',
      (v) => v.severity,
      layout.style,
    ),
  );
}

type Resolved = NonNullable<Report['baseline']>['resolved'];

/** The baseline's findings that are gone: drift by kind, violations by severity and rule. */
export function resolvedTable(resolved: Resolved, layout: FindingsLayout): string[] {
  const { style } = layout;
  const all: (DriftEntry | Violation)[] = [...resolved.drift, ...resolved.violations];
  const shown = all.slice(0, rowLimit(all.length, layout));
  const rows = shown.map((finding) =>
    'ruleId' in finding
      ? [
          severityText(finding.severity, style),
          value(finding.ruleId),
          value(finding.key),
          free(finding.message),
        ]
      : [finding.kind, 'drift', value(finding.key), value(changedPaths(finding))],
  );
  const columns: Column[] = [
    { header: 'WAS' },
    { header: 'RULE' },
    { header: 'RESOURCE', wrap: true },
    { header: 'DETAIL', wrap: true, spill: true },
  ];
  return layoutTable(columns, rows, layout.width, style).concat(
    hiddenLine(all.slice(shown.length), 'resolved finding', 'resolved findings', () => '', style),
  );
}

/** The attributes a drift entry had changed, as the table names them. */
function changedPaths(entry: DriftEntry): string {
  return displayChanges(entry.changes)
    .map((change) => change.path)
    .join(', ');
}

function rowLimit(count: number, layout: FindingsLayout): number {
  return layout.maxRows === 0 ? count : Math.min(count, layout.maxRows);
}

function markColumn(layout: FindingsLayout): Column[] {
  return layout.marked ? [{ header: '' }] : [];
}

function mark(finding: DriftEntry | Violation, layout: FindingsLayout): string[] {
  if (!layout.marked) return [];
  return [finding.status === 'new' ? layout.style.bold(layout.style.yellow('new')) : ''];
}

function ageColumn(layout: FindingsLayout): Column[] {
  return layout.agedAt === undefined ? [] : [{ header: 'AGE' }];
}

function age(finding: DriftEntry | Violation, layout: FindingsLayout): string[] {
  if (layout.agedAt === undefined) return [];
  const text = ageText(finding.history, layout.agedAt) ?? '';
  return [text === 'new' ? layout.style.bold(text) : text];
}

/** The resource key, and under it the file and line of a finding in code. */
function resourceText(violation: Violation, style: Style): string {
  const where = codeLocation(violation.location);
  return where === '' ? value(violation.key) : `${value(violation.key)}\n${style.dim(where)}`;
}

/** The Terraform address (or where the resource was read), and under it the file and line of code. */
function whereText(entry: DriftEntry, style: Style): string {
  if (entry.address === undefined) return value(formatLocation(entry.location));
  const where = codeLocation(entry.location);
  return where === '' ? value(entry.address) : `${value(entry.address)}\n${style.dim(where)}`;
}

/** The table, with each row followed by the lines `after` gives it (its changes, its remediation). */
function interleave(
  columns: readonly Column[],
  rows: readonly string[][],
  layout: FindingsLayout,
  after: (index: number) => string[],
): string[] {
  const laid = layoutRows(columns, rows, layout.width, layout.style);
  return [...laid.header, ...laid.rows.flatMap((lines, index) => [...lines, ...after(index)])];
}

/** `... 12 more violations: 2 high, 10 low (--max-rows 0 shows all)`, or nothing when every row was shown. */
function hiddenLine<T>(
  hidden: readonly T[],
  one: string,
  many: string,
  groupOf: (finding: T) => string,
  style: Style,
): string[] {
  if (hidden.length === 0) return [];
  const groups = new Map<string, number>();
  for (const finding of hidden) {
    const group = groupOf(finding);
    if (group !== '') groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const counts = [...groups].map(([group, count]) => `${count} ${group}`).join(', ');
  const noun = hidden.length === 1 ? one : many;
  return [
    style.dim(
      `  ... ${hidden.length} more ${noun}${counts === '' ? '' : `: ${counts}`} (--max-rows 0 shows all)`,
    ),
  ];
}
