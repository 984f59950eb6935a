import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { DriftwardenError } from '../errors.js';
import { describeZodError } from '../util/zod-issue.js';

/** A commit id as GitHub sends it (SHA-1, or SHA-256 for repositories that use it): never an option for git. */
const sha = z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'a 40- or 64-character hex commit id');

const pullRequestEventSchema = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    base: z.object({ sha }),
    head: z.object({
      sha,
      repo: z
        .object({ full_name: z.string().max(300).optional() })
        .nullable()
        .optional(),
    }),
  }),
  repository: z.object({ full_name: z.string().max(300).optional() }).optional(),
});

export type PullRequestEvent = z.infer<typeof pullRequestEventSchema>;

/** GitHub's webhook payloads are at most 25 MB. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The event payload the runner wrote. On a pull request the Action needs its number and its base and head commits,
 * and checks them strictly: they become git arguments. Other events need nothing from it.
 */
export function readPullRequestEvent(path: string | undefined): PullRequestEvent {
  if (!path)
    throw new DriftwardenError('input', 'GITHUB_EVENT_PATH is not set: no pull request event to read');
  let raw: unknown;
  try {
    if (statSync(path).size > MAX_EVENT_BYTES)
      throw new DriftwardenError('input', `larger than ${MAX_EVENT_BYTES} bytes`, {
        location: 'the event payload',
      });
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof DriftwardenError) throw error;
    throw new DriftwardenError('input', 'not readable JSON', { location: 'the event payload' });
  }
  const parsed = pullRequestEventSchema.safeParse(raw);
  if (!parsed.success)
    throw new DriftwardenError('input', `not a pull request event: ${describeZodError(parsed.error)}`, {
      location: 'the event payload',
    });
  return parsed.data;
}
