import { readJsonFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import { type Report, reportSchema } from '../model/report.js';
import { upgradeReport } from '../model/upgrade-report.js';
import { describeZodError } from '../util/zod-issue.js';

/** A previous JSON report, for --baseline: strict, with one-line errors naming the file. */
export async function loadBaseline(file: { path: string; display: string }): Promise<Report> {
  const raw = upgradeReport(await readJsonFile(file.path, file.display));
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success)
    throw inputError(file.display, `not a driftwarden JSON report: ${describeZodError(parsed.error, raw)}`);
  return parsed.data;
}
