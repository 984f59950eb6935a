import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { FILE_RENDERERS } from './file-renderers.js';
import type { ReportFormat } from './formats.js';
import type { Style } from './style.js';
import { renderTable, type TableOptions } from './table.js';

export interface RenderContext {
  /** Terminal styling, for the table. */
  style?: Style;
  /** The table's width, row cap and --quiet. */
  terminal?: Omit<TableOptions, 'rules'>;
  /** The rules that ran, for the formats that describe rules (SARIF, JUnit) or how to fix them (all but JSON). */
  rules?: readonly CatalogueRule[];
  /** A real file for SARIF results that no file declares (the config file, the workflow). */
  sarifFallback?: string;
}

/** One renderer per format. Every one reads only the report, whose values are already safe to show. */
export const RENDERERS: Record<ReportFormat, (report: Report, context: RenderContext) => string> = {
  table: (report, context) =>
    renderTable(report, context.style, {
      ...context.terminal,
      ...(context.rules ? { rules: context.rules } : {}),
    }),
  ...FILE_RENDERERS,
};

export function render(format: ReportFormat, report: Report, context: RenderContext = {}): string {
  return RENDERERS[format](report, context);
}
