import type { Report } from '../model/report.js';
import { FILE_RENDERERS } from './file-renderers.js';
import type { ReportFormat } from './formats.js';
import type { RenderContext } from './index.js';

/** `render`, with the terminal table's modules imported only when a table is rendered (see FILE_RENDERERS). */
export async function renderLazily(
  format: ReportFormat,
  report: Report,
  context: RenderContext = {},
): Promise<string> {
  if (format !== 'table') return FILE_RENDERERS[format](report, context);
  const { render } = await import('./index.js');
  return render(format, report, context);
}
