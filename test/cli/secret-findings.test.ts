import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { state } from '../helpers/state.js';

/**
 * The secrets rules report a plaintext secret in each of the four shapes (a Lambda environment, an ECS container
 * environment, EC2 user data, App Service settings) while no output of any format, and no file the scan writes,
 * holds the secret or any part of it.
 */
const SECRETS = {
  lambdaPassword: 'Pl4nted-DB-Passw0rd!',
  lambdaKeyId: `AKIA${'PL4NTEDLAMBDA000'}`,
  ecsToken: `ghp_${'Pl4ntedEcsToken0000000000000000000'}`,
  userDataKeyId: `AKIA${'PL4NTEDUSERDATA0'}`,
  userDataKey: 'wJalrXUtnFEMIpl4ntedUserDataKEYbPxRfiCYz',
  appAccountKey: 'cGw0bnRlZC1henVyZS1hY2NvdW50LWtleQ==',
};
const PARTS = Object.values(SECRETS).flatMap((secret) => [secret, secret.slice(0, 12), secret.slice(-12)]);

const userData = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${SECRETS.userDataKeyId}\nexport AWS_SECRET_ACCESS_KEY=${SECRETS.userDataKey}\n`;

function plantedEstate(): string {
  return tempDir({
    'prod.tfstate': state([
      {
        type: 'aws_lambda_function',
        name: 'api',
        instances: [
          {
            attributes: {
              id: 'api',
              function_name: 'api',
              environment: [
                {
                  variables: {
                    DB_PASSWORD: SECRETS.lambdaPassword,
                    UPSTREAM: SECRETS.lambdaKeyId,
                    DB_PASSWORD_ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbC123',
                  },
                },
              ],
            },
          },
        ],
      },
      {
        type: 'aws_ecs_task_definition',
        name: 'api',
        instances: [
          {
            attributes: {
              id: 'api',
              arn: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/api:3',
              family: 'api',
              container_definitions: JSON.stringify([
                {
                  name: 'api',
                  image: 'api:1.4.2',
                  environment: [
                    { name: 'LOG_LEVEL', value: 'info' },
                    { name: 'GITHUB_TOKEN', value: SECRETS.ecsToken },
                  ],
                },
              ]),
            },
          },
        ],
      },
      {
        type: 'aws_launch_template',
        name: 'app',
        instances: [
          {
            attributes: {
              id: 'lt-0123456789abcdef0',
              name: 'app',
              user_data: Buffer.from(userData).toString('base64'),
            },
          },
        ],
      },
      {
        type: 'azurerm_linux_web_app',
        name: 'api',
        instances: [
          {
            attributes: {
              id: '/subscriptions/0000/resourceGroups/app/providers/Microsoft.Web/sites/api',
              name: 'api',
              app_settings: {
                Storage: `DefaultEndpointsProtocol=https;AccountName=app;AccountKey=${SECRETS.appAccountKey};`,
                DB_PASSWORD: '@Microsoft.KeyVault(SecretUri=https://app.vault.azure.net/secrets/db/)',
              },
            },
          },
        ],
      },
    ]),
  });
}

function expectNoSecret(text: string, where: string): void {
  for (const part of PARTS)
    expect(text.includes(part), `a secret (${part.length} chars) in ${where}`).toBe(false);
}

/** Every file under the directory, read up to 4 MiB each. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) found.push(...filesUnder(path));
    else if (stats?.isFile() && stats.size < 4 * 1024 * 1024) found.push(path);
  }
  return found;
}

describe('a plaintext secret is reported and never printed', () => {
  it('every format: the four findings, with no secret in any output or file', async () => {
    const cwd = plantedEstate();
    // The scans (in this process) get a temporary directory of their own, so that every file the tool leaves
    // there is checked, and nothing other test files write to the shared one at the same time is.
    const tmp = mkdtempSync(join(tmpdir(), 'driftwarden-test-tmp-'));
    const sharedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    onTestFinished(() => {
      if (sharedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = sharedTmp;
      rmSync(tmp, { recursive: true, force: true });
    });
    for (const format of REPORT_FORMATS) {
      const result = await runCli(
        [
          'scan',
          '--state',
          'prod.tfstate',
          '--format',
          format,
          '--output',
          `${format}=${format}.out`,
          '--debug',
        ],
        { cwd },
      );
      expect(result.code, `${format}: ${result.stderr}`).toBe(1);
      for (const rule of [
        'DW-AWS-SECRETS-001',
        'DW-AWS-SECRETS-002',
        'DW-AWS-SECRETS-003',
        'DW-AZ-SECRETS-001',
      ])
        expect(result.stdout, `${format} names ${rule}`).toContain(rule);
      expectNoSecret(result.stdout, `${format} stdout`);
      expectNoSecret(result.stderr, `${format} stderr`);
    }
    for (const file of filesUnder(cwd)) {
      if (file.endsWith('prod.tfstate')) continue;
      expectNoSecret(readFileSync(file, 'utf8'), file);
    }
    for (const file of filesUnder(tmp)) expectNoSecret(readFileSync(file, 'utf8'), file);
  });

  it('the findings name the setting and the kind of secret', async () => {
    const cwd = plantedEstate();
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--format', 'json'], { cwd });
    const report = JSON.parse(result.stdout) as {
      violations: { ruleId: string; path: string; message: string }[];
    };
    const found = report.violations
      .filter((v) => v.ruleId.includes('SECRETS'))
      .map(({ ruleId, path, message }) => ({ ruleId, path, message }))
      .sort((a, b) => `${a.ruleId} ${a.path}`.localeCompare(`${b.ruleId} ${b.path}`));
    expect(found).toEqual([
      {
        ruleId: 'DW-AWS-SECRETS-001',
        path: 'environment[0].variables.DB_PASSWORD',
        message: 'environment variable DB_PASSWORD holds a secret in plain text',
      },
      {
        ruleId: 'DW-AWS-SECRETS-001',
        path: 'environment[0].variables.UPSTREAM',
        message: 'environment variable UPSTREAM holds an AWS access key id in plain text',
      },
      {
        ruleId: 'DW-AWS-SECRETS-002',
        path: 'container_definitions[0].environment[1].value',
        message:
          'container api: environment variable GITHUB_TOKEN holds a GitHub token in plain text (pass it in secrets with valueFrom)',
      },
      {
        ruleId: 'DW-AWS-SECRETS-003',
        path: 'user_data',
        message: 'user data holds an AWS access key id in plain text',
      },
      {
        ruleId: 'DW-AZ-SECRETS-001',
        path: 'app_settings.Storage',
        message: 'app setting Storage holds a connection string with a password or key in plain text',
      },
    ]);
  });
});
