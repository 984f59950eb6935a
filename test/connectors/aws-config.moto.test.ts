import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { motoAvailable, motoRequired, useMoto } from '../helpers/moto.js';
import { state } from '../helpers/state.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ACCOUNT = '123456789012';
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const READ = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::acme-data/*'] }],
};
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

describe.runIf(motoAvailable || motoRequired)('aws-config against moto', () => {
  const suite = useMoto({ beforeAll, afterAll });
  const clients = () => ({
    s3: new S3Client({ ...suite.direct, forcePathStyle: true }),
    iam: new IAMClient(suite.direct),
    sns: new SNSClient(suite.direct),
    config: new ConfigServiceClient(suite.direct),
  });

  async function seed(options: { recorder?: boolean } = {}) {
    await suite.moto.reset();
    suite.proxy.clear();
    const { s3, iam, sns, config } = clients();
    for (const [bucket, team] of [
      ['acme-data', 'data'],
      ['acme-logs', 'platform'],
      ['acme-by-hand', 'unknown'],
    ] as const) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(
        new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: team }] } }),
      );
    }
    const admin = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'admin-star',
        PolicyDocument: JSON.stringify(ADMIN),
        Description: 'too broad',
      }),
    );
    await iam.send(
      new CreatePolicyCommand({ PolicyName: 'read-data', PolicyDocument: JSON.stringify(READ) }),
    );
    await iam.send(
      new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: JSON.stringify(TRUST) }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'read', PolicyDocument: JSON.stringify(READ) }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: admin.Policy?.Arn }));
    await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
    if (options.recorder !== false) {
      await config.send(
        new PutConfigurationRecorderCommand({
          // moto records only these types; a recorder that says so keeps the other declared types "not compared".
          ConfigurationRecorder: {
            name: 'default',
            roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
            recordingGroup: {
              allSupported: false,
              resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::SNS::Topic'],
            },
          },
        }),
      );
    }
  }

  /** The declared side: some of the seeded resources, one attribute changed, one resource gone. */
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
    return state([
      bucket('acme-data', 'data'),
      bucket('acme-logs', 'observability'),
      bucket('acme-deleted', 'data'),
      {
        type: 'aws_iam_policy',
        name: 'admin',
        instances: [
          {
            attributes: {
              id: `arn:aws:iam::${ACCOUNT}:policy/admin-star`,
              arn: `arn:aws:iam::${ACCOUNT}:policy/admin-star`,
              name: 'admin-star',
              path: '/',
              description: 'too broad',
              policy: JSON.stringify(ADMIN),
            },
          },
        ],
      },
      {
        type: 'aws_iam_policy',
        name: 'read',
        instances: [
          {
            attributes: {
              id: `arn:aws:iam::${ACCOUNT}:policy/read-data`,
              arn: `arn:aws:iam::${ACCOUNT}:policy/read-data`,
              name: 'read-data',
              path: '/',
              policy: JSON.stringify(READ),
            },
          },
        ],
      },
      {
        type: 'aws_iam_role',
        name: 'app',
        instances: [
          {
            attributes: {
              id: 'app',
              name: 'app',
              arn: `arn:aws:iam::${ACCOUNT}:role/app`,
              path: '/',
              assume_role_policy: JSON.stringify(TRUST),
              inline_policy: [{ name: 'read', policy: JSON.stringify(READ) }],
              managed_policy_arns: [`arn:aws:iam::${ACCOUNT}:policy/admin-star`],
            },
          },
        ],
      },
      {
        type: 'aws_sns_topic',
        name: 'alerts',
        instances: [
          {
            attributes: {
              id: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
              arn: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
              name: 'alerts',
              kms_master_key_id: '',
            },
          },
        ],
      },
      {
        type: 'aws_ebs_volume',
        name: 'data',
        instances: [{ attributes: { id: 'vol-0123', encrypted: true } }],
      },
    ]);
  }

  const env = () => ({ ...suite.env(), DRIFTWARDEN_AWS_MAX_ATTEMPTS: '4' });

  async function scan(extra: string[] = []) {
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', 'aws-config', '--format', 'json', ...extra],
      { cwd, env: env() },
    );
    return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
  }

  beforeEach(async () => {
    await seed();
  }, 30_000);

  it('reports exactly the changed attribute, the deleted resource and the one made by hand, and the live IAM wildcard', async () => {
    const { code, report, stderr } = await scan();
    expect(stderr).toBe('');
    expect(report.scan.complete).toBe(true);
    expect(
      report.drift.map((d: { kind: string; key: string; changes: unknown[] }) => [d.kind, d.key, d.changes]),
    ).toEqual([
      ['missing', 'aws_s3_bucket.acme-deleted', []],
      [
        'changed',
        'aws_s3_bucket.acme-logs',
        [{ path: 'tags.team', declared: 'observability', live: 'platform' }],
      ],
      ['unmanaged', 'aws_s3_bucket.acme-by-hand', []],
    ]);
    expect(report.summary).toMatchObject({ declared: 8, live: 7, managed: 6, notCompared: 1 });
    const live = report.violations.filter(
      (v: { origin: string; ruleId: string }) => v.origin === 'live' && v.ruleId === 'DW-AWS-IAM-001',
    );
    expect(live.map((v: { key: string }) => v.key)).toEqual([
      `aws_iam_policy.arn:aws:iam::${ACCOUNT}:policy/admin-star`,
    ]);
    expect(
      report.violations.some(
        (v: { ruleId: string; origin: string; key: string }) =>
          v.ruleId === 'DW-AWS-IAM-009' && v.origin === 'live',
      ),
    ).toBe(false);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.coveredTypes).toContain('aws_s3_bucket');
    expect(source.stats.BatchGetResourceConfig).toBeGreaterThan(0);
    expect(code).toBe(1);
  });

  it('retries throttling, 500s and slow responses, and still reports exactly the same', async () => {
    suite.proxy.inject({ operation: 'ListDiscoveredResources', fault: 'throttle', times: 2 });
    suite.proxy.inject({ operation: 'BatchGetResourceConfig', fault: 'error500', times: 1 });
    suite.proxy.inject({ operation: 'DescribeConfigurationRecorders', fault: 'slow', times: 1 });
    const { report } = await scan();
    expect(report.scan.complete).toBe(true);
    expect(report.drift.map((d: { kind: string; key: string }) => `${d.kind} ${d.key}`)).toEqual([
      'missing aws_s3_bucket.acme-deleted',
      'changed aws_s3_bucket.acme-logs',
      'unmanaged aws_s3_bucket.acme-by-hand',
    ]);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.stats.httpRequests).toBeGreaterThan(
      source.stats.ListDiscoveredResources + source.stats.BatchGetResourceConfig,
    );
  }, 60_000);

  it('sends unprocessed batch keys again, and retries a request that times out', async () => {
    // On the buckets' batch (three keys): a batch of one key has no half to leave unprocessed, and which batch is
    // sent first depends on timing.
    suite.proxy.inject({
      operation: 'BatchGetResourceConfig',
      fault: 'unprocessed',
      times: 2,
      bodyIncludes: 'AWS::S3::Bucket',
    });
    suite.proxy.inject({
      operation: 'ListDiscoveredResources',
      fault: 'slow',
      times: 1,
      bodyIncludes: 'AWS::IAM::Policy',
    });
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', 'aws-config', '--format', 'json'],
      {
        cwd,
        env: { ...env(), DRIFTWARDEN_AWS_TIMEOUT_MS: '1000' },
      },
    );
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(true);
    expect(report.summary).toMatchObject({ live: 7, managed: 6, missing: 1, changed: 1, unmanaged: 1 });
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    // 4 types need 4 batches; the keys left unprocessed took more, and every resource still arrived (live: 7).
    expect(source.stats.BatchGetResourceConfig).toBeGreaterThan(4);
    expect(suite.proxy.count('BatchGetResourceConfig')).toBe(source.stats.BatchGetResourceConfig);
    // The slow answer timed out and was sent again (under load other requests may be retried too).
    expect(suite.proxy.count('ListDiscoveredResources')).toBeGreaterThan(
      source.stats.ListDiscoveredResources,
    );
  }, 60_000);

  it('access denied on the configuration recorder fails the source with a clear message', async () => {
    suite.proxy.inject({
      operation: 'DescribeConfigurationRecorders',
      fault: 'denied',
      times: Number.POSITIVE_INFINITY,
    });
    const { code, report } = await scan();
    expect(code).toBe(3);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.error).toBe(
      'aws-config us-east-1: cannot read the configuration recorder (access denied), so it is not known what AWS Config records',
    );
    expect(report.drift).toEqual([]);
  }, 30_000);

  it('a type whose pages keep failing is not compared, the scan is incomplete (exit 3), and nothing is called missing', async () => {
    suite.proxy.inject({
      operation: 'ListDiscoveredResources',
      fault: 'drop',
      times: Number.POSITIVE_INFINITY,
      bodyIncludes: 'AWS::S3::Bucket',
    });
    const { code, report } = await scan();
    expect(code).toBe(3);
    expect(report.scan.complete).toBe(false);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.status).toBe('partial');
    expect(source.problems[0]).toMatch(
      /^aws_s3_bucket \(AWS::S3::Bucket\) not compared: ListDiscoveredResources AWS::S3::Bucket: failed after retries/,
    );
    expect(source.coveredTypes).not.toContain('aws_s3_bucket');
    expect(report.drift.filter((d: { type: string }) => d.type === 'aws_s3_bucket')).toEqual([]);
    expect(report.summary.notCompared).toBe(4);
  }, 60_000);

  it('access denied on one type: that type is not compared, the others are, and the exit code is 3', async () => {
    suite.proxy.inject({
      operation: 'ListDiscoveredResources',
      fault: 'denied',
      times: Number.POSITIVE_INFINITY,
      bodyIncludes: 'AWS::SNS::Topic',
    });
    const { code, report, stderr } = await scan();
    expect(code).toBe(3);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.problems).toEqual([
      'aws_sns_topic (AWS::SNS::Topic) not compared: ListDiscoveredResources AWS::SNS::Topic: access denied (AccessDeniedException)',
    ]);
    expect(report.drift.map((d: { key: string }) => d.key)).toEqual([
      'aws_s3_bucket.acme-deleted',
      'aws_s3_bucket.acme-logs',
      'aws_s3_bucket.acme-by-hand',
    ]);
    expect(stderr).toContain('access denied');
  }, 60_000);

  it('no configuration recorder: a clear failure, the scan is incomplete, and nothing is called missing', async () => {
    await seed({ recorder: false });
    const { code, report } = await scan();
    expect(code).toBe(3);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    expect(source.status).toBe('failed');
    expect(source.error).toContain('no AWS Config configuration recorder');
    expect(report.drift).toEqual([]);
  }, 30_000);

  it('makes one list call per 100 resources of a type and one batch call per 100 resources', async () => {
    const { s3 } = clients();
    for (let i = 0; i < 247; i++)
      await s3.send(new CreateBucketCommand({ Bucket: `bulk-${String(i).padStart(3, '0')}` }));
    const { report } = await scan(['--fail-on', 'none']);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'aws-config');
    // 250 buckets: 3 list pages and 3 batches; IAM policies, roles and SNS: 1 page and 1 batch each; the other mapped types: 1 empty page each.
    expect(suite.proxy.count('BatchGetResourceConfig')).toBe(source.stats.BatchGetResourceConfig);
    expect(source.stats.BatchGetResourceConfig).toBe(3 + 3);
    expect(report.summary.live).toBe(250 + 2 + 1 + 1);
  }, 120_000);
});
