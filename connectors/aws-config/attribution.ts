import { z } from 'zod';
import {
  type AttributionTarget,
  type Attributor,
  budgetSpent,
  type CallBudget,
  eventText,
} from '../../src/connector/attribution.js';
import type { AttributionFound, ChangedBy } from '../../src/model/attribution.js';
import { AwsConfigError, type ConfigHistoryApi } from './client.js';
import { type CloudTrailApi, LOOKUP_PAGE, type TrailEvent } from './cloudtrail-client.js';
import { type OlderItems, olderItemKey } from './read.js';

// The schema below is built on first use (z.lazy): every scan loads every connector, and uses few.
/**
 * Who changed an AWS resource, from CloudTrail's event history (management events of the last 90 days, kept by
 * every account without a trail): the newest write event that names the resource, looked up by its name or id.
 * The record's `userIdentity.arn` is the actor, `sourceIPAddress` the caller's address.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * AWS Config's `relatedEvents` name the CloudTrail events behind a configuration item, but only in a resource's
 * history (GetResourceConfigHistory: batch items leave the field out), and "as of Version 1.3, the relatedEvents
 * field is empty" (API_ConfigurationItem). So the history is asked only for resources whose item is older than
 * 1.3, and the newest related event is then looked up by id (via `aws-config`); otherwise, and when it is gone,
 * the look-up by resource answers.
 */
const recordSchema = z.lazy(() =>
  z.looseObject({
    userIdentity: z
      .looseObject({
        arn: z.string().optional(),
        invokedBy: z.string().optional(),
        type: z.string().optional(),
      })
      .optional(),
    sourceIPAddress: z.string().optional(),
    readOnly: z.boolean().optional(),
  }),
);

export function cloudTrailAttributor(
  api: CloudTrailApi,
  account: string | undefined,
  history?: { api: ConfigHistoryApi; olderItems: OlderItems },
): Attributor {
  let denied: string | undefined;
  return {
    provider: 'aws',
    location: `cloudtrail ${api.region}`,
    accepts(target) {
      if (account && target.account && target.account !== account) return false;
      const region = target.arn?.split(':')[3];
      return !region || region === api.region;
    },
    async attribute(target, budget) {
      if (denied) return { status: 'unknown', reason: 'denied', detail: denied };
      const deny = (message: string) => {
        denied = message;
      };
      const older = history?.olderItems.get(olderItemKey(target.key, target.account ?? account));
      const byId = older && history ? await relatedEvent(history.api, older, api, budget, deny) : undefined;
      return byId ?? lookUp(api, target, budget, deny);
    },
  };
}

/**
 * The newest event of the item's `relatedEvents`, by id; undefined when there are none, the history cannot be
 * read, or CloudTrail no longer has the event (the by-name look-up follows).
 */
async function relatedEvent(
  history: ConfigHistoryApi,
  item: { resourceType: string; resourceId: string },
  api: CloudTrailApi,
  budget: CallBudget,
  deny: (message: string) => void,
): Promise<ChangedBy | undefined> {
  if (!budget.take()) return budgetSpent(budget.limit);
  let ids: string[];
  try {
    ids = await history.latestRelatedEvents(item.resourceType, item.resourceId);
  } catch (error) {
    if (!(error instanceof AwsConfigError)) throw error;
    return undefined;
  }
  const id = ids[ids.length - 1];
  if (id === undefined) return undefined;
  const answer = await call(api, 'EventId', id, budget, deny);
  if (!Array.isArray(answer)) return answer;
  const event = answer.find((e) => e.eventId === id && e.eventName && e.eventTime);
  return event ? found(event, parseRecord(event.cloudTrailEvent), 'aws-config') : undefined;
}

/** One LookupEvents call within the budget: its events, or the unknown answer it ends in. */
async function call(
  api: CloudTrailApi,
  attribute: 'ResourceName' | 'EventId',
  value: string,
  budget: CallBudget,
  deny: (message: string) => void,
): Promise<TrailEvent[] | ChangedBy> {
  if (!budget.take()) return budgetSpent(budget.limit);
  try {
    return await api.lookup(attribute, value);
  } catch (error) {
    if (!(error instanceof AwsConfigError)) throw error;
    if (error.kind === 'access-denied') {
      const detail = `CloudTrail LookupEvents in ${api.region} was denied (cloudtrail:LookupEvents)`;
      deny(detail);
      return { status: 'unknown', reason: 'denied', detail };
    }
    return { status: 'unknown', reason: 'failed', detail: eventText(error.message) };
  }
}

async function lookUp(
  api: CloudTrailApi,
  target: AttributionTarget,
  budget: CallBudget,
  deny: (message: string) => void,
): Promise<ChangedBy> {
  const name = target.id;
  const events = await call(api, 'ResourceName', name, budget, deny);
  if (!Array.isArray(events)) return events;
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

function found(
  event: TrailEvent,
  record: z.infer<typeof recordSchema>,
  via: AttributionFound['via'] = 'cloudtrail',
): AttributionFound {
  const identity = record.userIdentity;
  const actor = identity?.arn ?? event.username ?? identity?.invokedBy ?? identity?.type ?? 'not recorded';
  return {
    status: 'found',
    actor: eventText(actor),
    action: eventText(event.eventName ?? ''),
    time: (event.eventTime ?? new Date(0)).toISOString(),
    ...(record.sourceIPAddress ? { sourceIp: eventText(record.sourceIPAddress) } : {}),
    via,
    ...(event.eventId ? { eventId: eventText(event.eventId) } : {}),
  };
}
