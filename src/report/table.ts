import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { attributionSummaryText } from './attribution-text.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { free, value } from './terminal-cell.js';
import {
  driftTable,
  type FindingsLayout,
  resolvedTable,
  violationTable,
  waivedTable,
} from './terminal-findings.js';
import { wrapHanging } from './terminal-layout.js';
import { DEFAULT_MAX_ROWS } from './terminal-options.js';
import { baselinePhrase, coverageText, driftPhrase, plural, verdictOf } from './verdict.js';

export interface TableOptions {
  /** The terminal's width in columns: rows and long lines wrap to it. Without one (not a terminal), none wrap. */
  width?: number;
  /** At most this many rows per list, the rest counted in one line; 0 for every row. */
  maxRows?: number;
  /** The verdict only (--quiet). */
  quiet?: boolean;
  /** The rules that ran: each violation gets a line of its rule's remediation. */
  rules?: readonly CatalogueRule[];
}

/**
 * The console report: a verdict, the summary, the drift and violations, the sources and the diagnostics. Every
 * text from the report is untrusted: it goes through `value` or `free` (control sequences stripped, free text
 * redacted) before any styling, so only this file's own colours reach the terminal.
 */
export function renderTable(report: Report, style: Style = PLAIN_STYLE, options: TableOptions = {}): string {
  const width = options.width !== undefined && options.width > 0 ? options.width : undefined;
  const lines = verdict(report, style);
  if (!options.quiet) lines.push('', ...details(report, style, { ...options, width }));
  const fitted = lines.flatMap((line) => wrapHanging(line, width, indentOf(line) + 4));
  return `${fitted.join('\n')}\n`;
}

function details(report: Report, style: Style, options: TableOptions): string[] {
  const layout: FindingsLayout = {
    style,
    width: options.width,
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    marked: report.baseline !== undefined,
    rules: new Map((options.rules ?? []).map((rule) => [rule.id, rule])),
    ...(report.history ? { agedAt: report.scan.startedAt } : {}),
  };
  const lines: string[] = [];
  lines.push(...summaryLines(report, style), '');
  if (report.drift.length > 0)
    lines.push(style.bold(`Drift (${report.drift.length})`), ...driftTable(report.drift, layout), '');
  if (report.violations.length > 0) {
    lines.push(
      style.bold(`Violations (${report.violations.length})`),
      ...violationTable(report.violations, layout),
      '',
    );
  }
  if (report.waived.length > 0) {
    lines.push(style.bold(`Waived (${report.waived.length})`), ...waivedTable(report.waived, layout), '');
  }
  const resolved = report.baseline?.resolved;
  const gone = resolved ? resolved.drift.length + resolved.violations.length : 0;
  if (resolved && gone > 0) {
    const since = value(report.baseline?.source ?? '');
    lines.push(style.bold(`Resolved since ${since} (${gone})`), ...resolvedTable(resolved, layout), '');
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
  return lines;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function verdict(report: Report, style: Style): string[] {
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
  if (v.baseline) lines.push(style.bold(value(baselinePhrase(v))));
  return lines;
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
  if (s.attribution) rows.push(['who changed', attributionSummaryText(s.attribution)]);
  return [style.bold('Summary'), ...rows.map(([label, value]) => `  ${label.padEnd(13)}${value}`)];
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
