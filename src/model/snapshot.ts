import { z } from 'zod';
import { parsedJsonValue } from './value-schema.js';

/**
 * The snapshot format: canonical live resources in one JSON file. It is the offline replay source for tests,
 * demos and air-gapped scans, and live connectors record into it (`driftwarden snapshot`).
 */
export const SNAPSHOT_VERSION = 1;

export const snapshotResourceSchema = z
  .object({
    type: z
      .string()
      .regex(/^[a-z][a-z0-9]*_[a-z0-9_]+$/, 'must be a Terraform resource type such as aws_s3_bucket')
      .describe('The canonical Terraform type.'),
    id: z.string().min(1).describe("The cloud id, equal to the type's Terraform import id."),
    provider: z.string().optional().describe('Defaults to the prefix of `type`.'),
    account: z.string().optional().describe('The cloud account the resource lives in, when known.'),
    // Shallow on purpose: the values come from JSON.parse, so they are JSON already.
    attributes: z
      .record(z.string(), parsedJsonValue)
      .describe(
        'Terraform-vocabulary attributes. `{"__unknown": true}` marks a value the source does not know.',
      ),
    sensitivePaths: z.array(z.string()).optional().describe('Attribute paths whose values are secrets.'),
    location: z.string().optional().describe('Where the source found it, e.g. an ARN or a region.'),
  })
  .strict()
  .meta({ id: 'SnapshotResource' });

export const snapshotSchema = z
  .object({
    snapshotVersion: z.literal(SNAPSHOT_VERSION),
    recordedAt: z.string().optional().describe('ISO 8601 timestamp of the recording.'),
    source: z
      .object({
        connector: z.string().describe('The connector that recorded it, e.g. `aws-config`.'),
        location: z.string().describe('What was read: an account and region, a subscription, ...'),
      })
      .optional(),
    coveredTypes: z
      .array(z.string())
      .describe(
        'The canonical types the recording covers. A declared resource of another type is "not compared", ' +
          'never "missing"; `["*"]` claims every type.',
      ),
    resources: z.array(snapshotResourceSchema),
  })
  .strict()
  .meta({ id: 'Snapshot', title: 'driftwarden live snapshot' });

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotResource = z.infer<typeof snapshotResourceSchema>;
