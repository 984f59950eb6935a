import { z } from 'zod';
import { usageError } from '../../src/errors.js';

/**
 * The spec after `--live aws-config`: empty for the account and region of the credential chain, or `;`-separated
 * options:
 *   aggregator=<name>                scan a whole organisation through an AWS Config aggregator
 *   regions=<region>,<region>        several regions (without an aggregator: one source per region)
 *   types=<tf type>,<tf type>        compare only these canonical types
 *   region=<region>                  one region
 */
const optionsSchema = z
  .object({
    aggregator: z.string().min(1).optional(),
    regions: z
      .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be AWS region names such as eu-west-1'))
      .optional(),
    types: z
      .array(z.string().regex(/^aws_[a-z0-9_]+$/, 'must be Terraform type names such as aws_s3_bucket'))
      .optional(),
  })
  .strict();

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
