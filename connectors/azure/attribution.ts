import { z } from 'zod';
import {
  type AttributionTarget,
  type Attributor,
  budgetSpent,
  type CallBudget,
  eventText,
} from '../../src/connector/attribution.js';
import type { ChangedBy } from '../../src/model/attribution.js';
import { type ActivityLogApi, ArmError } from './client.js';

/**
 * Who changed an Azure resource, from the Activity Log (kept 90 days): the newest succeeded write or delete of the
 * resource, its `caller` (a user principal name, or the object id of a service principal), `operationName` and
 * `eventTimestamp`, and `httpRequest.clientIpAddress` where Azure recorded it. One look-up reads at most
 * MAX_PAGES pages, each counted against the scan's call budget.
 * https://learn.microsoft.com/en-us/rest/api/monitor/activitylogs/list,
 * https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log-schema
 */
const RETENTION_DAYS = 90;
const MAX_PAGES = 3;

// The schema below is built on first use (z.lazy): every scan loads every connector, and uses few.
const eventSchema = z.lazy(() =>
  z.looseObject({
    caller: z.string().nullish(),
    eventDataId: z.string().nullish(),
    eventTimestamp: z.string().nullish(),
    operationName: z.looseObject({ value: z.string().nullish() }).nullish(),
    status: z.looseObject({ value: z.string().nullish() }).nullish(),
    httpRequest: z.looseObject({ clientIpAddress: z.string().nullish() }).nullish(),
  }),
);
type ActivityEvent = z.infer<typeof eventSchema>;

/** `subscriptions`: the ones the source reads; `*` for a management group, whose subscriptions are not listed. */
export function activityLogAttributor(
  api: ActivityLogApi,
  subscriptions: readonly string[] | '*',
  now: () => Date,
): Attributor {
  const denied = new Map<string, string>();
  return {
    provider: 'azurerm',
    location: `activity log of ${subscriptions === '*' ? 'the management group' : subscriptions.map((s) => `/subscriptions/${s}`).join(', ')}`,
    accepts(target) {
      const subscription = subscriptionOf(target.id);
      if (subscription === undefined) return false;
      return subscriptions === '*' || subscriptions.some((s) => s.toLowerCase() === subscription);
    },
    async attribute(target, budget) {
      const subscription = subscriptionOf(target.id) ?? '';
      const refused = denied.get(subscription);
      if (refused) return { status: 'unknown', reason: 'denied', detail: refused };
      return lookUp(api, target, subscription, now(), budget, (detail) => {
        denied.set(subscription, detail);
      });
    },
  };
}

async function lookUp(
  api: ActivityLogApi,
  target: AttributionTarget,
  subscription: string,
  now: Date,
  budget: CallBudget,
  deny: (detail: string) => void,
): Promise<ChangedBy> {
  const from = new Date(now.getTime() - RETENTION_DAYS * 86_400_000).toISOString();
  // A few azurerm ids append their scope (`<role definition id>|<scope>`): the Activity Log knows the ARM id.
  const resourceUri = target.id.split('|')[0] ?? target.id;
  const filter = `eventTimestamp ge '${from}' and eventTimestamp le '${now.toISOString()}' and resourceUri eq '${resourceUri.replaceAll("'", "''")}'`;
  let nextLink: string | undefined;
  let read = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (!budget.take()) return read === 0 ? budgetSpent(budget.limit) : notFound(target, read, true);
    let answer: { events: unknown[]; nextLink?: string };
    try {
      answer = await api.activityLogPage(subscription, filter, nextLink);
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      if (error.kind === 'access-denied') {
        const detail = `reading the Activity Log of /subscriptions/${subscription} was denied (Microsoft.Insights/eventtypes/values/read)`;
        deny(detail);
        return { status: 'unknown', reason: 'denied', detail };
      }
      return { status: 'unknown', reason: 'failed', detail: eventText(error.message) };
    }
    read += answer.events.length;
    const write = newestChange(answer.events);
    if (write) return found(write);
    nextLink = answer.nextLink;
    if (!nextLink) break;
  }
  return notFound(target, read, nextLink !== undefined);
}

function notFound(target: AttributionTarget, read: number, more: boolean): ChangedBy {
  return {
    status: 'unknown',
    reason: 'not-found',
    detail: eventText(
      `no succeeded write or delete of ${target.id} in the Activity Log of the last ${RETENTION_DAYS} days (${read} event${read === 1 ? '' : 's'} read${more ? `, ${MAX_PAGES} pages at most` : ''})`,
    ),
  };
}

function newestChange(events: readonly unknown[]): ActivityEvent | undefined {
  const changes = events.flatMap((raw) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) return [];
    const event = parsed.data;
    const operation = event.operationName?.value ?? '';
    const succeeded = event.status?.value?.toLowerCase() === 'succeeded';
    const time = Date.parse(event.eventTimestamp ?? '');
    return succeeded && /\/(write|delete)$/i.test(operation) && !Number.isNaN(time) ? [{ event, time }] : [];
  });
  changes.sort((a, b) => b.time - a.time);
  return changes[0]?.event;
}

function found(event: ActivityEvent): ChangedBy {
  const ip = event.httpRequest?.clientIpAddress;
  return {
    status: 'found',
    actor: eventText(event.caller || 'not recorded'),
    action: eventText(event.operationName?.value ?? ''),
    time: new Date(Date.parse(event.eventTimestamp ?? '')).toISOString(),
    ...(ip ? { sourceIp: eventText(ip) } : {}),
    via: 'azure-activity-log',
    ...(event.eventDataId ? { eventId: eventText(event.eventDataId) } : {}),
  };
}

/** The subscription of an ARM id, lower-cased; undefined for an id that is not one. */
function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase();
}
