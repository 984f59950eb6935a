import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsConfigError, createConfigApi } from '../../connectors/aws-config/client.js';
import { DriftwardenError } from '../../src/errors.js';
import { motoAvailable, motoRequired, useMoto } from '../helpers/moto.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

describe.runIf(motoAvailable || motoRequired)('aws-config client errors against moto', () => {
  const suite = useMoto({ beforeAll, afterAll });
  const api = () => createConfigApi('us-east-1', { ...suite.env(), DRIFTWARDEN_AWS_MAX_ATTEMPTS: '2' });

  beforeEach(() => suite.proxy.clear());

  async function failure(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  it('access denied is one DriftwardenError with code source, kind access-denied, and the SDK error as cause', async () => {
    suite.proxy.inject({
      operation: 'DescribeConfigurationRecorders',
      fault: 'denied',
      times: Number.POSITIVE_INFINITY,
    });
    const error = await failure(async () => (await api()).describeRecorders());
    expect(error).toBeInstanceOf(DriftwardenError);
    expect(error).toMatchObject({ code: 'source', kind: 'access-denied' });
    expect((error as AwsConfigError).message).toMatch(/^DescribeConfigurationRecorders: access denied \(/);
    expect((error as AwsConfigError).cause).toBeInstanceOf(Error);
    expect((error as { cause: Error }).cause).not.toBeInstanceOf(DriftwardenError);
  }, 30_000);

  it('throttled out after retries is one DriftwardenError with code source and kind throttled', async () => {
    suite.proxy.inject({
      operation: 'SelectResourceConfig',
      fault: 'throttle',
      times: Number.POSITIVE_INFINITY,
    });
    const error = await failure(async () => (await api()).selectTags('AWS::S3::Bucket'));
    expect(error).toBeInstanceOf(DriftwardenError);
    expect(error).toMatchObject({
      code: 'source',
      kind: 'throttled',
      message: 'SelectResourceConfig: still throttled after retries',
    });
    expect(suite.proxy.count('SelectResourceConfig')).toBe(2);
    expect((error as { cause: Error }).cause).toBeInstanceOf(Error);
  }, 60_000);
});
