import type { Report } from '../model/report.js';
import { jsonSafe } from './change-display.js';

/**
 * The JSON report. JSON.stringify escapes control characters and lone surrogates, so the output parses whatever the
 * values hold; `jsonSafe` keeps a value that is not JSON (see change-display.ts) from dropping a required field.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, jsonSafe, 2)}\n`;
}
