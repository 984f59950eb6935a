import { describe, expect, it } from 'vitest';
import { cloudTrailAttributor } from '../../connectors/aws-config/attribution.js';
import type { CloudTrailApi, TrailEvent } from '../../connectors/aws-config/cloudtrail-client.js';
import type { AttributionTarget, CallBudget } from '../../src/connector/attribution.js';

function api(events: TrailEvent[], region = 'eu-west-1'): CloudTrailApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    region,
    asked,
    async lookup(attribute, value) {
      asked.push(`${attribute}=${value}`);
      return events;
    },
  };
}

function budget(limit = 10): CallBudget {
  let used = 0;
  return { limit, take: () => used++ < limit };
}

const BUCKET: AttributionTarget = {
  kind: 'changed',
  key: 'aws_s3_bucket.logs',
  type: 'aws_s3_bucket',
  id: 'logs',
  provider: 'aws',
  account: '111111111111',
};

const record = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('the CloudTrail attributor', () => {
  it('takes the newest write event whatever the order, skipping reads and events without a name or time', async () => {
    const attributor = cloudTrailAttributor(
      api([
        { eventName: 'PutBucketPolicy', eventTime: new Date('2026-11-01T00:00:00Z'), readOnly: 'false' },
        { eventName: 'GetBucketPolicy', eventTime: new Date('2026-12-05T00:00:00Z'), readOnly: 'true' },
        { eventTime: new Date('2026-12-04T00:00:00Z'), readOnly: 'false' },
        {
          eventId: 'e-9',
          eventName: 'PutBucketAcl',
          eventTime: new Date('2026-12-03T00:00:00Z'),
          readOnly: 'false',
          username: 'deploy-bot',
          cloudTrailEvent: 'not json {',
        },
      ]),
      '111111111111',
    );
    expect(await attributor.attribute(BUCKET, budget())).toEqual({
      status: 'found',
      actor: 'deploy-bot',
      action: 'PutBucketAcl',
      time: '2026-12-03T00:00:00.000Z',
      via: 'cloudtrail',
      eventId: 'e-9',
    });
  });

  it("reads the record's readOnly when the event leaves it out, and keeps its cloud text on one bounded line", async () => {
    const long = `arn:aws:iam::111111111111:user/${'x'.repeat(400)}`;
    const attributor = cloudTrailAttributor(
      api([
        {
          eventName: 'DeleteBucket',
          eventTime: new Date('2026-12-06T00:00:00Z'),
          cloudTrailEvent: record({ readOnly: true, userIdentity: { arn: 'reader' } }),
        },
        {
          eventName: 'Put\u001b[31mBucket\nTagging',
          eventTime: new Date('2026-12-02T00:00:00Z'),
          cloudTrailEvent: record({
            readOnly: false,
            userIdentity: { arn: long },
            sourceIPAddress: '10.0.0.1',
          }),
        },
      ]),
      undefined,
    );
    const answer = await attributor.attribute(BUCKET, budget());
    expect(answer).toMatchObject({ status: 'found', action: 'Put [31mBucket Tagging', sourceIp: '10.0.0.1' });
    const actor = answer.status === 'found' ? answer.actor : '';
    expect(actor).toHaveLength(300);
    expect(actor.endsWith('…')).toBe(true);
  });

  it('speaks only for its account and region', () => {
    const attributor = cloudTrailAttributor(api([]), '111111111111');
    expect(attributor.accepts(BUCKET)).toBe(true);
    expect(attributor.accepts({ ...BUCKET, account: '222222222222' })).toBe(false);
    expect(attributor.accepts({ ...BUCKET, arn: 'arn:aws:sns:us-east-1:111111111111:t' })).toBe(false);
    expect(attributor.accepts({ ...BUCKET, arn: 'arn:aws:sns:eu-west-1:111111111111:t' })).toBe(true);
    // Global ARNs (S3, IAM) name no region.
    expect(attributor.accepts({ ...BUCKET, arn: 'arn:aws:s3:::logs' })).toBe(true);
  });

  it('makes no call once the budget is spent', async () => {
    const trail = api([]);
    const answer = await cloudTrailAttributor(trail, undefined).attribute(BUCKET, budget(0));
    expect(answer).toEqual({
      status: 'unknown',
      reason: 'budget',
      detail: "not looked up: the scan's limit of 0 look-up calls was reached",
    });
    expect(trail.asked).toEqual([]);
  });
});
