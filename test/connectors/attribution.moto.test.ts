import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { FakeCloudTrail } from '../helpers/fake-cloudtrail.js';
import { motoAvailable, motoRequired, useMoto } from '../helpers/moto.js';
import { state } from '../helpers/state.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ACCOUNT = '123456789012';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const CAROL = `arn:aws:sts::${ACCOUNT}:assumed-role/admin/carol`;

/** AWS Config from moto; CloudTrail's LookupEvents, which moto lacks, from the proxy (fake-cloudtrail.ts). */
describe.runIf(motoAvailable || motoRequired)('who changed it, from CloudTrail', () => {
  const suite = useMoto({ beforeAll, afterAll });
  const trail = new FakeCloudTrail();

  beforeEach(async () => {
    await suite.moto.reset();
    suite.proxy.clear();
    trail.clear();
    suite.proxy.respond('LookupEvents', (body) => trail.answer(body));
    const s3 = new S3Client({ ...suite.direct, forcePathStyle: true });
    for (const [bucket, team] of [
      ['acme-logs', 'platform'],
      ['acme-by-hand', 'unknown'],
    ] as const) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(
        new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: team }] } }),
      );
    }
    await new ConfigServiceClient(suite.direct).send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name: 'default',
          roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
          recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket'] },
        },
      }),
    );
    trail.record({
      eventId: 'e-1',
      eventName: 'PutBucketTagging',
      time: '2026-12-01T10:32:00Z',
      resources: ['acme-logs'],
      arn: ALICE,
      sourceIp: '203.0.113.7',
    });
    // Newer, but a read: it changed nothing.
    trail.record({
      eventId: 'e-2',
      eventName: 'GetBucketTagging',
      time: '2026-12-02T08:00:00Z',
      resources: ['acme-logs'],
      readOnly: true,
      arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
    });
    trail.record({
      eventId: 'e-3',
      eventName: 'CreateBucket',
      time: '2026-11-30T09:00:00Z',
      resources: ['acme-by-hand'],
      arn: CAROL,
      sourceIp: 'cloudformation.amazonaws.com',
    });
  }, 30_000);

  function declared() {
    const bucket = (name: string, team: string) => ({
      type: 'aws_s3_bucket',
      name: name.replaceAll('-', '_'),
      instances: [
        {
          attributes: {
            id: name,
            bucket: name,
            arn: `arn:aws:s3:::${name}`,
            tags: { team },
            tags_all: { team },
          },
        },
      ],
    });
    return state([bucket('acme-logs', 'observability'), bucket('acme-deleted', 'data')]);
  }

  async function scan(extra: string[] = []) {
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', 'aws-config', '--format', 'json', ...extra],
      { cwd, env: { ...suite.env(), DRIFTWARDEN_AWS_MAX_ATTEMPTS: '4' } },
    );
    return { ...result, report: JSON.parse(result.stdout) };
  }

  function changedBy(report: { drift: { kind: string; key: string; changedBy?: unknown }[] }) {
    return report.drift.map((d) => [d.kind, d.key, d.changedBy]);
  }

  it('names the newest write event of each changed, missing and unmanaged resource, or says none was found', async () => {
    const { report, stderr } = await scan(['--attribution', 'on']);
    expect(stderr).toBe('');
    expect(changedBy(report)).toEqual([
      [
        'missing',
        'aws_s3_bucket.acme-deleted',
        {
          status: 'unknown',
          reason: 'not-found',
          detail:
            'no write event naming acme-deleted in the CloudTrail event history of us-east-1 (the last 90 days; 0 events read, at most 50)',
        },
      ],
      [
        'changed',
        'aws_s3_bucket.acme-logs',
        {
          status: 'found',
          actor: ALICE,
          action: 'PutBucketTagging',
          time: '2026-12-01T10:32:00.000Z',
          sourceIp: '203.0.113.7',
          via: 'cloudtrail',
          eventId: 'e-1',
        },
      ],
      [
        'unmanaged',
        'aws_s3_bucket.acme-by-hand',
        {
          status: 'found',
          actor: CAROL,
          action: 'CreateBucket',
          time: '2026-11-30T09:00:00.000Z',
          sourceIp: 'cloudformation.amazonaws.com',
          via: 'cloudtrail',
          eventId: 'e-3',
        },
      ],
    ]);
    expect(trail.lookups.sort()).toEqual([
      'ResourceName=acme-by-hand',
      'ResourceName=acme-deleted',
      'ResourceName=acme-logs',
    ]);
    expect(report.scan.diagnostics).toContainEqual({
      level: 'info',
      code: 'attribution.summary',
      message: 'who changed it: found for 2 of 3 drift entries, with 3 look-up calls (limit 25)',
    });
    expect(report.summary.attribution).toEqual({
      calls: 3,
      limit: 25,
      entries: 3,
      found: 2,
      unknown: { 'not-found': 1, denied: 0, budget: 0, failed: 0, 'not-supported': 0 },
    });
  });

  it('spends at most the calls it is given, changes first, and says which entries it did not look up', async () => {
    const { report } = await scan(['--attribution', '1']);
    expect(suite.proxy.count('LookupEvents')).toBe(1);
    expect(changedBy(report).map(([kind, , by]) => [kind, (by as { status: string }).status])).toEqual([
      ['missing', 'unknown'],
      ['changed', 'found'],
      ['unmanaged', 'unknown'],
    ]);
    expect(report.drift[0].changedBy).toEqual({
      status: 'unknown',
      reason: 'budget',
      detail: "not looked up: the scan's limit of 1 look-up calls was reached",
    });
    expect(report.scan.diagnostics.map((d: { code: string }) => d.code)).toContain('attribution.budget');
    expect(report.summary.attribution).toMatchObject({ calls: 1, limit: 1, entries: 3, found: 1 });
    expect(report.summary.attribution.unknown).toMatchObject({ budget: 2 });
  });

  it('is off unless asked, and makes no CloudTrail call', async () => {
    const { report } = await scan();
    expect(report.drift.map((d: { changedBy?: unknown }) => d.changedBy)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(suite.proxy.count('LookupEvents')).toBe(0);
    expect(report.summary).not.toHaveProperty('attribution');
  });

  it('reports a denied look-up as unknown, once, without asking again for the other entries', async () => {
    suite.proxy.inject({ operation: 'LookupEvents', fault: 'denied', times: Number.POSITIVE_INFINITY });
    const { report, code } = await scan(['--attribution', 'on']);
    expect(code).toBe(1);
    expect(suite.proxy.count('LookupEvents')).toBe(1);
    for (const entry of report.drift)
      expect(entry.changedBy).toEqual({
        status: 'unknown',
        reason: 'denied',
        detail: 'CloudTrail LookupEvents in us-east-1 was denied (cloudtrail:LookupEvents)',
      });
  });

  it("looks up the relatedEvents of an item older than 1.3 by event id first, from the resource's history", async () => {
    trail.record({
      eventId: 'e-related',
      eventName: 'PutBucketTagging',
      time: '2026-11-20T07:15:00Z',
      resources: [],
      arn: `arn:aws:iam::${ACCOUNT}:user/dave`,
    });
    type Items = { resourceId: string; version?: string; relatedEvents?: string[] }[];
    suite.proxy.rewrite('BatchGetResourceConfig', (answer) => {
      const out = answer as { baseConfigurationItems?: Items };
      for (const item of out.baseConfigurationItems ?? [])
        if (item.resourceId === 'acme-logs') item.version = '1.2';
      return out;
    });
    // moto keeps no history: its one item gets the event ids a 1.2 item would carry.
    suite.proxy.rewrite('GetResourceConfigHistory', (answer) => {
      const out = answer as { configurationItems?: Items };
      for (const item of out.configurationItems ?? []) item.relatedEvents = ['e-older', 'e-related'];
      return out;
    });
    const { report } = await scan(['--attribution', 'on']);
    expect(report.drift[1]).toMatchObject({
      key: 'aws_s3_bucket.acme-logs',
      changedBy: {
        status: 'found',
        actor: `arn:aws:iam::${ACCOUNT}:user/dave`,
        action: 'PutBucketTagging',
        time: '2026-11-20T07:15:00.000Z',
        via: 'aws-config',
        eventId: 'e-related',
      },
    });
    // Only the 1.2 item's history is read; the 1.3 items (and the missing bucket) are looked up by name.
    expect(suite.proxy.count('GetResourceConfigHistory')).toBe(1);
    expect(trail.lookups.sort()).toEqual([
      'EventId=e-related',
      'ResourceName=acme-by-hand',
      'ResourceName=acme-deleted',
    ]);
  });

  it('retries a throttled look-up and still finds the event', async () => {
    suite.proxy.inject({ operation: 'LookupEvents', fault: 'throttle', times: 2 });
    const { report } = await scan(['--attribution', '3']);
    expect(report.drift[1].changedBy).toMatchObject({ status: 'found', actor: ALICE });
    expect(suite.proxy.count('LookupEvents')).toBe(5);
  });
});
