import { readJsonFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import type { Report } from '../model/report.js';
import { loadProvidersOf } from '../model/types/index.js';
import { upgradeReport } from '../model/upgrade-report.js';
import { describeZodError } from '../util/zod-issue.js';

/**
 * A previous JSON report, for --baseline: strict, with one-line errors naming the file. The report's schemas are
 * imported here, when a report is read, so that a scan that reads none never builds them (report-version.ts).
 */
export async function loadBaseline(file: { path: string; display: string }): Promise<Report> {
  const raw = upgradeReport(await readJsonFile(file.path, file.display));
  const { reportSchema } = await import('../model/report.js');
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(file.display, `not a driftwarden JSON report: ${describeZodError(parsed.error, raw)}`);
  // Its findings are compared and rendered with this scan's (fixes and code suggestions read the catalogue).
  await loadProvidersOf([...parsed.data.drift, ...parsed.data.violations].map((finding) => finding.type));
  return parsed.data;
}
