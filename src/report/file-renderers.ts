import type { Report } from '../model/report.js';
import type { ReportFormat } from './formats.js';
import { renderHtml } from './html.js';
import type { RenderContext } from './index.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';

export type Renderer = (report: Report, context: RenderContext) => string;

/**
 * The renderers of every format but the terminal table: what a report file or a CI step reads. They are kept apart
 * from the table so that a scan rendering JSON or SARIF never loads the terminal's width and wrapping libraries,
 * whose set-up (a Unicode segmenter, the emoji property regexes) was a tenth of the scan's module loading
 * (BENCHMARKS.md, bench:startup). RENDERERS (./index.ts) is these and the table.
 */
export const FILE_RENDERERS: Record<Exclude<ReportFormat, 'table'>, Renderer> = {
  json: (report) => renderJson(report),
  markdown: (report, context) => renderMarkdown(report, undefined, context.rules ?? []),
  sarif: (report, context) =>
    renderSarif(report, context.rules ?? [], {
      ...(context.sarifFallback === undefined ? {} : { fallbackFile: context.sarifFallback }),
    }),
  html: (report, context) => renderHtml(report, context.rules ?? []),
  junit: (report, context) => renderJunit(report, context.rules ?? []),
};
