import type { TrendPoint } from '../model/history.js';
import {
  AXIS_COLOUR,
  DRIFT_BAR_COLOUR,
  legendItem,
  MANAGED_COLOUR,
  n,
  TEXT_COLOUR,
  VIOLATION_BAR_COLOUR,
} from './html-charts.js';
import { html, type SafeHtml } from './html-escape.js';

const WIDTH = 640;
const HEIGHT = 230;
const LEFT = 44;
const RIGHT = 44;
const TOP = 30;
const PLOT_HEIGHT = 150;

/**
 * The trend of the history store's scans of this scope (--history), as inline SVG like the other charts: drift and
 * violations per scan on the left axis, coverage (dashed) on the right one, each scan placed by its time so that
 * gaps show. An incomplete scan's point is hollow: its counts are partial.
 */
export function trendChart(points: readonly TrendPoint[]): SafeHtml {
  if (points.length < 2)
    return html`<p class="empty-chart">One scan recorded so far: the trend starts with the next.</p>`;
  const times = points.map((point) => Date.parse(point.startedAt));
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const max = Math.max(1, ...points.map((point) => Math.max(point.drift, point.violations)));
  const baseline = TOP + PLOT_HEIGHT;
  const x = (index: number) => LEFT + (((times[index] ?? first) - first) / span) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => baseline - (value / max) * PLOT_HEIGHT;
  const line = (values: (number | null)[], scale: (value: number) => number) =>
    values.flatMap((value, index) => (value === null ? [] : [`${n(x(index))},${n(scale(value))}`])).join(' ');
  const coverageY = (value: number) => baseline - value * PLOT_HEIGHT;
  const dots = points.map((point, index) => {
    const fill = (colour: string) => (point.complete ? colour : '#fff');
    const coverage = point.coverage === null ? 'n/a' : `${(point.coverage * 100).toFixed(1)}%`;
    return html`<g><title>${point.startedAt}${point.complete ? '' : ' (incomplete)'}: ${point.drift} drift, ${point.violations} violations, coverage ${coverage}</title>
<circle cx="${n(x(index))}" cy="${n(y(point.drift))}" r="3.5" fill="${fill(DRIFT_BAR_COLOUR)}" stroke="${DRIFT_BAR_COLOUR}"/>
<circle cx="${n(x(index))}" cy="${n(y(point.violations))}" r="3.5" fill="${fill(VIOLATION_BAR_COLOUR)}" stroke="${VIOLATION_BAR_COLOUR}"/></g>`;
  });
  const firstDay = points[0]?.startedAt.slice(0, 10) ?? '';
  const lastDay = points.at(-1)?.startedAt.slice(0, 10) ?? '';
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Trend over ${points.length} scans from ${firstDay} to ${lastDay}">
${legendItem(LEFT, 8, DRIFT_BAR_COLOUR, 'drift')}${legendItem(LEFT + 60, 8, VIOLATION_BAR_COLOUR, 'violations')}${legendItem(LEFT + 150, 8, MANAGED_COLOUR, 'coverage')}
<line x1="${LEFT}" y1="${baseline}" x2="${WIDTH - RIGHT}" y2="${baseline}" stroke="${AXIS_COLOUR}"/>
<text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end" font-size="11" fill="${TEXT_COLOUR}">${max}</text>
<text x="${LEFT - 6}" y="${baseline + 4}" text-anchor="end" font-size="11" fill="${TEXT_COLOUR}">0</text>
<text x="${WIDTH - RIGHT + 6}" y="${TOP + 4}" font-size="11" fill="${MANAGED_COLOUR}">100%</text>
<text x="${WIDTH - RIGHT + 6}" y="${baseline + 4}" font-size="11" fill="${MANAGED_COLOUR}">0%</text>
<text x="${LEFT}" y="${baseline + 20}" font-size="11" fill="${TEXT_COLOUR}">${firstDay}</text>
<text x="${WIDTH - RIGHT}" y="${baseline + 20}" text-anchor="end" font-size="11" fill="${TEXT_COLOUR}">${lastDay}</text>
<polyline points="${line(
    points.map((point) => point.coverage),
    coverageY,
  )}" fill="none" stroke="${MANAGED_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3"/>
<polyline points="${line(
    points.map((point) => point.drift),
    y,
  )}" fill="none" stroke="${DRIFT_BAR_COLOUR}" stroke-width="2"/>
<polyline points="${line(
    points.map((point) => point.violations),
    y,
  )}" fill="none" stroke="${VIOLATION_BAR_COLOUR}" stroke-width="2"/>
${dots}</svg>`;
}
