/**
 * CloudTrail's LookupEvents for the AWS suites, which moto 5.2 does not implement (its CloudTrail has trails,
 * selectors and tags, no event history): the suite's proxy answers it from events a test records. The wire shape is
 * the API's, JSON 1.1 (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html and
 * API_Event.html): EventTime in epoch seconds, ReadOnly a string, CloudTrailEvent the record as a JSON string
 * (userIdentity, sourceIPAddress, readOnly: cloudtrail-event-reference-record-contents.html), newest first.
 */
export interface RecordedEvent {
  eventId: string;
  eventName: string;
  /** ISO time. */
  time: string;
  /** The names a ResourceName look-up matches (the event's Resources). */
  resources: string[];
  readOnly?: boolean;
  arn?: string;
  username?: string;
  sourceIp?: string;
}

interface LookupRequest {
  LookupAttributes?: { AttributeKey?: string; AttributeValue?: string }[];
  MaxResults?: number;
}

export class FakeCloudTrail {
  readonly events: RecordedEvent[] = [];
  /** Each look-up asked, `ResourceName=acme-data`. */
  readonly lookups: string[] = [];

  record(event: RecordedEvent): void {
    this.events.push(event);
  }

  clear(): void {
    this.events.length = 0;
    this.lookups.length = 0;
  }

  answer(body: string): unknown {
    const request = JSON.parse(body) as LookupRequest;
    const [attribute] = request.LookupAttributes ?? [];
    const key = attribute?.AttributeKey ?? '';
    const value = attribute?.AttributeValue ?? '';
    this.lookups.push(`${key}=${value}`);
    const matching = this.events
      .filter((event) =>
        key === 'EventId'
          ? event.eventId === value
          : key === 'ResourceName'
            ? event.resources.includes(value)
            : false,
      )
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
      .slice(0, Math.min(request.MaxResults ?? 50, 50));
    return { Events: matching.map(wireEvent) };
  }
}

function wireEvent(event: RecordedEvent): Record<string, unknown> {
  const readOnly = event.readOnly ?? false;
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(readOnly),
    EventTime: Date.parse(event.time) / 1000,
    EventSource: 's3.amazonaws.com',
    ...(event.username ? { Username: event.username } : {}),
    Resources: event.resources.map((name) => ({ ResourceName: name })),
    CloudTrailEvent: JSON.stringify({
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', ...(event.arn ? { arn: event.arn } : {}) },
      eventTime: event.time,
      eventName: event.eventName,
      ...(event.sourceIp ? { sourceIPAddress: event.sourceIp } : {}),
      readOnly,
      eventID: event.eventId,
    }),
  };
}
