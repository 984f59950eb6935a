import { z } from 'zod';
import { attributionSummarySchema, changedBySchema } from './attribution.js';
import { findingHistorySchema, reportHistorySchema } from './history.js';
import { REPORT_SCHEMA_VERSION } from './report-version.js';
import { SEVERITIES } from './severity.js';

/**
 * The report, `schemaVersion: 2`. The zod schemas are the single source of truth: the TypeScript types are
 * inferred from them and `src/model/schemas/report.schema.json` is generated from them (`npm run schemas`). Code
 * that writes a report imports only the types from here (and the version from report-version.ts); code that
 * parses one (load-baseline.ts) imports this module when it does, so that a scan builds none of these schemas.
 */
export { REPORT_SCHEMA_VERSION };

const jsonValue = z.json();

export const diagnosticSchema = z
  .object({
    level: z.enum(['error', 'warning', 'info']),
    code: z.string().describe('A stable machine-readable code, e.g. `state.legacy-format`.'),
    message: z.string(),
    source: z.string().optional().describe('The file, URL or source the diagnostic is about.'),
    key: z.string().optional().describe('The resource key, when the diagnostic is about one resource.'),
  })
  .meta({ id: 'Diagnostic' });

export const sourceStatusSchema = z
  .object({
    connector: z.string(),
    side: z.enum(['declared', 'live']),
    location: z.string(),
    resources: z.number().int().nonnegative(),
    status: z
      .enum(['ok', 'partial', 'failed'])
      .describe('`partial`: some of it could not be read; see `problems`.'),
    error: z.string().optional(),
    problems: z.array(z.string()).optional().describe('What could not be read, for a partial source.'),
    stats: z.record(z.string(), z.number()).optional().describe('Counters such as API calls by operation.'),
    coveredTypes: z
      .array(z.string())
      .optional()
      .describe('Live sources: the canonical types this source records. Others are not compared.'),
  })
  .meta({ id: 'SourceStatus' });

export const locationSchema = z
  .object({
    file: z
      .string()
      .optional()
      .describe(
        'The local file that declares the resource (or, for a live-only resource read from a file, holds it): a path relative to the directory the scan ran in (the repository root in the GitHub Action), with forward slashes.',
      ),
    line: z.number().int().positive().optional().describe('The 1-based line in `file`, for code.'),
    uri: z
      .string()
      .optional()
      .describe(
        'Where the resource was read when that is not a local file: an ARN, an ARM id, an API, an `s3://` or `azurerm://` state, a remote repository.',
      ),
  })
  .meta({ id: 'Location' });

export const attributeChangeSchema = z
  .object({
    path: z.string().describe('Attribute path, e.g. `tags.env` or `policy.Statement[0].Action`.'),
    declared: jsonValue.describe('The declared value; `null` when absent. Secrets read "(sensitive)".'),
    live: jsonValue.describe('The live value; `null` when absent. Secrets read "(sensitive)".'),
  })
  .meta({ id: 'AttributeChange' });

export const driftKindSchema = z.enum(['changed', 'missing', 'unmanaged']);

export const findingStatusSchema = z
  .enum(['new', 'unchanged'])
  .describe('Against the --baseline report: new since it, or already in it.');

export const driftEntrySchema = z
  .object({
    kind: driftKindSchema,
    key: z.string(),
    type: z.string(),
    id: z.string(),
    provider: z.string(),
    account: z
      .string()
      .optional()
      .describe('The cloud account, when known; it tells apart resources that share a key.'),
    address: z.string().optional().describe('The Terraform address of the declared resource.'),
    parts: z
      .array(z.string())
      .optional()
      .describe(
        'The Terraform addresses of the sub-resources folded into the declared resource (its `aws_s3_bucket_versioning`, ...): where its folded attributes are declared, and what `driftwarden fix` targets for them.',
      ),
    location: locationSchema
      .optional()
      .describe('Where the declared (or, for unmanaged, live) resource was read.'),
    changes: z.array(attributeChangeSchema),
    status: findingStatusSchema.optional(),
    changedBy: changedBySchema
      .optional()
      .describe('Who made the change, or why it is not known (attribution).'),
    history: findingHistorySchema.optional(),
  })
  .meta({ id: 'DriftEntry' });

export const severitySchema = z.enum(SEVERITIES);

export const violationSchema = z
  .object({
    ruleId: z.string(),
    title: z.string(),
    severity: severitySchema,
    category: z.enum(['iam', 'encryption', 'network', 'secrets']),
    key: z.string(),
    type: z.string(),
    id: z.string(),
    origin: z.enum(['declared', 'live']),
    account: z.string().optional(),
    message: z.string(),
    path: z.string().optional().describe('The attribute path of the cause, e.g. `policy.Statement[0]`.'),
    location: locationSchema
      .optional()
      .describe(
        'Where the resource is declared (file and line) and, for a live resource, where it was read (uri).',
      ),
    address: z
      .string()
      .optional()
      .describe('The Terraform address, for declared resources from state or plans.'),
    status: findingStatusSchema.optional(),
    history: findingHistorySchema.optional(),
  })
  .meta({ id: 'Violation' });

export const waivedViolationSchema = violationSchema
  .extend({
    waiver: z.object({
      reason: z.string(),
      source: z.string().describe('`config waivers[N]`, or the `file:line` of an inline comment.'),
      expires: z.string().optional(),
      equivalent: z
        .string()
        .optional()
        .describe('The Checkov or Trivy check id of the inline comment (`checkov:skip=`, `trivy:ignore:`).'),
    }),
  })
  .meta({ id: 'WaivedViolation' });

const severityCounts = z.object({
  critical: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
});

export const summarySchema = z
  .object({
    declared: z.number().int().nonnegative(),
    live: z.number().int().nonnegative(),
    managed: z.number().int().nonnegative().describe('Live resources that are declared.'),
    unmanaged: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    notCompared: z
      .number()
      .int()
      .nonnegative()
      .describe('Declared resources of a type no live source covers, or that have no cloud id.'),
    ignored: z.number().int().nonnegative().describe('Resources skipped because of ignore rules.'),
    unknown: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'Live resources not classified: a declared source failed, so whether they are declared is not known (never counted as unmanaged).',
      ),
    waived: z.number().int().nonnegative().describe('Violations covered by a waiver; listed in `waived`.'),
    coverage: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('managed / live; 1 when the live side is empty; null when no live source was read.'),
    violations: severityCounts,
    attribution: attributionSummarySchema
      .optional()
      .describe(
        'Present when who-changed-it look-ups ran (`--attribution`): what they spent and left unknown.',
      ),
  })
  .meta({ id: 'Summary' });

export const reportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('driftwarden'), version: z.string() }),
    scan: z.object({
      startedAt: z.string().describe('ISO 8601 timestamp.'),
      durationMs: z.number().nonnegative(),
      complete: z.boolean().describe('False when any source failed: the results are partial.'),
      sources: z.array(sourceStatusSchema),
      diagnostics: z.array(diagnosticSchema),
      policies: z
        .object({
          rules: z.number().int().nonnegative().describe('Rules evaluated.'),
          failed: z
            .array(z.object({ ruleId: z.string(), error: z.string() }))
            .describe('Rules that could not run.'),
        })
        .optional()
        .describe('Absent when no policies ran.'),
    }),
    summary: summarySchema,
    drift: z.array(driftEntrySchema),
    violations: z.array(violationSchema),
    waived: z
      .array(waivedViolationSchema)
      .describe('Violations a waiver covers: counted, listed, never dropped.'),
    baseline: z
      .object({
        source: z.string().describe('The baseline report file.'),
        new: z.number().int().nonnegative(),
        unchanged: z.number().int().nonnegative(),
        resolved: z
          .object({ drift: z.array(driftEntrySchema), violations: z.array(violationSchema) })
          .describe('In the baseline, gone now.'),
      })
      .optional()
      .describe('Present with --baseline.'),
    history: reportHistorySchema.optional().describe('Present with --history: the store and the trend.'),
  })
  .meta({ id: 'Report', title: 'driftwarden report', description: 'The output of `driftwarden scan`.' });

export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type Location = z.infer<typeof locationSchema>;
export type SourceStatus = z.infer<typeof sourceStatusSchema>;
export type AttributeChange = z.infer<typeof attributeChangeSchema>;
export type DriftKind = z.infer<typeof driftKindSchema>;
export type DriftEntry = z.infer<typeof driftEntrySchema>;
export type Violation = z.infer<typeof violationSchema>;
export type WaivedViolation = z.infer<typeof waivedViolationSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type Report = z.infer<typeof reportSchema>;
