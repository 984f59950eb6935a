import { z } from 'zod';
import { SEVERITIES } from '../model/severity.js';
import { REPORT_FORMATS } from '../report/formats.js';

const FAIL_ON_BASE = ['drift', ...SEVERITIES] as const;
/** `new:<value>` counts only findings that are new since the --baseline report. */
export const FAIL_ON_VALUES = [
  'none',
  ...FAIL_ON_BASE,
  ...FAIL_ON_BASE.map((v) => `new:${v}` as const),
] as const;
export type FailOnValue = (typeof FAIL_ON_VALUES)[number];

const stringList = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const reportFile = z.string().min(1).optional();

/**
 * Any of the formats, each at most once: a strict object rather than a record over the enum, which would demand
 * all of them and silently drop a `__proto__` key instead of refusing it.
 */
const outputsSchema = z
  .object(Object.fromEntries(REPORT_FORMATS.map((format) => [format, reportFile])))
  .strict()
  .transform((outputs) => {
    const files: { [format: string]: string } = {};
    for (const format of REPORT_FORMATS) {
      const file = outputs[format];
      if (file !== undefined) files[format] = file;
    }
    return files;
  });

/**
 * The config file, `driftwarden.yml`. Every key has a CLI flag of the same meaning (see options.ts); flags win
 * over the file. Strict: an unknown key is an error naming the file and the key, so a typo never passes silently.
 */
export const configSchema = z
  .object({
    version: z.literal(1).optional().describe('The config format version. Only 1 exists.'),
    state: stringList.optional().describe('Terraform state files or globs (as --state).'),
    plans: stringList
      .optional()
      .describe('Terraform JSON plans, `terraform show -json` output, files or globs (as --plan).'),
    live: stringList.optional().describe('Live sources, `<connector>:<spec>` (as --live).'),
    repo: z.string().min(1).optional().describe('A Git repository of infrastructure code (as --repo).'),
    ref: z.string().min(1).optional().describe('The ref of the repository (as --ref).'),
    followBackends: z
      .boolean()
      .optional()
      .describe("Read each root module's state from its backend block (as --follow-backends)."),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe('A previous JSON report to compare with (as --baseline).'),
    history: z
      .string()
      .min(1)
      .optional()
      .describe('Record each scan in a history store: `sqlite:<path>` or `postgres://...` (as --history).'),
    historyScope: z
      .string()
      .min(1)
      .optional()
      .describe('The scope scans are recorded in (as --history-scope); default: one per set of sources.'),
    workspace: z
      .string()
      .min(1)
      .optional()
      .describe('The workspace of remote states that do not name one (as --workspace).'),
    strict: z
      .boolean()
      .optional()
      .describe('Also report what AWS creates on its own as unmanaged (as --strict).'),
    attribution: z
      .union([z.boolean(), z.number().int().min(0).max(1000)])
      .optional()
      .describe(
        'Find who changed each drift entry: true, false, or the most API calls per scan (as --attribution).',
      ),
    ignoreFile: z.string().min(1).optional().describe('A .driftignore file (as --ignore-file).'),
    ignore: z
      .array(z.string())
      .optional()
      .describe('Ignore rules in .driftignore syntax, applied after the file.'),
    format: z.enum(REPORT_FORMATS).optional().describe('Console format (as --format).'),
    outputs: outputsSchema
      .optional()
      .describe('Report files by format, e.g. `{json: report.json}` (as --output json=report.json).'),
    failOn: z
      .union([z.enum(FAIL_ON_VALUES), z.array(z.enum(FAIL_ON_VALUES))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .describe('When to exit 1 (as --fail-on).'),
    policies: stringList
      .optional()
      .describe('Directories of your own Rego rules, compiled with opa (as --policies).'),
    policyBundles: stringList.optional().describe('Prebuilt policy bundles (as --policy-bundle).'),
    builtinPolicies: z.boolean().optional().describe('Run the built-in rule library (default true).'),
    waivers: z
      .array(
        z
          .object({
            rule: z.string().min(1).describe('A rule id, e.g. DW-AWS-IAM-001; `*` wildcards allowed.'),
            resource: z
              .string()
              .min(1)
              .describe('A resource key glob, e.g. `aws_iam_policy.arn:aws:iam::*:policy/legacy-*`.'),
            reason: z.string().min(1).describe('Why the finding is accepted.'),
            expires: z
              .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'), z.date()])
              .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
              .optional()
              .describe('The last day the waiver applies, YYYY-MM-DD.'),
          })
          .strict(),
      )
      .optional()
      .describe('Accepted policy findings.'),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
