import { z } from 'zod';
import { usageError } from '../../src/errors.js';

export const CONNECTOR_ID = 'aws-config';

// The schemas below are built on first use (z.lazy): every scan loads every connector, and uses few.
/**
 * The spec after `--live aws-config`: empty for the account and region of the credential chain, or `;`-separated
 * options:
 *   aggregator=<name>                scan a whole organisation through an AWS Config aggregator
 *   regions=<region>,<region>        several regions (without an aggregator: one source per region)
 *   types=<tf type>,<tf type>        compare only these canonical types
 *   region=<region>                  one region
 */
const optionsSchema = z.lazy(() =>
  z
    .object({
      aggregator: z.string().min(1).optional(),
      regions: z
        .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be AWS region names such as eu-west-1'))
        .optional(),
      types: z
        .array(z.string().regex(/^aws_[a-z0-9_]+$/, 'must be Terraform type names such as aws_s3_bucket'))
        .optional(),
    })
    .strict(),
);

export type AwsConfigOptions = z.infer<typeof optionsSchema>;

export function parseOptions(spec: string): AwsConfigOptions {
  const raw: Record<string, unknown> = {};
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw usageError(
        `--live aws-config:${spec}: expected key=value options, e.g. aws-config:regions=eu-west-1,us-east-1`,
      );
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 'region' || key === 'regions')
      raw.regions = [
        ...((raw.regions as string[]) ?? []),
        ...value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ];
    else if (key === 'types')
      raw.types = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    else raw[key] = value;
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(
      `--live aws-config:${spec}: ${issue?.path.join('.') || 'option'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

// What AWS Config returns. Lenient: every field optional, unknown fields kept, nulls read as absent. A payload of
// the wrong shape is a per-resource diagnostic naming the resource and the field, never a crash or a silent guess.

const text = z.string().nullish();

/** A configuration item as BatchGet(Aggregate)ResourceConfig returns it: the envelope that identifies it. */
export const configItemSchema = z.lazy(() =>
  z
    .object({
      resourceType: z.string(),
      resourceId: z.string(),
      resourceName: text,
      arn: text,
      accountId: text,
      awsRegion: text,
      configuration: text,
      supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
      tags: z.record(z.string(), z.string()).nullish(),
    })
    .passthrough(),
);

export type ConfigItemEnvelope = z.infer<typeof configItemSchema>;

/** One row of `SELECT resourceId, tags WHERE resourceType = ...`, itself a JSON string. */
export const tagRowSchema = z.lazy(() =>
  z
    .object({
      resourceId: z.string(),
      tags: z.array(z.object({ key: z.string(), value: z.string().nullish() }).passthrough()).nullish(),
    })
    .passthrough(),
);

/** A field that failed its schema: where, and the sentence that says what was wrong. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export function fieldIssues(schema: z.ZodType, value: unknown): FieldIssue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: describeIssue(issue, valueAt(value, issue.path)),
  }));
}

function describeIssue(issue: z.core.$ZodIssue, actual: unknown): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${kindOf(actual)}`;
  return issue.message;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
