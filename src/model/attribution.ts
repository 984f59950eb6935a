import { z } from 'zod';

/**
 * Who made a drift entry's change, as the cloud's own change record tells it (AWS CloudTrail, found through AWS
 * Config's `relatedEvents` or looked up by resource name; the Azure Activity Log), or why that is not known. It is
 * never a guess: an event that cannot be read, or is not there, is `unknown` with its reason.
 */
export const ATTRIBUTION_SOURCES = ['aws-config', 'cloudtrail', 'azure-activity-log'] as const;

export const UNKNOWN_ATTRIBUTION_REASONS = [
  'not-found',
  'denied',
  'budget',
  'failed',
  'not-supported',
] as const;

export const attributionFoundSchema = z.object({
  status: z.literal('found'),
  actor: z
    .string()
    .describe(
      'Who: the IAM ARN of the caller (CloudTrail `userIdentity.arn`), or the Activity Log `caller` (a user principal name or an application id).',
    ),
  action: z
    .string()
    .describe(
      'What: the CloudTrail event name (`ModifyInstanceAttribute`) or the Azure operation (`Microsoft.Storage/storageAccounts/write`).',
    ),
  time: z.string().describe('When, ISO 8601 UTC.'),
  sourceIp: z.string().optional().describe('The caller address the cloud recorded, when it did.'),
  via: z.enum(ATTRIBUTION_SOURCES).describe('Where the event was found.'),
  eventId: z.string().optional().describe('The CloudTrail event id or the Activity Log event data id.'),
});

export const attributionUnknownSchema = z.object({
  status: z.literal('unknown'),
  reason: z
    .enum(UNKNOWN_ATTRIBUTION_REASONS)
    .describe(
      '`not-found`: no change event was recorded (or kept); `denied`: the look-up was refused; `budget`: the scan reached its limit of look-up calls; `failed`: the look-up failed after retries; `not-supported`: no live source of this provider can look it up. Absent when look-ups are off.',
    ),
  detail: z.string().describe('One line: what was looked up where, and what came back.'),
});

export const changedBySchema = z
  .discriminatedUnion('status', [attributionFoundSchema, attributionUnknownSchema])
  .meta({ id: 'ChangedBy' });

export type ChangedBy = z.infer<typeof changedBySchema>;
export type AttributionFound = z.infer<typeof attributionFoundSchema>;
export type AttributionUnknown = z.infer<typeof attributionUnknownSchema>;
export type UnknownAttributionReason = AttributionUnknown['reason'];

const count = z.number().int().nonnegative();

/**
 * What the who-changed-it look-ups of one scan spent and found: shown beside the counts in every format, so that a
 * reader sees how much is unknown and why without reading the diagnostics.
 */
export const attributionSummarySchema = z
  .object({
    calls: count.describe('API calls the look-ups made.'),
    limit: count.describe('The most calls they could make (`--attribution <max-calls>`).'),
    entries: count.describe('Drift entries looked up.'),
    found: count.describe('Entries whose change event was found.'),
    unknown: z
      .object({
        'not-found': count,
        denied: count,
        budget: count,
        failed: count,
        'not-supported': count,
      } satisfies Record<(typeof UNKNOWN_ATTRIBUTION_REASONS)[number], typeof count>)
      .describe('Entries left unknown, by reason (as `changedBy.reason`).'),
  })
  .meta({ id: 'AttributionSummary' });

export type AttributionSummary = z.infer<typeof attributionSummarySchema>;
