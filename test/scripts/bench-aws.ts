/**
 * `npm run bench:aws`: API efficiency of the aws-config connector against moto's server on 127.0.0.1. Seeds an
 * estate of 1,000+ resources, scans it, and compares the calls made with the minimum: one list call per 100
 * resources of a type (at least one per type) plus one batch call per 100 resources.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreatePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { packageRoot } from '../../src/util/package-info.js';
import { AwsProxy, freePort } from '../helpers/moto.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const counts = {
  buckets: Number(process.env.BENCH_BUCKETS ?? 800),
  policies: Number(process.env.BENCH_POLICIES ?? 150),
  roles: 60,
  topics: 40,
};

async function main(): Promise<void> {
  const port = await freePort();
  const moto: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${endpoint}/moto-api/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const common = {
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    const s3 = new S3Client({ ...common, forcePathStyle: true });
    const iam = new IAMClient(common);
    const sns = new SNSClient(common);
    const seedStarted = performance.now();
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const batch = async (n: number, make: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < n; i += 20)
        await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, j) => make(i + j)));
    };
    await batch(counts.buckets, (i) =>
      s3.send(new CreateBucketCommand({ Bucket: `bench-bucket-${String(i).padStart(5, '0')}` })),
    );
    await batch(counts.policies, (i) =>
      iam.send(new CreatePolicyCommand({ PolicyName: `bench-policy-${i}`, PolicyDocument: doc })),
    );
    await batch(counts.roles, (i) =>
      iam.send(new CreateRoleCommand({ RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: trust })),
    );
    await batch(counts.topics, (i) => sns.send(new CreateTopicCommand({ Name: `bench-topic-${i}` })));
    await new ConfigServiceClient(common).send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name: 'default',
          roleARN: 'arn:aws:iam::123456789012:role/config',
          recordingGroup: {
            allSupported: false,
            resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::SNS::Topic'],
          },
        },
      }),
    );
    const total = counts.buckets + counts.policies + counts.roles + counts.topics;
    console.log(
      `seeded ${total} resources in moto (${counts.buckets} buckets, ${counts.policies} policies, ${counts.roles} roles, ${counts.topics} topics) in ${Math.round(performance.now() - seedStarted)} ms`,
    );

    // moto writes timestamps as date strings where AWS sends epoch seconds; the test proxy rewrites them.
    const proxy = new AwsProxy(endpoint);
    await proxy.start();
    const bin = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');
    const started = performance.now();
    // Asynchronously: the proxy runs in this process and must keep serving while the scan runs.
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      [bin, 'scan', '--live', 'aws-config', '--format', 'json', '--fail-on', 'none', '--no-builtin-policies'],
      {
        env: {
          ...process.env,
          AWS_ENDPOINT_URL: proxy.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'testing',
          AWS_SECRET_ACCESS_KEY: 'testing',
        },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    const wall = Math.round(performance.now() - started);
    const report = JSON.parse(out);
    const source = report.scan.sources[0];
    const stats = source.stats as Record<string, number>;
    const perType = [counts.buckets, counts.policies, counts.roles, counts.topics];
    const minList = perType.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / 100)), 0);
    const minBatch = perType.reduce((sum, n) => sum + Math.ceil(n / 100), 0);
    console.log(`scan: ${wall} ms end to end, ${source.resources} resources read, status ${source.status}`);
    console.log(`ListDiscoveredResources: ${stats.ListDiscoveredResources} (minimum ${minList})`);
    console.log(`BatchGetResourceConfig:  ${stats.BatchGetResourceConfig} (minimum ${minBatch})`);
    console.log(
      `other calls: ${Object.entries(stats)
        .filter(([k]) => !['ListDiscoveredResources', 'BatchGetResourceConfig', 'httpRequests'].includes(k))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(`HTTP requests in all (with retries): ${stats.httpRequests}`);
    const calls = (stats.ListDiscoveredResources ?? 0) + (stats.BatchGetResourceConfig ?? 0);
    console.log(
      `list + batch calls: ${calls}, minimum ${minList + minBatch}, ratio ${(calls / (minList + minBatch)).toFixed(2)}`,
    );
    console.log(`requests seen by the proxy: ${proxy.requests.length}`);
    await proxy.stop();
    if (source.resources !== total) process.exitCode = 1;
  } finally {
    moto.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
