import { z } from 'zod';

/**
 * What the history store (`--history`, src/history/) knows of a finding and of the scans before this one. Times are
 * ISO 8601; a finding's age is `scan.startedAt - firstSeen`, computed from the report, never from the clock.
 */
export const findingHistorySchema = z
  .object({
    firstSeen: z
      .string()
      .describe('When a recorded scan first saw the finding (since it was last resolved).'),
    lastSeen: z.string().describe('The latest recorded scan that saw it: this one.'),
  })
  .meta({ id: 'FindingHistory' })
  .describe('Present with --history: when a recorded scan first and last saw the finding.');

export const trendPointSchema = z
  .object({
    startedAt: z.string(),
    complete: z.boolean(),
    drift: z.number().int().nonnegative(),
    violations: z.number().int().nonnegative(),
    coverage: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'TrendPoint' });

export const reportHistorySchema = z
  .object({
    store: z.string().describe('The store, as `sqlite:<path>` or a postgres URL without its password.'),
    scope: z.string().describe('The scope the scan was recorded in: findings resolve only within it.'),
    scanId: z.number().int().positive(),
    resolved: z
      .number()
      .int()
      .nonnegative()
      .describe('Findings this scan resolved (none when the scan is incomplete).'),
    trend: z.array(trendPointSchema).describe("The scope's recorded scans, oldest first, this one last."),
  })
  .meta({ id: 'ReportHistory' });

export type FindingHistory = z.infer<typeof findingHistorySchema>;
export type TrendPoint = z.infer<typeof trendPointSchema>;
export type ReportHistory = z.infer<typeof reportHistorySchema>;
