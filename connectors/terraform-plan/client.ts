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

/**
 * The plan formats Terraform has written: 0.1 (Terraform 0.12 to 1.0.0), 0.2 (1.0.1 to 1.0.x, which added
 * `sensitive_values` to the planned values: CHANGELOG 1.0.1, hashicorp/terraform#28889) and 1.x (1.1 on), as
 * hashicorp/terraform-json reads them (`PlanFormatVersionConstraints = ">= 0.1, < 2.0"`, plan.go) and
 * hashicorp/terraform-exec's end-to-end tests expect them of each release. The fields read here are in all of them:
 * a 0.1 plan marks secrets only in `after_sensitive` (Terraform 0.14 on) or not at all, and the type catalogue's
 * secret attributes are masked still; 1.x adds fields such as `resource_drift`, each optional here. Terraform 0.12
 * names providers without their source address (`aws`), which maps as `registry.terraform.io/hashicorp/aws` does.
 */
function isReadableVersion(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major === 1 || (major === 0 && (minor === 1 || minor === 2));
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
  if (!isReadableVersion(version)) {
    throw inputError(
      displayPath,
      `unsupported plan format version ${version}; driftwarden reads 0.1, 0.2 and 1.x`,
    );
  }
  if (raw.planned_values === undefined) {
    const hint = raw.values !== undefined ? ' (this looks like `terraform show -json` of a state)' : '';
    throw inputError(displayPath, `not a Terraform JSON plan: no "planned_values" field${hint}`);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw inputError(displayPath, `invalid plan: ${describeZodError(parsed.error, raw)}`);
  return parsed.data;
}
