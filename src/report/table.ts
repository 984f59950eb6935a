import { formatLocation } from '../model/location.js';
import type { DriftEntry, Report, Violation } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import type { Value } from '../model/value.js';
import { displayChanges, valueText } from './change-display.js';
import { truncateText } from './markdown-text.js';
import { PLAIN_STYLE, type Style, visibleLength } from './style.js';
import { terminalText } from './terminal-text.js';
import { coverageText, driftPhrase, plural, verdictOf } from './verdict.js';

const MAX_VALUE_WIDTH = 60;
const MAX_CELL_WIDTH = 200;
const MAX_CHANGES_PER_RESOURCE = 20;

/**
 * The console report: a verdict, the summary, the drift and violations, the sources and the diagnostics. Every
 * text from the report is untrusted: it goes through `value` or `free` (control sequences stripped, free text
 * redacted) before any styling, so only this file's own colours reach the terminal.
 */
export function renderTable(report: Report, style: Style = PLAIN_STYLE): string {
  const lines: string[] = [];
  lines.push(verdict(report, style), '');
  lines.push(...summaryLines(report, style), '');
  if (report.drift.length > 0)
    lines.push(style.bold(`Drift (${report.drift.length})`), ...driftTable(report.drift, style), '');
  if (report.violations.length > 0) {
    lines.push(
      style.bold(`Violations (${report.violations.length})`),
      ...violationTable(report.violations, style),
      '',
    );
  }
  if (report.waived.length > 0) {
    lines.push(style.bold(`Waived (${report.waived.length})`), ...waivedTable(report.waived, style), '');
  }
  lines.push(style.bold('Sources'), ...sourceLines(report, style));
  const notable = report.scan.diagnostics.filter((d) => d.level !== 'info');
  if (notable.length > 0) {
    lines.push('', style.bold(`Diagnostics (${notable.length})`));
    for (const d of notable) {
      const tag = d.level === 'error' ? style.red('error') : style.yellow('warning');
      lines.push(`  ${tag} ${d.source ? `${value(d.source)}: ` : ''}${free(d.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function verdict(report: Report, style: Style): string {
  const v = verdictOf(report);
  const lines: string[] = [];
  if (!report.scan.complete) {
    const parts = [
      v.failed.sources > 0 ? `${plural(v.failed.sources, 'source')} failed` : '',
      v.failed.rules > 0 ? `${plural(v.failed.rules, 'rule')} failed` : '',
    ].filter(Boolean);
    lines.push(style.red(style.bold(`INCOMPLETE: ${parts.join(', ')}; results are partial`)));
  }
  const phrase = driftPhrase(v);
  const sentence = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  lines.push(
    !v.drift.evaluated
      ? style.yellow(style.bold(sentence))
      : v.drift.resources === 0
        ? style.green(style.bold(sentence))
        : style.yellow(style.bold(sentence)),
  );
  if (v.unknown > 0)
    lines.push(style.yellow(`${plural(v.unknown, 'live resource')} unknown: a declared source failed`));
  if (v.violations) {
    const { count } = v.violations;
    const waived = v.violations.waived > 0 ? ` (${v.violations.waived} waived)` : '';
    lines.push(
      count === 0
        ? style.green(style.bold(`No policy violations${waived}`))
        : style.red(style.bold(`${plural(count, 'policy violation')}${waived}`)),
    );
  }
  return lines.join('\n');
}

function summaryLines(report: Report, style: Style): string[] {
  const s = report.summary;
  const coverage = coverageText(report);
  const rows: [string, string][] = [
    ['declared', String(s.declared)],
    ['live', String(s.live)],
    ['managed', String(s.managed)],
    ['coverage', coverage],
    ['changed', String(s.changed)],
    ['missing', String(s.missing)],
    ['unmanaged', String(s.unmanaged)],
    ['not compared', String(s.notCompared)],
    ['ignored', String(s.ignored)],
  ];
  if (s.unknown > 0) rows.push(['unknown', String(s.unknown)]);
  const v = s.violations;
  rows.push(['violations', `${v.critical} critical, ${v.high} high, ${v.medium} medium, ${v.low} low`]);
  if (s.waived > 0) rows.push(['waived', String(s.waived)]);
  return [style.bold('Summary'), ...rows.map(([label, value]) => `  ${label.padEnd(13)}${value}`)];
}

function driftTable(drift: readonly DriftEntry[], style: Style): string[] {
  const colour = { missing: style.red, changed: style.yellow, unmanaged: style.cyan };
  const rows = drift.map((entry) => [
    colour[entry.kind](entry.kind),
    value(entry.type),
    value(entry.id),
    value(entry.address ?? formatLocation(entry.location)),
  ]);
  const lines = table(['KIND', 'TYPE', 'ID', 'ADDRESS / LOCATION'], rows, style);
  const out: string[] = [lines[0] ?? ''];
  drift.forEach((entry, index) => {
    out.push(lines[index + 1] ?? '');
    const changes = displayChanges(entry.changes);
    const shown = changes.slice(0, MAX_CHANGES_PER_RESOURCE);
    for (const change of shown) {
      out.push(
        `      ${style.dim('~')} ${value(change.path)}: ${formatValue(change.declared)} ${style.dim('->')} ${formatValue(change.live)}`,
      );
    }
    if (changes.length > shown.length) {
      out.push(style.dim(`      ... ${changes.length - shown.length} more changes (see the JSON report)`));
    }
  });
  return out;
}

function violationTable(violations: readonly Violation[], style: Style): string[] {
  const rows = violations.map((v) => [
    v.severity.toUpperCase(),
    value(v.ruleId),
    v.origin,
    value(v.key),
    value(v.path ?? ''),
    free(v.message),
  ]);
  return table(['SEVERITY', 'RULE', 'ORIGIN', 'RESOURCE', 'PATH', 'MESSAGE'], rows, style);
}

function waivedTable(waived: Report['waived'], style: Style): string[] {
  const rows = waived.map((v) => [
    value(v.ruleId),
    v.origin,
    value(v.key),
    `${free(v.waiver.reason)} (${value(v.waiver.source)}${v.waiver.expires ? `, until ${value(v.waiver.expires)}` : ''})`,
  ]);
  return table(['RULE', 'ORIGIN', 'RESOURCE', 'WAIVER'], rows, style);
}

function sourceLines(report: Report, style: Style): string[] {
  const lines: string[] = [];
  for (const source of report.scan.sources) {
    const mark =
      source.status === 'ok'
        ? style.green('ok     ')
        : source.status === 'partial'
          ? style.yellow('PARTIAL')
          : style.red('FAILED ');
    const head = `  ${mark} ${source.side.padEnd(8)} ${value(source.connector).padEnd(16)}`;
    if (source.status === 'failed') {
      lines.push(`${head} ${source.error === undefined ? value(source.location) : free(source.error)}`);
      continue;
    }
    const requests =
      source.stats && Object.hasOwn(source.stats, 'httpRequests') ? source.stats.httpRequests : undefined;
    const calls = typeof requests === 'number' ? `, ${requests} API requests` : '';
    lines.push(`${head} ${value(source.location)}  ${style.dim(`${source.resources} resources${calls}`)}`);
    for (const problem of source.problems ?? [])
      lines.push(`          ${style.yellow('!')} ${free(problem)}`);
  }
  return lines;
}

function table(header: string[], rows: string[][], style: Style): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => visibleLength(row[i] ?? ''))));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleLength(cell)))).join('  ')}`.trimEnd();
  return [style.dim(line(header)), ...rows.map(line)];
}

/** A change value: JSON text, `(absent)` for null, cut to the column. */
export function formatValue(change: Value): string {
  const text = value(valueText(change));
  const cut = truncateText(text, MAX_VALUE_WIDTH - 2);
  return cut === text ? text : `${cut.slice(0, -1)}...`;
}

/** A value from the report (an id, a key, a path), with every control sequence stripped, on one line. */
function value(text: string): string {
  return truncateText(terminalText(text), MAX_CELL_WIDTH);
}

/** Free text from the report (a message, a reason, an error): like a value, with secret-shaped parts redacted. */
function free(text: string): string {
  return value(redactSecretText(text));
}
