import { z } from 'zod';
import {
  type AttributionTarget,
  type Attributor,
  budgetSpent,
  type CallBudget,
  eventText,
} from '../../src/connector/attribution.js';
import type { ChangedBy } from '../../src/model/attribution.js';
import { AwsConfigError } from './client.js';
import { type CloudTrailApi, LOOKUP_PAGE, type TrailEvent } from './cloudtrail-client.js';

/**
 * Who changed an AWS resource, from CloudTrail's event history (management events of the last 90 days, kept by
 * every account without a trail): the newest write event that names the resource, looked up by its name or id.
 * The record's `userIdentity.arn` is the actor, `sourceIPAddress` the caller's address.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * AWS Config's `relatedEvents` would name the events behind a configuration item, but "as of Version 1.3, the
 * relatedEvents field is empty" (API_ConfigurationItem), and every item recorded today is 1.3: the look-up by
 * resource is the one that answers.
 */
const recordSchema = z.looseObject({
  userIdentity: z
    .looseObject({
      arn: z.string().optional(),
      invokedBy: z.string().optional(),
      type: z.string().optional(),
    })
    .optional(),
  sourceIPAddress: z.string().optional(),
  readOnly: z.boolean().optional(),
});

export function cloudTrailAttributor(api: CloudTrailApi, account: string | undefined): Attributor {
  let denied: string | undefined;
  return {
    provider: 'aws',
    location: `cloudtrail ${api.region}`,
    stats: () => api.stats(),
    accepts(target) {
      if (account && target.account && target.account !== account) return false;
      const region = target.arn?.split(':')[3];
      return !region || region === api.region;
    },
    async attribute(target, budget) {
      if (denied) return { status: 'unknown', reason: 'denied', detail: denied };
      return lookUp(api, target, budget, (message) => {
        denied = message;
      });
    },
  };
}

async function lookUp(
  api: CloudTrailApi,
  target: AttributionTarget,
  budget: CallBudget,
  deny: (message: string) => void,
): Promise<ChangedBy> {
  if (!budget.take()) return budgetSpent(budget.limit);
  const name = target.id;
  let events: TrailEvent[];
  try {
    events = await api.lookup('ResourceName', name);
  } catch (error) {
    if (!(error instanceof AwsConfigError)) throw error;
    if (error.kind === 'access-denied') {
      const detail = `CloudTrail LookupEvents in ${api.region} was denied (cloudtrail:LookupEvents)`;
      deny(detail);
      return { status: 'unknown', reason: 'denied', detail };
    }
    return { status: 'unknown', reason: 'failed', detail: eventText(error.message) };
  }
  const write = newestWrite(events);
  if (!write) {
    return {
      status: 'unknown',
      reason: 'not-found',
      detail: eventText(
        `no write event naming ${name} in the CloudTrail event history of ${api.region} (the last 90 days; ${events.length} event${events.length === 1 ? '' : 's'} read, at most ${LOOKUP_PAGE})`,
      ),
    };
  }
  return found(write.event, write.record);
}

function newestWrite(
  events: readonly TrailEvent[],
): { event: TrailEvent; record: z.infer<typeof recordSchema> } | undefined {
  const sorted = [...events].sort((a, b) => (b.eventTime?.getTime() ?? 0) - (a.eventTime?.getTime() ?? 0));
  for (const event of sorted) {
    const record = parseRecord(event.cloudTrailEvent);
    const readOnly = event.readOnly === undefined ? record.readOnly : event.readOnly === 'true';
    if (readOnly === false && event.eventName && event.eventTime) return { event, record };
  }
  return undefined;
}

function parseRecord(text: string | undefined): z.infer<typeof recordSchema> {
  if (!text) return {};
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function found(event: TrailEvent, record: z.infer<typeof recordSchema>): ChangedBy {
  const identity = record.userIdentity;
  const actor = identity?.arn ?? event.username ?? identity?.invokedBy ?? identity?.type ?? 'not recorded';
  return {
    status: 'found',
    actor: eventText(actor),
    action: eventText(event.eventName ?? ''),
    time: (event.eventTime ?? new Date(0)).toISOString(),
    ...(record.sourceIPAddress ? { sourceIp: eventText(record.sourceIPAddress) } : {}),
    via: 'cloudtrail',
    ...(event.eventId ? { eventId: eventText(event.eventId) } : {}),
  };
}
