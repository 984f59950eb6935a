import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigApi, RecorderInfo } from '../../connectors/aws-config/client.js';
import { readAccount, readAggregator } from '../../connectors/aws-config/read.js';
import { mapState } from '../../connectors/terraform-state/map.js';
import { stateV4Schema } from '../../connectors/terraform-state/schema.js';
import type { LiveReadResult } from '../../src/connector/types.js';
import { classify } from '../../src/diff/classify.js';
import { coverageOf } from '../../src/diff/coverage.js';
import { NO_IGNORE_RULES } from '../../src/ignore/index.js';
import type { Resource } from '../../src/model/resource.js';
import { RESOURCE_TYPES } from '../../src/model/types/index.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { recordingContext } from '../helpers/context.js';
import { state } from '../helpers/state.js';
import { ROOT } from '../helpers/type-forms.js';

/**
 * Types AWS Config records only in a global service's home region (CloudFront in us-east-1): a scan of another
 * region does not compare them, so a declared distribution is "not compared" there, never "missing"; in its home
 * region it is read as usual and pairs. The distribution is the type catalogue's fixture
 * (fixtures/types/aws/cloudfront-distribution.json).
 */
const fixture = JSON.parse(
  readFileSync(join(ROOT, 'fixtures/types/aws/cloudfront-distribution.json'), 'utf8'),
) as {
  forms: {
    awsConfig: { payload: Record<string, unknown> };
    state: { resources: { type: string; attributes: Record<string, unknown> }[] };
  };
};
const DISTRIBUTION = fixture.forms.awsConfig.payload;
const DISTRIBUTION_ID = String(DISTRIBUTION.resourceId);

const ALL_SUPPORTED: RecorderInfo = {
  name: 'default',
  allSupported: true,
  // The IAM bundle: it does not apply to the types recorded in a home region (RecordingGroup API reference).
  includeGlobalResourceTypes: false,
  resourceTypes: [],
  excludedResourceTypes: [],
  recording: true,
};

interface Calls {
  listed: string[];
  aggregate: [string, string | undefined][];
}

/** A Config API in one region whose recorder is `recorder`; CloudFront items exist only in us-east-1, as in AWS. */
function fakeApi(region: string, calls: Calls, recorder: RecorderInfo = ALL_SUPPORTED): ConfigApi {
  const itemsOf = (type: string, from: string) =>
    type === 'AWS::CloudFront::Distribution' && from === 'us-east-1' ? [DISTRIBUTION] : [];
  return {
    region,
    stats: () => ({}),
    describeRecorders: async () => [recorder],
    async *listDiscoveredPages(type) {
      calls.listed.push(type);
      yield itemsOf(type, region).map(() => ({ resourceId: DISTRIBUTION_ID }));
    },
    batchGet: async (keys) => keys.flatMap((key) => itemsOf(key.resourceType, region)),
    selectTags: async () => ({ tags: new Map(), malformed: [] }),
    aggregatorSourceProblems: async () => [],
    async *listAggregatePages(_aggregator, type, filter) {
      calls.aggregate.push([type, filter]);
      const regions = filter ? [filter] : ['eu-west-1', 'us-east-1'];
      yield regions.flatMap((from) =>
        itemsOf(type, from).map(() => ({
          SourceAccountId: '111122223333',
          SourceRegion: from,
          ResourceId: DISTRIBUTION_ID,
          ResourceType: type,
        })),
      );
    },
    batchGetAggregate: async (_aggregator, ids) =>
      ids.flatMap((id) => itemsOf(id.ResourceType, id.SourceRegion)),
  };
}

const TYPES = ['aws_cloudfront_distribution', 'aws_s3_bucket'];
const noCalls = (): Calls => ({ listed: [], aggregate: [] });

function declaredDistribution(): Map<string, Resource<'declared'>> {
  const spec = fixture.forms.state.resources.map((r, index) => ({
    type: r.type,
    name: `r${index}`,
    instances: [{ attributes: r.attributes }],
  }));
  const { resources } = mapState(stateV4Schema.parse(JSON.parse(state(spec))), 'prod.tfstate');
  normaliseResources(resources);
  return new Map(resources.map((r) => [r.key, r]));
}

/** The diff of the declared distribution against what the live reads found, their coverage joined. */
function verdict(reads: LiveReadResult[]) {
  const live = new Map<string, Resource<'live'>[]>();
  for (const resource of reads.flatMap((read) => read.resources)) {
    normaliseResources([resource]);
    live.set(resource.key, [...(live.get(resource.key) ?? []), resource]);
  }
  return classify(
    declaredDistribution(),
    live,
    coverageOf(reads.map((read) => read.coverage)),
    NO_IGNORE_RULES,
  );
}

describe('types AWS Config records only in their home region', () => {
  it('in eu-west-1: not listed, not covered, said in one line; the declared distribution is not compared, not missing', async () => {
    const { ctx, diagnostics } = recordingContext();
    const calls = noCalls();
    const read = await readAccount(fakeApi('eu-west-1', calls), TYPES, ctx, 'aws-config eu-west-1');
    expect(calls.listed).toEqual(['AWS::S3::Bucket']);
    expect(read.coverage.types).toEqual(['aws_s3_bucket']);
    expect(diagnostics).toEqual([
      {
        level: 'info',
        code: 'aws-config.home-region',
        message:
          'recorded by AWS Config only in us-east-1, so not compared here: aws_cloudfront_distribution',
        source: 'aws-config eu-west-1',
      },
    ]);
    const result = verdict([read]);
    expect(result.drift).toEqual([]);
    expect(result.notCompared).toBe(1);
  });

  it('in us-east-1 with a recorder of all supported types (without the global IAM bundle): read, covered, and paired', async () => {
    const { ctx, diagnostics } = recordingContext();
    const calls = noCalls();
    const read = await readAccount(fakeApi('us-east-1', calls), TYPES, ctx, 'aws-config us-east-1');
    expect(calls.listed.sort()).toEqual(['AWS::CloudFront::Distribution', 'AWS::S3::Bucket']);
    expect(read.coverage.types).toEqual(['aws_cloudfront_distribution', 'aws_s3_bucket']);
    expect(read.resources.map((r) => r.key)).toEqual([`aws_cloudfront_distribution.${DISTRIBUTION_ID}`]);
    expect(diagnostics).toEqual([]);
    const result = verdict([read]);
    expect(result.drift).toEqual([]);
    expect(result.managed).toBe(1);
    expect(result.notCompared).toBe(0);
  });

  it('regions=eu-west-1,us-east-1: coverage is the union, so the distribution pairs', async () => {
    const reads: LiveReadResult[] = [];
    for (const region of ['eu-west-1', 'us-east-1']) {
      const { ctx } = recordingContext();
      reads.push(await readAccount(fakeApi(region, noCalls()), TYPES, ctx, `aws-config ${region}`));
    }
    const result = verdict(reads);
    expect(result.drift).toEqual([]);
    expect(result.managed).toBe(1);
  });

  it('a recorder in eu-west-1 that lists the type does not make it recorded there', async () => {
    const { ctx, diagnostics } = recordingContext();
    const calls = noCalls();
    const listing = {
      ...ALL_SUPPORTED,
      allSupported: false,
      resourceTypes: ['AWS::CloudFront::Distribution'],
    };
    const read = await readAccount(fakeApi('eu-west-1', calls, listing), TYPES, ctx, 'eu-west-1');
    expect(calls.listed).toEqual([]);
    expect(read.coverage.types).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['aws-config.home-region', 'aws-config.not-recorded']);
  });

  it('in the GovCloud partition the home region is us-gov-west-1', async () => {
    for (const [region, listed] of [
      ['us-gov-west-1', true],
      ['us-gov-east-1', false],
    ] as const) {
      const { ctx, diagnostics } = recordingContext();
      const calls = noCalls();
      await readAccount(fakeApi(region, calls), ['aws_cloudfront_distribution'], ctx, region);
      expect(calls.listed.includes('AWS::CloudFront::Distribution'), region).toBe(listed);
      expect(diagnostics.map((d) => d.message)).toEqual(
        listed
          ? []
          : [
              'recorded by AWS Config only in us-gov-west-1, so not compared here: aws_cloudfront_distribution',
            ],
      );
    }
  });

  it('where the region or its home region is not known, the type is not compared, and the message says why', async () => {
    for (const [region, why] of [
      ['(default region)', 'and the region scanned is not known (set AWS_REGION, or regions=)'],
      ['cn-north-1', 'which the AWS Config documentation does not give for the partition of cn-north-1'],
    ] as const) {
      const { ctx, diagnostics } = recordingContext();
      const calls = noCalls();
      await readAccount(fakeApi(region, calls), ['aws_cloudfront_distribution'], ctx, region);
      expect(calls.listed).toEqual([]);
      expect(diagnostics.map((d) => d.message)).toEqual([
        `recorded by AWS Config only in one home region, ${why}, so not compared here: aws_cloudfront_distribution`,
      ]);
    }
  });

  it('an aggregator: a region filter does not hide a home-region type (it is listed from every region)', async () => {
    const { ctx } = recordingContext();
    const calls = noCalls();
    const read = await readAggregator(fakeApi('eu-west-1', calls), 'org', ['eu-west-1'], TYPES, ctx, 'org');
    expect(calls.aggregate.sort()).toEqual([
      ['AWS::CloudFront::Distribution', undefined],
      ['AWS::S3::Bucket', 'eu-west-1'],
    ]);
    expect(read.coverage.types).toEqual(['aws_cloudfront_distribution', 'aws_s3_bucket']);
    expect(verdict([read]).managed).toBe(1);
  });

  it('an aggregator without a region filter lists as before', async () => {
    const { ctx } = recordingContext();
    const calls = noCalls();
    const read = await readAggregator(fakeApi('eu-west-1', calls), 'org', undefined, TYPES, ctx, 'org');
    expect(calls.aggregate.sort()).toEqual([
      ['AWS::CloudFront::Distribution', undefined],
      ['AWS::S3::Bucket', undefined],
    ]);
    expect(read.resources.map((r) => r.key)).toEqual([`aws_cloudfront_distribution.${DISTRIBUTION_ID}`]);
  });

  it('no type is both global (the IAM bundle, recorded everywhere) and recorded in a home region', () => {
    const both = RESOURCE_TYPES.filter(
      (type) =>
        type.sources.awsConfig?.global &&
        (type.sources.awsConfig.homeRegion || type.sources.awsConfig.partlyInHomeRegion),
    );
    expect(both.map((type) => type.type)).toEqual([]);
  });
});

/**
 * WAFv2 web ACLs: the REGIONAL ones are recorded in their own region, the CLOUDFRONT ones only in us-east-1. The
 * items are the type catalogue's fixture (fixtures/types/aws/wafv2-web-acl.json), moved to a scope and a region.
 */
const ACL = JSON.parse(readFileSync(join(ROOT, 'fixtures/types/aws/wafv2-web-acl.json'), 'utf8')).forms
  .awsConfig.payload as Record<string, unknown>;
const ACL_ID = String(ACL.resourceId);

function acl(region: string, scope: 'regional' | 'global', id: string): Record<string, unknown> {
  const configuration = { ...JSON.parse(String(ACL.configuration)), id };
  return {
    ...ACL,
    resourceId: id,
    awsRegion: region,
    arn: `arn:aws:wafv2:${region}:111122223333:${scope}/webacl/api-protection/${id}`,
    configuration: JSON.stringify(configuration),
  };
}

const ACLS: Record<string, Record<string, unknown>[]> = {
  'eu-west-1': [acl('eu-west-1', 'regional', ACL_ID)],
  'us-east-1': [acl('us-east-1', 'global', 'edge-0001'), acl('us-east-1', 'regional', 'use1-0001')],
};

function wafApi(region: string, calls: Calls): ConfigApi {
  const base = fakeApi(region, calls);
  return {
    ...base,
    async *listDiscoveredPages(type) {
      calls.listed.push(type);
      yield (ACLS[region] ?? []).map((item) => ({ resourceId: String(item.resourceId) }));
    },
    batchGet: async () => ACLS[region] ?? [],
    async *listAggregatePages(_aggregator, type, filter) {
      calls.aggregate.push([type, filter]);
      yield Object.entries(ACLS)
        .filter(([from]) => !filter || from === filter)
        .flatMap(([from, items]) =>
          items.map((item) => ({
            SourceAccountId: '111122223333',
            SourceRegion: from,
            ResourceId: String(item.resourceId),
            ResourceType: type,
          })),
        );
    },
    batchGetAggregate: async (_aggregator, ids) =>
      ids.flatMap((id) => (ACLS[id.SourceRegion] ?? []).filter((item) => item.resourceId === id.ResourceId)),
  };
}

const keyOf = (id: string, scope: string) => `aws_wafv2_web_acl.${id}/api-protection/${scope}`;

describe('a type only some of whose objects are recorded in one region (WAFv2 web ACLs)', () => {
  it('in eu-west-1: the REGIONAL ones listed are read, the type is not covered, and the report says why', async () => {
    const { ctx, diagnostics } = recordingContext();
    const read = await readAccount(wafApi('eu-west-1', noCalls()), ['aws_wafv2_web_acl'], ctx, 'eu-west-1');
    expect(read.resources.map((r) => r.key)).toEqual([keyOf(ACL_ID, 'REGIONAL')]);
    expect(read.coverage.types).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'aws_wafv2_web_acl: CLOUDFRONT-scope web ACLs are recorded by AWS Config only in us-east-1, so here only those AWS Config lists are compared (a declared one it does not list is not compared)',
    ]);
  });

  it('in us-east-1 the type is covered: both scopes are there', async () => {
    const { ctx, diagnostics } = recordingContext();
    const read = await readAccount(wafApi('us-east-1', noCalls()), ['aws_wafv2_web_acl'], ctx, 'us-east-1');
    expect(read.coverage.types).toEqual(['aws_wafv2_web_acl']);
    expect(read.resources.map((r) => r.key).sort()).toEqual(
      [keyOf('edge-0001', 'CLOUDFRONT'), keyOf('use1-0001', 'REGIONAL')].sort(),
    );
    expect(diagnostics).toEqual([]);
  });

  it('an aggregator filtered to eu-west-1 also lists us-east-1, keeping only its CLOUDFRONT web ACLs', async () => {
    const { ctx } = recordingContext();
    const calls = noCalls();
    const api = wafApi('eu-west-1', calls);
    const read = await readAggregator(api, 'org', ['eu-west-1'], ['aws_wafv2_web_acl'], ctx, 'org');
    expect(calls.aggregate).toEqual([
      ['AWS::WAFv2::WebACL', 'eu-west-1'],
      ['AWS::WAFv2::WebACL', 'us-east-1'],
    ]);
    expect(read.resources.map((r) => r.key).sort()).toEqual(
      [keyOf(ACL_ID, 'REGIONAL'), keyOf('edge-0001', 'CLOUDFRONT')].sort(),
    );
    expect(read.coverage.types).toEqual(['aws_wafv2_web_acl']);
  });

  it('an aggregator whose filter holds us-east-1 lists as filtered', async () => {
    const { ctx } = recordingContext();
    const calls = noCalls();
    const regions = ['eu-west-1', 'us-east-1'];
    await readAggregator(wafApi('eu-west-1', calls), 'org', regions, ['aws_wafv2_web_acl'], ctx, 'org');
    expect(calls.aggregate.map(([, region]) => region)).toEqual(regions);
  });
});
