import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigServiceClient,
  PutConfigurationAggregatorCommand,
  PutConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreatePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { motoAvailable, motoRequired, useMoto } from '../helpers/moto.js';
import { state } from '../helpers/state.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

describe.runIf(motoAvailable || motoRequired)(
  'AWS: remote state, snapshots and aggregators against moto',
  () => {
    const suite = useMoto({ beforeAll, afterAll });

    beforeEach(async () => {
      await suite.moto.reset();
      suite.proxy.clear();
      const common = suite.direct;
      const s3 = new S3Client({ ...common, forcePathStyle: true });
      await s3.send(new CreateBucketCommand({ Bucket: 'tfstate' }));
      await s3.send(new CreateBucketCommand({ Bucket: 'acme-data' }));
      const prod = state([
        {
          type: 'aws_s3_bucket',
          name: 'data',
          instances: [{ attributes: { id: 'acme-data', bucket: 'acme-data' } }],
        },
      ]);
      const staging = state([
        {
          type: 'aws_s3_bucket',
          name: 'data',
          instances: [{ attributes: { id: 'acme-staging', bucket: 'acme-staging' } }],
        },
      ]);
      await s3.send(
        new PutObjectCommand({ Bucket: 'tfstate', Key: 'network/terraform.tfstate', Body: prod }),
      );
      await s3.send(
        new PutObjectCommand({
          Bucket: 'tfstate',
          Key: 'env:/staging/network/terraform.tfstate',
          Body: staging,
        }),
      );
      await s3.send(
        new PutObjectCommand({
          Bucket: 'tfstate',
          Key: 'broken.tfstate',
          Body: '{"version": 4, "resources": [',
        }),
      );
      await new IAMClient(common).send(
        new CreatePolicyCommand({ PolicyName: 'admin-star', PolicyDocument: ADMIN }),
      );
      const config = new ConfigServiceClient(common);
      await config.send(
        new PutConfigurationRecorderCommand({
          ConfigurationRecorder: {
            name: 'default',
            roleARN: 'arn:aws:iam::123456789012:role/config',
            recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Policy'] },
          },
        }),
      );
      await config.send(
        new PutConfigurationAggregatorCommand({
          ConfigurationAggregatorName: 'org',
          AccountAggregationSources: [{ AccountIds: ['123456789012'], AwsRegions: ['us-east-1'] }],
        }),
      );
    }, 30_000);

    it('reads state from an S3 backend, default workspace and --workspace, and takes no lock', async () => {
      const cwd = tempDir();
      const args = [
        'scan',
        '--state',
        's3://tfstate/network/terraform.tfstate',
        '--live',
        'aws-config',
        '--format',
        'json',
        '--fail-on',
        'none',
      ];
      const prod = await runCli(args, { cwd, env: suite.env() });
      const prodReport = JSON.parse(prod.stdout);
      expect(prodReport.scan.sources[0]).toMatchObject({
        location: 's3://tfstate/network/terraform.tfstate',
        status: 'ok',
        resources: 1,
      });
      expect(prodReport.drift.map((d: { kind: string; key: string }) => `${d.kind} ${d.key}`)).toEqual([
        'unmanaged aws_iam_policy.arn:aws:iam::123456789012:policy/admin-star',
        'unmanaged aws_s3_bucket.tfstate',
      ]);
      const staging = JSON.parse(
        (await runCli([...args, '--workspace', 'staging'], { cwd, env: suite.env() })).stdout,
      );
      expect(staging.scan.sources[0].location).toBe('s3://tfstate/env:/staging/network/terraform.tfstate');
      expect(
        staging.drift
          .filter((d: { kind: string }) => d.kind === 'missing')
          .map((d: { key: string }) => d.key),
      ).toEqual(['aws_s3_bucket.acme-staging']);
      expect(
        suite.proxy.requests.filter(
          (r) => /^(PUT|POST|DELETE) /.test(r) || r.includes('.tflock') || r.includes('DynamoDB'),
        ),
      ).toEqual([]);
    }, 30_000);

    it('a missing or corrupt state object is a one-line error naming it', async () => {
      const cwd = tempDir();
      const missing = await runCli(['scan', '--state', 's3://tfstate/nope.tfstate', '--live', 'aws-config'], {
        cwd,
        env: suite.env(),
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe(
        'driftwarden: error: s3://tfstate/nope.tfstate: no such state object (check the bucket, key and workspace)',
      );
      const broken = await runCli(
        ['scan', '--state', 's3://tfstate/broken.tfstate', '--live', 'aws-config'],
        { cwd, env: suite.env() },
      );
      expect(broken.code).toBe(2);
      expect(broken.stderr.trim()).toBe(
        'driftwarden: error: s3://tfstate/broken.tfstate: invalid JSON (unexpected end of file; truncated?)',
      );
    }, 30_000);

    it('records the live side with `driftwarden snapshot`, and an offline scan of it reports the same drift', async () => {
      const cwd = tempDir();
      const recorded = await runCli(['snapshot', '--live', 'aws-config', '--output', 'live.json'], {
        cwd,
        env: suite.env(),
      });
      expect(recorded.code).toBe(0);
      expect(recorded.stdout).toMatch(/^recorded 3 resources of 2 covered types to live\.json$/m);
      const snapshot = JSON.parse(readFileSync(join(cwd, 'live.json'), 'utf8'));
      expect(snapshot.coveredTypes).toEqual(['aws_iam_policy', 'aws_s3_bucket']);
      const args = [
        'scan',
        '--state',
        's3://tfstate/network/terraform.tfstate',
        '--format',
        'json',
        '--fail-on',
        'none',
      ];
      const online = JSON.parse(
        (await runCli([...args, '--live', 'aws-config'], { cwd, env: suite.env() })).stdout,
      );
      const offline = JSON.parse(
        (await runCli([...args, '--live', 'snapshot:live.json'], { cwd, env: suite.env() })).stdout,
      );
      expect(offline.drift).toEqual(online.drift);
      expect(offline.violations.map((v: { ruleId: string; key: string }) => `${v.ruleId} ${v.key}`)).toEqual(
        online.violations.map((v: { ruleId: string; key: string }) => `${v.ruleId} ${v.key}`),
      );
    }, 30_000);

    it('scans through an aggregator with the aggregate list and batch calls', async () => {
      const cwd = tempDir();
      const result = await runCli(
        [
          'scan',
          '--live',
          'aws-config:aggregator=org;types=aws_s3_bucket,aws_iam_policy',
          '--format',
          'json',
          '--fail-on',
          'none',
        ],
        {
          cwd,
          env: suite.env(),
        },
      );
      const report = JSON.parse(result.stdout);
      expect(report.scan.sources[0]).toMatchObject({ location: 'aggregator org', status: 'ok' });
      expect(report.scan.sources[0].stats.ListAggregateDiscoveredResources).toBeGreaterThan(0);
      expect(report.scan.sources[0].stats.BatchGetAggregateResourceConfig).toBeGreaterThan(0);
      expect(suite.proxy.count('ListDiscoveredResources')).toBe(0);
      expect(report.drift.map((d: { key: string }) => d.key)).toEqual([
        'aws_iam_policy.arn:aws:iam::123456789012:policy/admin-star',
        'aws_s3_bucket.acme-data',
        'aws_s3_bucket.tfstate',
      ]);
      expect(
        report.violations.some(
          (v: { ruleId: string; origin: string }) => v.ruleId === 'DW-AWS-IAM-001' && v.origin === 'live',
        ),
      ).toBe(true);
    }, 30_000);

    it('an unknown aggregator, and a region with no recorder, fail clearly and leave the scan incomplete', async () => {
      const cwd = tempDir();
      const unknown = await runCli(['scan', '--live', 'aws-config:aggregator=nope', '--format', 'json'], {
        cwd,
        env: suite.env(),
      });
      expect(unknown.code).toBe(3);
      expect(JSON.parse(unknown.stdout).scan.sources[0].error).toContain(
        'configuration aggregator does not exist',
      );
      const regions = await runCli(
        ['scan', '--live', 'aws-config:regions=us-east-1,eu-west-1', '--format', 'json', '--fail-on', 'none'],
        { cwd, env: suite.env() },
      );
      expect(regions.code).toBe(3);
      const sources = JSON.parse(regions.stdout).scan.sources.map(
        (s: { location: string; status: string }) => [s.location, s.status],
      );
      expect(sources).toEqual([
        ['aws-config us-east-1', 'ok'],
        ['aws-config eu-west-1', 'failed'],
      ]);
    }, 30_000);

    it('--follow-backends reads the state the backend block names, and checks the code beside it', async () => {
      const cwd = tempDir({
        'network/main.tf': [
          'terraform {',
          '  backend "s3" {',
          '    bucket = "tfstate"',
          '    key    = "network/terraform.tfstate"',
          '    region = "us-east-1"',
          '  }',
          '}',
          'resource "aws_s3_bucket" "data" {',
          '  bucket = "acme-data"',
          '}',
          '',
        ].join('\n'),
      });
      const { simpleGit } = await import('simple-git');
      await simpleGit(cwd).init();
      const result = await runCli(
        [
          'scan',
          '--repo',
          '.',
          '--follow-backends',
          '--live',
          'aws-config',
          '--format',
          'json',
          '--fail-on',
          'none',
        ],
        { cwd, env: suite.env() },
      );
      const report = JSON.parse(result.stdout);
      expect(result.code).toBe(0);
      expect(
        report.scan.sources.map((s: { connector: string; location: string; status: string }) => [
          s.connector,
          s.location,
          s.status,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['terraform-state', 's3://tfstate/network/terraform.tfstate', 'ok'],
          ['iac', '.', 'ok'],
        ]),
      );
      // The state's bucket is paired with the live one; only what nobody declared is unmanaged.
      expect(report.summary.declared).toBe(1);
      expect(report.drift.map((d: { kind: string; key: string }) => `${d.kind} ${d.key}`)).toEqual([
        'unmanaged aws_iam_policy.arn:aws:iam::123456789012:policy/admin-star',
        'unmanaged aws_s3_bucket.tfstate',
      ]);
      // --workspace picks the workspace's state the backend names, as it does for --state.
      const staging = JSON.parse(
        (
          await runCli(
            ['scan', '--repo', '.', '--follow-backends', '--workspace', 'staging', '--format', 'json'],
            {
              cwd,
              env: suite.env(),
            },
          )
        ).stdout,
      );
      expect(staging.scan.sources).toContainEqual(
        expect.objectContaining({
          connector: 'terraform-state',
          location: 's3://tfstate/env:/staging/network/terraform.tfstate',
          status: 'ok',
          resources: 1,
        }),
      );
    });

    it('rejects malformed aws-config options with a one-line usage error', async () => {
      const result = await runCli(['scan', '--live', 'aws-config:regions=mars-north-9x'], {
        cwd: tempDir(),
        env: suite.env(),
      });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        'driftwarden: usage error: --live aws-config:regions=mars-north-9x: regions.0: must be AWS region names such as eu-west-1',
      );
    });
  },
);
