import { awsClientSettings, awsRegion } from '../../src/connector/aws-settings.js';
import { wrap } from './client.js';

/**
 * CloudTrail's event history through the AWS SDK, for attribution: `LookupEvents` with one lookup attribute, one
 * page of at most 50 events (the API's maximum), newest first. Same credentials, endpoint settings
 * (`AWS_ENDPOINT_URL_CLOUDTRAIL` or `AWS_ENDPOINT_URL`) and adaptive retries as the AWS Config client: CloudTrail
 * allows LookupEvents 2 requests per second per account and region, and a throttled call is retried with backoff.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
export interface TrailEvent {
  eventId?: string;
  eventName?: string;
  eventTime?: Date;
  /** `true` for a read event, `false` for a write (API_Event.ReadOnly, a string). */
  readOnly?: string;
  username?: string;
  /** The whole event record as a JSON string (userIdentity, sourceIPAddress, ...). */
  cloudTrailEvent?: string;
}

export interface CloudTrailApi {
  readonly region: string;
  lookup(attribute: 'ResourceName' | 'EventId', value: string): Promise<TrailEvent[]>;
}

export const LOOKUP_PAGE = 50;

export async function createCloudTrailApi(
  region: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<CloudTrailApi> {
  const { CloudTrailClient, LookupEventsCommand } = await import('@aws-sdk/client-cloudtrail');
  const resolvedRegion = region ?? awsRegion(env);
  const client = new CloudTrailClient({
    ...(resolvedRegion ? { region: resolvedRegion } : {}),
    ...awsClientSettings(env, 'CLOUDTRAIL'),
    retryMode: 'adaptive',
    maxAttempts: Number(env.DRIFTWARDEN_AWS_MAX_ATTEMPTS ?? 8),
  });
  return {
    region: resolvedRegion ?? '(default region)',
    async lookup(attribute, value) {
      try {
        const out = await client.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: attribute, AttributeValue: value }],
            MaxResults: LOOKUP_PAGE,
          }),
        );
        return (out.Events ?? []).map((event) => ({
          ...(event.EventId ? { eventId: event.EventId } : {}),
          ...(event.EventName ? { eventName: event.EventName } : {}),
          ...(event.EventTime instanceof Date ? { eventTime: event.EventTime } : {}),
          ...(event.ReadOnly ? { readOnly: event.ReadOnly } : {}),
          ...(event.Username ? { username: event.Username } : {}),
          ...(event.CloudTrailEvent ? { cloudTrailEvent: event.CloudTrailEvent } : {}),
        }));
      } catch (error) {
        throw wrap(`LookupEvents ${attribute}=${value}`, error);
      }
    },
  };
}

/** A client made on the first look-up: a scan with attribution off, or without drift, never loads the SDK. */
export function lazyCloudTrailApi(
  region: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CloudTrailApi {
  let api: Promise<CloudTrailApi> | undefined;
  return {
    region: region ?? awsRegion(env) ?? '(default region)',
    async lookup(attribute, value) {
      api ??= createCloudTrailApi(region, env);
      return (await api).lookup(attribute, value);
    },
  };
}
