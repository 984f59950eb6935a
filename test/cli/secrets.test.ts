import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    for (const format of ['table', 'json', 'markdown', 'sarif', 'html', 'junit']) {
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
    for (const format of ['json', 'table', 'markdown', 'sarif', 'html', 'junit']) {
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
