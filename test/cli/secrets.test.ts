import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { snapshot, state } from '../helpers/state.js';

/** Planted secrets: each must never appear in any output, whatever the format or failure. */
const SECRETS = {
  dbPassword: 'Pl4nted-DB-Passw0rd!',
  sensitiveInput: 'pl4nted-sensitive-input-value',
  nestedKey: '-----BEGIN RSA PRIVATE KEY-----MIIEpl4nted',
  accessSecret: 'wJalrXUtnFEMIpl4ntedK7MDENGbPxRfiCY',
  liveToken: 'ghp_pl4ntedLiveToken0000000000000000',
  nearCorruption: 'pl4nted-next-to-a-syntax-error',
};

function plantedEstate() {
  return tempDir({
    'prod.tfstate': state([
      {
        type: 'aws_db_instance',
        name: 'app',
        instances: [
          {
            attributes: {
              id: 'app-db',
              identifier: 'app-db',
              password: SECRETS.dbPassword,
              engine: 'postgres',
            },
            sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
          },
        ],
      },
      {
        type: 'terraform_data',
        name: 'secret',
        instances: [
          {
            attributes: { id: 'td-1', input: { value: SECRETS.sensitiveInput, type: 'string' } },
            sensitive_attributes: [[{ type: 'get_attr', value: 'input' }]],
          },
        ],
      },
      {
        type: 'tls_private_key',
        name: 'k',
        instances: [
          {
            attributes: {
              id: 'key-1',
              algorithm: 'RSA',
              private_key_pem: SECRETS.nestedKey,
              settings: { private_key: SECRETS.nestedKey },
            },
          },
        ],
      },
      {
        type: 'aws_iam_access_key',
        name: 'ci',
        instances: [{ attributes: { id: 'AKIAEXAMPLE', user: 'ci', secret: SECRETS.accessSecret } }],
      },
    ]),
    // The live side reports a different password for the DB and a token in plain text: both must be masked.
    'live.json': snapshot(
      [
        {
          type: 'aws_db_instance',
          id: 'app-db',
          attributes: { identifier: 'app-db', password: 'different-live-password', engine: 'postgres' },
        },
        {
          type: 'aws_iam_access_key',
          id: 'AKIAEXAMPLE',
          attributes: { user: 'ci', secret: SECRETS.accessSecret },
        },
        {
          type: 'github_actions_secret',
          id: 'repo:TOKEN',
          attributes: { plaintext_value: 'x', auth_token: SECRETS.liveToken },
        },
      ],
      ['*'],
    ),
    'corrupt.tfstate': `{"version": 4, "resources": [{"password": "${SECRETS.nearCorruption}" oops}]}`,
  });
}

function expectNoSecret(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(text.includes(secret), `${name} leaked into ${where}`).toBe(false);
  }
  expect(text.includes('different-live-password'), `live password leaked into ${where}`).toBe(false);
}

describe('no sensitive value reaches any output', () => {
  it('every format, on stdout and in report files, including a changed secret', async () => {
    const cwd = plantedEstate();
    for (const format of REPORT_FORMATS) {
      const result = await runCli(
        [
          'scan',
          '--state',
          'prod.tfstate',
          '--live',
          'snapshot:live.json',
          '--format',
          format,
          '--output',
          `json=${format}.json`,
          '--output',
          `${format}=${format}.out`,
          '--debug',
        ],
        { cwd },
      );
      expect(result.code).toBe(1);
      expectNoSecret(result.stdout, `${format} stdout`);
      expectNoSecret(result.stderr, `${format} stderr`);
      expectNoSecret(readFileSync(join(cwd, `${format}.json`), 'utf8'), `${format} report file`);
      expectNoSecret(readFileSync(join(cwd, `${format}.out`), 'utf8'), `${format} output file`);
    }
    const report = JSON.parse(readFileSync(join(cwd, 'json.json'), 'utf8'));
    const db = report.drift.find((d: { key: string }) => d.key === 'aws_db_instance.app-db');
    expect(db.changes).toEqual([{ path: 'password', declared: '(sensitive)', live: '(sensitive)' }]);
    expect(JSON.stringify(report)).not.toContain('__sensitive');
  });

  it('error messages about a corrupt state never quote its content, with or without --debug', async () => {
    const cwd = plantedEstate();
    for (const extra of [[], ['--debug']]) {
      const result = await runCli(
        ['scan', '--state', 'corrupt.tfstate', '--live', 'snapshot:live.json', ...extra],
        { cwd },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('corrupt.tfstate: invalid JSON (syntax error at line 1, column');
      expectNoSecret(result.stderr + result.stdout, `error output ${extra.join(' ')}`);
    }
    const partial = await runCli(
      [
        'scan',
        '--state',
        'corrupt.tfstate',
        '--state',
        'prod.tfstate',
        '--live',
        'snapshot:live.json',
        '--format',
        'json',
      ],
      { cwd },
    );
    expect(partial.code).toBe(3);
    expectNoSecret(partial.stdout + partial.stderr, 'partial report');
  });
});

describe('a value Terraform marks sensitive is masked on the live side too', () => {
  it('the live value at a declared sensitive path never appears, in a change or anywhere else', async () => {
    const LIVE_SECRET = 'pl4nted-live-policy-value';
    const cwd = tempDir({
      'prod.tfstate': state([
        {
          type: 'aws_sns_topic',
          name: 't',
          instances: [
            {
              attributes: {
                id: 'arn:aws:sns:eu-west-1:1:t',
                arn: 'arn:aws:sns:eu-west-1:1:t',
                name: 't',
                display_name: 'declared-secret',
              },
              sensitive_attributes: [[{ type: 'get_attr', value: 'display_name' }]],
            },
          ],
        },
      ]),
      'live.json': snapshot([
        {
          type: 'aws_sns_topic',
          id: 'arn:aws:sns:eu-west-1:1:t',
          attributes: { arn: 'arn:aws:sns:eu-west-1:1:t', name: 't', display_name: LIVE_SECRET },
        },
      ]),
    });
    for (const format of REPORT_FORMATS) {
      const result = await runCli(
        [
          'scan',
          '--state',
          'prod.tfstate',
          '--live',
          'snapshot:live.json',
          '--format',
          format,
          '--fail-on',
          'none',
        ],
        { cwd },
      );
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(LIVE_SECRET);
      expect(result.stdout + result.stderr).not.toContain('declared-secret');
    }
    const report = JSON.parse(
      (
        await runCli(
          ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
          { cwd },
        )
      ).stdout,
    );
    // Still drift: the digests differ.
    expect(report.drift[0].changes).toEqual([
      { path: 'display_name', declared: '(sensitive)', live: '(sensitive)' },
    ]);
  });
});

/**
 * Secrets that no attribute name gives away: settings maps under innocent names, credential-shaped values in
 * descriptions, user data and tags, and a sensitive list element the live side moved. Each planted value is
 * distinct, so a leak names itself.
 */
const PLANTED = {
  lambdaDeclared: 'sk_live_pl4ntedStripeDeclared',
  lambdaLive: 'sk_live_pl4ntedStripeChangedLive',
  ecsDeclared: 'pl4nted-ecs-env-declared',
  ecsLive: 'pl4nted-ecs-env-live',
  ecsSecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:pl4nted-db',
  appSettingDeclared: 'pl4nted-app-setting-declared',
  appSettingLive: 'pl4nted-app-setting-live',
  accessKeyId: 'AKIAIOSFODNN7PL4NTED',
  accessKeyIdLive: 'AKIAIOSFODNN7LIVEPL4',
  privateKeyBody: 'MIIEpl4ntedPrivateKeyBody',
  privateKeyBodyLive: 'MIIEpl4ntedLivePrivateKeyBody',
  accountKey: 'pl4ntedAccountKeyValue0123456789+abc==',
  accountKeyLive: 'pl4ntedLiveAccountKeyValue0123456789+xyz==',
  githubDeclared: 'ghp_pl4ntedDeclaredToken000000000000000',
  githubLive: 'ghp_pl4ntedLiveChangedToken00000000000',
  listSecret: 'pl4nted-list-element',
  listExtra: 'pl4nted-extra-live-element',
};

const APP_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Web/sites/app';

function containerDefinitions(value: string): string {
  return JSON.stringify([
    {
      name: 'app',
      image: 'app:1',
      environment: [{ name: 'PAYMENTS_CONFIG', value }],
      secrets: [{ name: 'DB', valueFrom: PLANTED.ecsSecretArn }],
    },
  ]);
}

function unnamedSecretsEstate() {
  // Every value differs between the sides, so that each is a change a report would show.
  const shaped = (side: 'declared' | 'live') => {
    const live = side === 'live';
    const key = live ? PLANTED.privateKeyBodyLive : PLANTED.privateKeyBody;
    return {
      description: `deploy key ${live ? PLANTED.accessKeyIdLive : PLANTED.accessKeyId}`,
      user_data: `#!/bin/sh\necho '-----BEGIN RSA PRIVATE KEY-----\n${key}\n-----END RSA PRIVATE KEY-----' > /k\n`,
      tags: {
        Storage: `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${live ? PLANTED.accountKeyLive : PLANTED.accountKey}`,
        Note: live ? PLANTED.githubLive : PLANTED.githubDeclared,
      },
    };
  };
  return tempDir({
    'prod.tfstate': state([
      {
        type: 'aws_lambda_function',
        name: 'pay',
        instances: [
          {
            attributes: {
              id: 'pay',
              function_name: 'pay',
              runtime: 'nodejs20.x',
              environment: [{ variables: { STRIPE_KEY: PLANTED.lambdaDeclared, REGION: 'eu-west-1' } }],
            },
          },
        ],
      },
      {
        type: 'aws_ecs_task_definition',
        name: 'app',
        instances: [
          {
            attributes: {
              id: 'app',
              family: 'app',
              container_definitions: containerDefinitions(PLANTED.ecsDeclared),
            },
          },
        ],
      },
      {
        type: 'azurerm_linux_web_app',
        name: 'app',
        instances: [
          {
            attributes: {
              id: APP_ID,
              name: 'app',
              https_only: true,
              app_settings: { STRIPE_KEY: PLANTED.appSettingDeclared },
            },
          },
        ],
      },
      {
        type: 'aws_instance',
        name: 'web',
        instances: [{ attributes: { id: 'i-0123456789abcdef0', ...shaped('declared') } }],
      },
      {
        type: 'aws_ssm_document',
        name: 'd',
        instances: [
          {
            attributes: { id: 'doc', name: 'doc', allowed_values: ['public', PLANTED.listSecret] },
            sensitive_attributes: [
              [
                { type: 'get_attr', value: 'allowed_values' },
                { type: 'index', value: { value: 1, type: 'number' } },
              ],
            ],
          },
        ],
      },
    ]),
    'live.json': snapshot(
      [
        {
          type: 'aws_lambda_function',
          id: 'pay',
          attributes: {
            function_name: 'pay',
            runtime: 'nodejs20.x',
            environment: [{ variables: { STRIPE_KEY: PLANTED.lambdaLive, REGION: 'eu-west-1' } }],
          },
        },
        {
          type: 'aws_ecs_task_definition',
          id: 'app',
          attributes: { family: 'app', container_definitions: containerDefinitions(PLANTED.ecsLive) },
        },
        {
          type: 'azurerm_linux_web_app',
          id: APP_ID,
          attributes: { name: 'app', https_only: true, app_settings: { STRIPE_KEY: PLANTED.appSettingLive } },
        },
        { type: 'aws_instance', id: 'i-0123456789abcdef0', attributes: shaped('live') },
        {
          type: 'aws_ssm_document',
          id: 'doc',
          attributes: { name: 'doc', allowed_values: [PLANTED.listSecret, 'public', PLANTED.listExtra] },
        },
      ],
      ['*'],
    ),
  });
}

function expectNonePlanted(text: string, where: string): void {
  for (const [name, secret] of Object.entries(PLANTED)) {
    expect(text.includes(secret), `${name} leaked into ${where}`).toBe(false);
  }
}

describe('secrets no attribute name gives away never reach any output', () => {
  const FORMATS = REPORT_FORMATS;

  it('settings maps, secret-shaped values and a moved list element: stdout, stderr, every report file', async () => {
    const cwd = unnamedSecretsEstate();
    for (const debug of [[], ['--debug']]) {
      for (const format of FORMATS) {
        const result = await runCli(
          [
            'scan',
            '--state',
            'prod.tfstate',
            '--live',
            'snapshot:live.json',
            '--format',
            format,
            ...FORMATS.flatMap((f) => ['--output', `${f}=report.${f}`]),
            ...debug,
          ],
          { cwd },
        );
        const where = `${format}${debug.length > 0 ? ' --debug' : ''}`;
        expect(result.code, `${where}: ${result.stderr}`).toBe(1);
        expectNonePlanted(result.stdout, `${where} stdout`);
        expectNonePlanted(result.stderr, `${where} stderr`);
        for (const f of FORMATS) {
          expectNonePlanted(readFileSync(join(cwd, `report.${f}`), 'utf8'), `${where}: the ${f} report file`);
        }
      }
    }
  });

  it('a changed secret still shows as changed, as "(sensitive)" on both sides', async () => {
    const cwd = unnamedSecretsEstate();
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json', '--format', 'json'],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    const changes = (key: string) =>
      report.drift.find((d: { key: string }) => d.key.toLowerCase() === key.toLowerCase())?.changes;
    const hidden = { declared: '(sensitive)', live: '(sensitive)' };
    expect(changes('aws_lambda_function.pay')).toEqual([
      { path: 'environment[0].variables.STRIPE_KEY', ...hidden },
    ]);
    expect(changes('aws_ecs_task_definition.app')).toEqual([
      { path: 'container_definitions[0].environment[0].value', ...hidden },
    ]);
    expect(changes(`azurerm_linux_web_app.${APP_ID}`)).toEqual([
      { path: 'app_settings.STRIPE_KEY', ...hidden },
    ]);
    expect(changes('aws_instance.i-0123456789abcdef0')).toEqual([
      { path: 'description', ...hidden },
      { path: 'tags.Note', ...hidden },
      { path: 'tags.Storage', ...hidden },
      { path: 'user_data', ...hidden },
    ]);
    // The moved secret and the extra live element show only as "(sensitive)"; the order of the list may show.
    const moved: { declared: unknown; live: unknown }[] = changes('aws_ssm_document.doc');
    expect(moved.length).toBeGreaterThan(0);
    for (const change of moved) {
      expect(['(sensitive)', 'public', null]).toContain(change.declared);
      expect(['(sensitive)', 'public', null]).toContain(change.live);
    }
    expect(JSON.stringify(report)).not.toContain('__sensitive');
  });

  it('error messages redact what looks like a credential, with or without --debug', async () => {
    const cwd = unnamedSecretsEstate();
    for (const debug of [[], ['--debug']]) {
      for (const spec of [
        `https://deploy:${PLANTED.listSecret}@example.com/prod.tfstate`,
        `missing-${PLANTED.githubLive}.tfstate`,
      ]) {
        const result = await runCli(['scan', '--state', spec, '--live', 'snapshot:live.json', ...debug], {
          cwd,
        });
        expect(result.code).toBe(2);
        expectNonePlanted(result.stdout + result.stderr, `the error for ${spec} ${debug.join(' ')}`);
      }
    }
  });
});
