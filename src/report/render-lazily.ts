import type { Report } from '../model/report.js';
import type { Renderer } from './file-renderers.js';
import type { ReportFormat } from './formats.js';
import type { RenderContext } from './index.js';

/**
 * Each format's renderer, imported when that format is rendered: a scan writes one or two formats, and loading all
 * five (the HTML renderer alone, with its styles, script and charts, is 85 KB) cost every scan their compile and
 * set-up (BENCHMARKS.md, bench:startup). The calls are those of RENDERERS (./index.ts), which the synchronous
 * `render` uses; test/report/render-lazily.test.ts checks that both give the same text in every format.
 */
const LOADERS: Record<Exclude<ReportFormat, 'table'>, () => Promise<Renderer>> = {
  json: async () => {
    const { renderJson } = await import('./json.js');
    return (report) => renderJson(report);
  },
  markdown: async () => {
    const { renderMarkdown } = await import('./markdown.js');
    return (report, context) => renderMarkdown(report, undefined, context.rules ?? []);
  },
  sarif: async () => {
    const { renderSarif } = await import('./sarif.js');
    return (report, context) =>
      renderSarif(report, context.rules ?? [], {
        ...(context.sarifFallback === undefined ? {} : { fallbackFile: context.sarifFallback }),
      });
  },
  html: async () => {
    const { renderHtml } = await import('./html.js');
    return (report, context) => renderHtml(report, context.rules ?? []);
  },
  junit: async () => {
    const { renderJunit } = await import('./junit.js');
    return (report, context) => renderJunit(report, context.rules ?? []);
  },
};

/**
 * `render` (./index.ts), with only the requested format's modules imported: the table's (string-width, wrap-ansi,
 * chalk) only when a table is rendered, and of the file formats only the one asked for (a table, none of them).
 */
export async function renderLazily(
  format: ReportFormat,
  report: Report,
  context: RenderContext = {},
): Promise<string> {
  if (format !== 'table') return (await LOADERS[format]())(report, context);
  const { renderTable } = await import('./table.js');
  return renderTable(report, context.style, {
    ...context.terminal,
    ...(context.rules ? { rules: context.rules } : {}),
  });
}
