import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useMoto } from '../helpers/moto.js';
import { state } from '../helpers/state.js';
import { ROOT } from '../helpers/type-forms.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ACCOUNT = '123456789012';

/**
 * A CloudFront distribution declared, and AWS Config (moto) recording all supported types, with the global IAM
 * bundle off: AWS Config records CloudFront only in us-east-1, so a scan of eu-west-1 alone does not compare the
 * distribution (before, it listed CloudFront there, found none, and called it missing). A scan that also reads
 * us-east-1 compares it: moto records no CloudFront, so there it is missing, as it would be in AWS. The pairing of
 * a recorded distribution in us-east-1 is test/connectors/aws-config-home-region.test.ts.
 */
describe('aws-config home-region types against moto', () => {
  const suite = useMoto({ beforeAll, afterAll });
  const distribution = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/types/aws/cloudfront-distribution.json'), 'utf8'),
  ).forms.state.resources[0].attributes;

  beforeEach(async () => {
    await suite.moto.reset();
    suite.proxy.clear();
    for (const region of ['eu-west-1', 'us-east-1']) {
      await new ConfigServiceClient({ ...suite.direct, region }).send(
        new PutConfigurationRecorderCommand({
          ConfigurationRecorder: {
            name: 'default',
            roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: false },
          },
        }),
      );
    }
  }, 30_000);

  async function scan(regions: string) {
    const cwd = tempDir({
      'prod.tfstate': state([
        { type: 'aws_cloudfront_distribution', name: 'site', instances: [{ attributes: distribution }] },
      ]),
    });
    const live = `aws-config:regions=${regions};types=aws_cloudfront_distribution,aws_s3_bucket`;
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--live', live, '--format', 'json'], {
      cwd,
      env: suite.env(),
    });
    return JSON.parse(result.stdout);
  }

  it('eu-west-1 alone: the distribution is not compared, never missing, and the report says why', async () => {
    const report = await scan('eu-west-1');
    expect(report.drift).toEqual([]);
    expect(report.summary).toMatchObject({ declared: 1, missing: 0, notCompared: 1 });
    expect(report.scan.complete).toBe(true);
    expect(
      report.scan.diagnostics.filter((d: { code: string }) => d.code === 'aws-config.home-region'),
    ).toEqual([
      {
        level: 'info',
        code: 'aws-config.home-region',
        message:
          'recorded by AWS Config only in us-east-1, so not compared here: aws_cloudfront_distribution',
        source: 'aws-config eu-west-1',
      },
    ]);
    const source = report.scan.sources.find(
      (s: { location: string }) => s.location === 'aws-config eu-west-1',
    );
    expect(source.coveredTypes).toEqual(['aws_s3_bucket']);
    expect(suite.proxy.requests.filter((r) => r === 'ListDiscoveredResources')).toHaveLength(1);
  }, 60_000);

  it('eu-west-1 and us-east-1: us-east-1 compares the distribution (moto records none, so it is missing)', async () => {
    const report = await scan('eu-west-1,us-east-1');
    expect(report.drift.map((d: { kind: string; key: string }) => `${d.kind} ${d.key}`)).toEqual([
      `missing aws_cloudfront_distribution.${distribution.id}`,
    ]);
    const source = report.scan.sources.find(
      (s: { location: string }) => s.location === 'aws-config us-east-1',
    );
    expect(source.coveredTypes).toEqual(['aws_cloudfront_distribution', 'aws_s3_bucket']);
  }, 60_000);
});
