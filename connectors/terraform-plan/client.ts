import { readJsonFile } from '../../src/connector/read-json-file.js';
import { inputError } from '../../src/errors.js';
import { isPlainObject } from '../../src/model/value.js';
import { describeZodError } from '../../src/util/zod-issue.js';
import { type Plan, planSchema } from './schema.js';

/** Reads and validates a local JSON plan. The only I/O of this connector. */
export async function readPlanFile(path: string, displayPath: string): Promise<Plan> {
  const raw = await readJsonFile(path, displayPath);
  return parsePlan(raw, displayPath);
}

const HOW_TO = 'write it with `terraform show -json plan.out > plan.json`';

export function parsePlan(raw: unknown, displayPath: string): Plan {
  if (!isPlainObject(raw)) throw inputError(displayPath, 'not a Terraform JSON plan: expected a JSON object');
  const version = raw.format_version;
  if (version === undefined) {
    throw inputError(displayPath, `not a Terraform JSON plan: no "format_version" field (${HOW_TO})`);
  }
  if (typeof version !== 'string' || !/^\d+\.\d+/.test(version)) {
    throw inputError(displayPath, 'not a Terraform JSON plan: "format_version" is not a version string');
  }
  const major = Number(version.split('.')[0]);
  if (major !== 1) {
    throw inputError(displayPath, `unsupported plan format version ${version}; driftwarden reads 1.x`);
  }
  if (raw.planned_values === undefined) {
    const hint = raw.values !== undefined ? ' (this looks like `terraform show -json` of a state)' : '';
    throw inputError(displayPath, `not a Terraform JSON plan: no "planned_values" field${hint}`);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw inputError(displayPath, `invalid plan: ${describeZodError(parsed.error, raw)}`);
  return parsed.data;
}
