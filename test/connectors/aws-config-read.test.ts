import { describe, expect, it } from 'vitest';
import { AwsConfigError, type ConfigApi, type TagQueryResult } from '../../connectors/aws-config/client.js';
import { readAccount } from '../../connectors/aws-config/read.js';
import { recordingContext } from '../helpers/context.js';

const LOCATION = 'aws-config eu-west-1';

function bucketItem(name: string, configuration: Record<string, unknown>, supplementary = {}): unknown {
  return {
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    resourceName: name,
    arn: `arn:aws:s3:::${name}`,
    accountId: '111122223333',
    configuration: JSON.stringify({ name, ...configuration }),
    supplementaryConfiguration: {
      BucketVersioningConfiguration: JSON.stringify({ status: 'Enabled', isMfaDeleteEnabled: null }),
      ...supplementary,
    },
  };
}

function fakeApi(items: unknown[], selectTags: () => Promise<TagQueryResult>): ConfigApi {
  return {
    region: 'eu-west-1',
    stats: () => ({}),
    describeRecorders: async () => [
      {
        name: 'default',
        allSupported: false,
        includeGlobalResourceTypes: false,
        resourceTypes: ['AWS::S3::Bucket'],
        excludedResourceTypes: [],
        recording: true,
      },
    ],
    async *listDiscoveredPages() {
      yield items.map((_, i) => ({ resourceId: String(i) }));
    },
    batchGet: async () => items,
    selectTags,
    aggregatorSourceProblems: async () => [],
    async *listAggregatePages() {},
    batchGetAggregate: async () => [],
  };
}

const context = recordingContext;

const tagsOf = (tags: Record<string, Record<string, string>>) => async () => ({
  tags: new Map(Object.entries(tags)),
  malformed: [],
});

describe('aws-config read path', () => {
  it('a tag query that fails leaves tags unknown, is a diagnostic, and makes the source partial', async () => {
    const { ctx, diagnostics } = context();
    const api = fakeApi([bucketItem('acme-logs', {})], async () => {
      throw new AwsConfigError(
        'access-denied',
        'SelectResourceConfig: access denied (AccessDeniedException)',
        undefined,
      );
    });
    const result = await readAccount(api, ['aws_s3_bucket'], ctx, LOCATION);
    expect(result.coverage.types).toEqual(['aws_s3_bucket']);
    expect(result.resources.map((r) => r.key)).toEqual(['aws_s3_bucket.acme-logs']);
    expect('tags' in (result.resources[0]?.attributes ?? {})).toBe(false);
    expect(result.problems).toEqual([
      'tags of aws_s3_bucket (AWS::S3::Bucket) not compared: SelectResourceConfig: access denied (AccessDeniedException)',
    ]);
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'aws-config.tags-unknown',
        message:
          'tags of aws_s3_bucket (AWS::S3::Bucket) not compared: SelectResourceConfig: access denied (AccessDeniedException)',
        source: LOCATION,
      },
    ]);
  });

  it('a tag query that answers fills the tags, and the source is complete', async () => {
    const { ctx, diagnostics } = context();
    const api = fakeApi([bucketItem('acme-logs', {})], tagsOf({ 'acme-logs': { team: 'platform' } }));
    const result = await readAccount(api, ['aws_s3_bucket'], ctx, LOCATION);
    expect(result.resources[0]?.attributes.tags).toEqual({ team: 'platform' });
    expect(result.problems).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('a malformed tag row is reported and leaves that resource’s tags unknown', async () => {
    const { ctx } = context();
    const api = fakeApi([bucketItem('acme-logs', {})], async () => ({
      tags: new Map(),
      malformed: ['AWS::S3::Bucket tags query row: resourceId: expected string, got number'],
    }));
    const result = await readAccount(api, ['aws_s3_bucket'], ctx, LOCATION);
    expect('tags' in (result.resources[0]?.attributes ?? {})).toBe(false);
    expect(result.problems).toEqual([
      'AWS::S3::Bucket tags query row: resourceId: expected string, got number',
    ]);
  });

  it('a field of the wrong type is a diagnostic naming the resource and the field; it is unknown and the other resources still map', async () => {
    const { ctx, diagnostics } = context();
    const api = fakeApi(
      [
        bucketItem('acme-logs', { BucketName: 42 }, { BucketPolicy: JSON.stringify({ policyText: 7 }) }),
        bucketItem('acme-data', {}),
      ],
      tagsOf({ 'acme-logs': {}, 'acme-data': {} }),
    );
    const result = await readAccount(api, ['aws_s3_bucket'], ctx, LOCATION);
    expect(result.coverage.types).toEqual(['aws_s3_bucket']);
    expect(result.resources.map((r) => r.key)).toEqual([
      'aws_s3_bucket.acme-data',
      'aws_s3_bucket.acme-logs',
    ]);
    const logs = result.resources.find((r) => r.id === 'acme-logs');
    expect(logs?.attributes.bucket).toBe('acme-logs');
    expect('policy' in (logs?.attributes ?? {})).toBe(false);
    expect(logs?.attributes.versioning).toEqual({ enabled: true, mfa_delete: false });
    expect(diagnostics.map((d) => [d.code, d.message, d.key])).toEqual([
      [
        'aws-config.malformed-field',
        'AWS::S3::Bucket acme-logs: configuration.BucketName: expected string, got number',
        'aws_s3_bucket.acme-logs',
      ],
      [
        'aws-config.malformed-field',
        'AWS::S3::Bucket acme-logs: supplementaryConfiguration.BucketPolicy.policyText: expected string, got number',
        'aws_s3_bucket.acme-logs',
      ],
    ]);
    expect(result.problems).toEqual(diagnostics.map((d) => d.message));
  });

  it('a public access block of the wrong shape is unknown, never "none"', async () => {
    const { ctx } = context();
    const api = fakeApi(
      [bucketItem('acme-logs', {}, { PublicAccessBlockConfiguration: JSON.stringify([true]) })],
      tagsOf({ 'acme-logs': {} }),
    );
    const result = await readAccount(api, ['aws_s3_bucket'], ctx, LOCATION);
    expect('public_access_block' in (result.resources[0]?.attributes ?? {})).toBe(false);
    expect(result.problems).toEqual([
      'AWS::S3::Bucket acme-logs: supplementaryConfiguration.PublicAccessBlockConfiguration: expected object, got array',
    ]);
  });

  it('a configuration that is not a JSON object is reported, and its attributes are unknown', async () => {
    const { ctx } = context();
    const item = { ...(bucketItem('acme-logs', {}) as object), configuration: '[1, 2]' };
    const result = await readAccount(fakeApi([item], tagsOf({})), ['aws_s3_bucket'], ctx, LOCATION);
    expect(result.resources.map((r) => r.id)).toEqual(['acme-logs']);
    expect(result.problems).toEqual([
      'AWS::S3::Bucket acme-logs: configuration: expected a JSON object, got array',
    ]);
  });

  it('an item that cannot be identified leaves its type out of the compared types (here the only one, so the source fails)', async () => {
    const { ctx } = context();
    const api = fakeApi(
      [bucketItem('acme-data', {}), { resourceType: 'AWS::S3::Bucket', resourceId: 12 }],
      tagsOf({}),
    );
    // The only type asked for could not be compared, so the source fails rather than report an empty account.
    await expect(readAccount(api, ['aws_s3_bucket'], ctx, LOCATION)).rejects.toMatchObject({
      code: 'source',
      message: '1 configuration item(s) of the wrong shape (resourceId: expected string, got number)',
    });
  });
  it('matches the tags query by Config resourceId for a table type keyed by name (aws_autoscaling_group)', async () => {
    const { ctx } = context();
    const asgArn =
      'arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:5f1b2c3d-0000-4000-8000-000000000001:autoScalingGroupName/web';
    const item = {
      resourceType: 'AWS::AutoScaling::AutoScalingGroup',
      resourceId: asgArn,
      resourceName: 'web',
      arn: asgArn,
      accountId: '111122223333',
      configuration: '{}',
      supplementaryConfiguration: {},
    };
    const base = fakeApi([item], tagsOf({ [asgArn]: { team: 'platform' } }));
    const api: ConfigApi = {
      ...base,
      describeRecorders: async () =>
        (await base.describeRecorders()).map((r) => ({
          ...r,
          resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
        })),
    };
    const result = await readAccount(api, ['aws_autoscaling_group'], ctx, LOCATION);
    expect(result.resources.map((r) => [r.id, r.attributes.tags])).toEqual([['web', { team: 'platform' }]]);
    expect(result.coverage.types).toEqual(['aws_autoscaling_group']);
  });
});
