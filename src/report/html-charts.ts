import type { DriftKind } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { html, type SafeHtml } from './html-escape.js';
import { truncateText } from './markdown-text.js';

/**
 * Charts for the HTML report, drawn as inline SVG on the server: no chart library, nothing loaded at view time,
 * and the same input always gives the same markup.
 */

export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
};

export const KIND_COLOURS: Readonly<Record<DriftKind, string>> = {
  changed: '#b45309',
  missing: '#b91c1c',
  unmanaged: '#0e7490',
};

export const MANAGED_COLOUR = '#15803d';
export const DRIFT_BAR_COLOUR = '#64748b';
export const VIOLATION_BAR_COLOUR = '#dc2626';
export const AXIS_COLOUR = '#d1d5db';
export const TEXT_COLOUR = '#374151';
const MAX_TYPE_LABEL = 26;

export interface TypeCount {
  type: string;
  drift: number;
  violations: number;
}

/** Numbers in SVG attributes: at most two decimals, so output does not depend on float noise. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Vertical bars, one per severity. */
export function severityChart(counts: Readonly<Record<Severity, number>>): SafeHtml {
  const width = 320;
  const height = 210;
  const plotTop = 24;
  const plotHeight = 140;
  const baseline = plotTop + plotHeight;
  const slot = (width - 20) / SEVERITIES.length;
  const barWidth = 44;
  const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  const bars = SEVERITIES.map((severity, index) => {
    const value = counts[severity];
    const barHeight = value === 0 ? 0 : Math.max(2, (value / max) * plotHeight);
    const x = 10 + index * slot + (slot - barWidth) / 2;
    const cx = x + barWidth / 2;
    return html`<g><title>${severity}: ${value}</title>
<rect x="${n(x)}" y="${n(baseline - barHeight)}" width="${barWidth}" height="${n(barHeight)}" rx="3" fill="${SEVERITY_COLOURS[severity]}"/>
<text x="${n(cx)}" y="${n(baseline - barHeight - 6)}" text-anchor="middle" font-size="13" font-weight="600" fill="${TEXT_COLOUR}">${value}</text>
<text x="${n(cx)}" y="${baseline + 20}" text-anchor="middle" font-size="12" fill="${TEXT_COLOUR}">${severity}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Violations by severity: ${total} in all">
<line x1="10" y1="${baseline}" x2="${width - 10}" y2="${baseline}" stroke="${AXIS_COLOUR}"/>
${bars}</svg>`;
}

/** The ten resource types with the most findings, most first; ties by type name. */
export function topTypes(counts: readonly TypeCount[], limit = 10): TypeCount[] {
  return [...counts]
    .sort((a, b) => b.drift + b.violations - (a.drift + a.violations) || compare(a.type, b.type))
    .slice(0, limit);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Horizontal stacked bars: drift and violations per resource type. */
export function typeChart(counts: readonly TypeCount[]): SafeHtml {
  const rows = topTypes(counts);
  if (rows.length === 0) return html`<p class="empty-chart">No findings.</p>`;
  const width = 460;
  const labelWidth = 180;
  const rowHeight = 26;
  const top = 30;
  const barSpace = width - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => r.drift + r.violations));
  const height = top + rows.length * rowHeight + 6;
  const bars = rows.map((row, index) => typeBar(row, top + index * rowHeight, labelWidth, barSpace / max));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Findings by resource type, top ${rows.length}">
${legendItem(labelWidth, 10, DRIFT_BAR_COLOUR, 'drift')}${legendItem(labelWidth + 70, 10, VIOLATION_BAR_COLOUR, 'violations')}
<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${height - 4}" stroke="${AXIS_COLOUR}"/>
${bars}</svg>`;
}

function typeBar(row: TypeCount, y: number, x0: number, scale: number): SafeHtml {
  const driftWidth = row.drift * scale;
  const violationWidth = row.violations * scale;
  const label = truncateText(row.type, MAX_TYPE_LABEL);
  const total = row.drift + row.violations;
  return html`<g><title>${row.type}: ${row.drift} drift, ${row.violations} violations</title>
<text x="${x0 - 8}" y="${y + 14}" text-anchor="end" font-size="12" font-family="ui-monospace, Menlo, Consolas, monospace" fill="${TEXT_COLOUR}">${label}</text>
<rect x="${x0}" y="${y + 3}" width="${n(driftWidth)}" height="16" fill="${DRIFT_BAR_COLOUR}"/>
<rect x="${n(x0 + driftWidth)}" y="${y + 3}" width="${n(violationWidth)}" height="16" fill="${VIOLATION_BAR_COLOUR}"/>
<text x="${n(x0 + driftWidth + violationWidth + 6)}" y="${y + 15}" font-size="12" font-weight="600" fill="${TEXT_COLOUR}">${total}</text></g>`;
}

export function legendItem(x: number, y: number, colour: string, label: string): SafeHtml {
  return html`<rect x="${x}" y="${y}" width="10" height="10" rx="2" fill="${colour}"/><text x="${x + 14}" y="${y + 9}" font-size="11" fill="${TEXT_COLOUR}">${label}</text>`;
}

/** A donut of managed against unmanaged live resources, with the coverage in the middle. */
export function coverageDonut(managed: number, unmanaged: number, coverage: number | null): SafeHtml {
  const size = 180;
  const radius = 64;
  const centre = size / 2;
  const circumference = 2 * Math.PI * radius;
  const live = managed + unmanaged;
  const managedLength = live === 0 ? 0 : (managed / live) * circumference;
  const ring = live === 0 ? AXIS_COLOUR : KIND_COLOURS.unmanaged;
  const percent = coverage === null ? 'n/a' : `${(coverage * 100).toFixed(1)}%`;
  return html`<svg class="chart" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Coverage ${percent}: ${managed} managed, ${unmanaged} unmanaged">
<circle cx="${centre}" cy="${centre}" r="${radius}" fill="none" stroke="${ring}" stroke-width="22"><title>unmanaged: ${unmanaged}</title></circle>
<circle cx="${centre}" cy="${centre}" r="${radius}" fill="none" stroke="${MANAGED_COLOUR}" stroke-width="22" stroke-dasharray="${n(managedLength)} ${n(circumference)}" transform="rotate(-90 ${centre} ${centre})"><title>managed: ${managed}</title></circle>
<text x="${centre}" y="${centre + 2}" text-anchor="middle" font-size="24" font-weight="700" fill="${TEXT_COLOUR}">${percent}</text>
<text x="${centre}" y="${centre + 22}" text-anchor="middle" font-size="11" fill="#6b7280">${coverage === null ? 'no live source read' : live === 0 ? 'nothing live' : 'managed'}</text></svg>`;
}
