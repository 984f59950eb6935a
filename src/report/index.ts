import type { OutputFormat } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { renderJson } from './json.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

/** One renderer per format. Later formats (markdown, sarif, html, junit) register here. */
export const RENDERERS: Record<OutputFormat, (report: Report, style?: Style) => string> = {
  table: renderTable,
  json: renderJson,
};

export function render(format: OutputFormat, report: Report, style?: Style): string {
  return RENDERERS[format](report, style);
}
