import type { FindingRow } from '../history/store.js';
import type { Trends } from '../history/trends.js';
import { oneLine } from './one-line.js';

const MAX_OPEN_ROWS = 20;

/** The table of `driftwarden history`: a row a day, the mean time to resolve, the oldest open findings. */
export function historyTable(store: string, trends: Trends, findings: readonly FindingRow[]): string {
  const lines = [`History in ${oneLine(store)}`, ''];
  if (trends.days.length === 0) return `${[...lines, 'No scans recorded in this window.'].join('\n')}\n`;
  const header = ['DAY', 'SCANS', 'DRIFT', 'VIOLATIONS', 'COVERAGE', 'NEW', 'RESOLVED'];
  const rows = trends.days.map((day) => [
    day.date,
    day.incomplete > 0 ? `${day.scans} (${day.incomplete} incomplete)` : String(day.scans),
    String(day.drift),
    String(day.violations),
    day.coverage === null ? 'n/a' : `${(day.coverage * 100).toFixed(1)}%`,
    String(day.new),
    String(day.resolved),
  ]);
  lines.push(...columns([header, ...rows]), '');
  const { meanTimeToResolve: mttr } = trends;
  lines.push(
    mttr.ms === null
      ? 'Mean time to resolve: n/a (nothing resolved in this window)'
      : `Mean time to resolve: ${duration(mttr.ms)} over ${mttr.findings} resolved finding${mttr.findings === 1 ? '' : 's'}`,
  );
  const open = findings.filter((finding) => finding.resolvedAt === null);
  lines.push(`Open findings: ${open.length}`);
  if (open.length > 0) {
    lines.push('');
    const openRows = open
      .slice(0, MAX_OPEN_ROWS)
      .map((finding) => [
        finding.firstSeen.slice(0, 10),
        finding.category === 'drift'
          ? finding.kind
          : `${finding.severity ?? ''} ${finding.kind} ${finding.origin ?? ''}`.trim(),
        oneLine(finding.key),
        oneLine(finding.scope),
      ]);
    lines.push(...columns([['SINCE', 'FINDING', 'RESOURCE', 'SCOPE'], ...openRows]));
    if (open.length > MAX_OPEN_ROWS)
      lines.push(`... ${open.length - MAX_OPEN_ROWS} more open (--format json lists every finding)`);
  }
  return `${lines.join('\n')}\n`;
}

function columns(rows: readonly string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function duration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 48) return `${hours.toFixed(1)} hours`;
  return `${(hours / 24).toFixed(1)} days`;
}
