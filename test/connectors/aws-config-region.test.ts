import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_REGION_HINT } from '../../connectors/aws-config/region-hint.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, state } from '../helpers/state.js';

/**
 * No region anywhere the SDK looks: the SDK reads these from the process's environment, so the test sets them there
 * (no shared files, instance metadata off: nothing leaves 127.0.0.1).
 */
beforeEach(() => {
  const dir = tempDir();
  vi.stubEnv('AWS_REGION', undefined);
  vi.stubEnv('AWS_DEFAULT_REGION', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_CONFIG_FILE', `${dir}/no-config`);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', `${dir}/no-credentials`);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('aws-config with no region', () => {
  it('says how to set one, and the scan is incomplete', async () => {
    const cwd = tempDir({ 'a.tfstate': state([one('aws_s3_bucket', 'b', { id: 'b' })]) });
    const env = {
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    };
    const result = await runCli(
      ['scan', '--state', 'a.tfstate', '--live', 'aws-config', '--format', 'json'],
      {
        cwd,
        env,
      },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `driftwarden: source failed: DescribeConfigurationRecorders: ${NO_REGION_HINT}\n`,
    );
    expect(NO_REGION_HINT).toContain('--live aws-config:regions=eu-west-1');
  });
});
