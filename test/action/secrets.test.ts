import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import {
  eventFile,
  gitRepository,
  pullRequestEnv,
  pullRequestGitHub,
  type RunResult,
  runActionBundle,
} from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { snapshot, state } from '../helpers/state.js';

/**
 * Planted secrets through every output of the Action: workflow commands and annotations on stdout, the rest of the
 * job log on stderr, the outputs file, the job summary, every body sent to GitHub (comment, tracking issue, SARIF
 * upload), the SARIF file, and anything left in the temporary directory. Secrets sit in state under secret names, in environment and settings
 * maps under innocent names, as secret-shaped values under innocent attributes, and in a file outside the
 * workspace that the pull request's own config tries to read.
 */
const SECRETS = {
  dbPassword: 'Pl4nted-DB-Passw0rd-action!',
  stripe: 'sk_live_pl4ntedStripeKey000000000',
  stripeLive: 'sk_live_pl4ntedStripeKeyROTATED0',
  appSetting: 'pl4nted-app-setting-connection-value',
  appSettingLive: 'pl4nted-app-setting-changed-by-hand',
  awsKey: 'AKIAPL4NTEDEXAMPLE00',
  ghToken: 'ghp_pl4ntedInnocentDescription00000000',
  outside: 'pl4nted-outside-the-workspace-secret',
};

function estate(): Record<string, string> {
  return {
    'driftwarden.yml': 'state: states/*.tfstate\nlive: [snapshot:live.json]\n',
    'states/prod.tfstate': state([
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
        type: 'aws_lambda_function',
        name: 'pay',
        instances: [
          {
            attributes: {
              id: 'pay',
              function_name: 'pay',
              description: `rotated with ${SECRETS.ghToken}`,
              environment: [{ variables: { STRIPE_KEY: SECRETS.stripe, REGION: 'eu-west-1' } }],
              tags: { owner: SECRETS.awsKey },
            },
          },
        ],
      },
      {
        type: 'azurerm_linux_web_app',
        name: 'web',
        instances: [
          {
            attributes: {
              id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/web',
              name: 'web',
              app_settings: { DATABASE: SECRETS.appSetting },
            },
          },
        ],
      },
    ]),
    'live.json': snapshot([
      { type: 'aws_db_instance', id: 'app-db', attributes: { identifier: 'app-db', engine: 'postgres' } },
      {
        type: 'aws_lambda_function',
        id: 'pay',
        attributes: {
          function_name: 'pay',
          description: `rotated with ${SECRETS.ghToken}`,
          environment: [{ variables: { STRIPE_KEY: SECRETS.stripeLive, REGION: 'eu-west-1' } }],
          tags: { owner: 'platform' },
        },
      },
      {
        type: 'azurerm_linux_web_app',
        id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/web',
        attributes: { name: 'web', app_settings: { DATABASE: SECRETS.appSettingLive } },
      },
    ]),
  };
}

function everything(result: RunResult, github: FakeGitHub, workspace: string): string {
  const sarifFiles = readdirSync(workspace).filter((f) => f.endsWith('.sarif'));
  return [
    result.stdout,
    result.stderr,
    result.outputs,
    result.summary,
    JSON.stringify(github.requests.map((r) => r.body)),
    JSON.stringify(github.issues),
    JSON.stringify(github.comments),
    ...sarifFiles.map((f) => readFileSync(join(workspace, f), 'utf8')),
  ].join('\n');
}

function assertNoSecret(text: string): void {
  for (const [name, secret] of Object.entries(SECRETS))
    expect(text.includes(secret), `${name} leaked`).toBe(false);
}

describe('no secret reaches any output of the Action', () => {
  const { github } = pullRequestGitHub();

  it('on a pull request that changes the secrets and points its config at a file outside the workspace', async () => {
    const outside = tempDir({
      'stolen.tfstate': state([]).replace('"outputs": {}', `"outputs": {"x": "${SECRETS.outside}"}`),
    });
    const head = estate();
    head['driftwarden.yml'] =
      `state: [states/*.tfstate, ${join(outside, 'stolen.tfstate')}, ../../stolen.tfstate]\nlive: [snapshot:live.json]\n`;
    // The pull request touches the drifted function, so its drift (a changed secret among it) is in the comment.
    head['states/prod.tfstate'] = (head['states/prod.tfstate'] ?? '').replace('eu-west-1', 'eu-west-2');
    const repo = await gitRepository(estate(), head);
    const result = await runActionBundle({
      ...pullRequestEnv(repo, github.url),
      'INPUT_UPLOAD-SARIF': 'true',
      'INPUT_FAIL-ON': 'none',
    });
    expect(result.code, result.stdout).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.calls()).toContain('POST /repos/o/r/code-scanning/sarifs');
    const { gunzipSync } = await import('node:zlib');
    const upload = github.requests.find((r) => r.path.endsWith('/sarifs'))?.body as { sarif: string };
    assertNoSecret(everything(result, github, repo.dir));
    assertNoSecret(gunzipSync(Buffer.from(upload.sarif, 'base64')).toString('utf8'));
    expect(result.leftInTmp).toEqual([]);
    // The changed secrets are shown as changed, never as their values.
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('Applying this PR would revert a change made outside Terraform');
    expect(comment).toContain('environment');
  }, 90_000);

  it('on the nightly scan: the tracking issue, the summary and the SARIF file', async () => {
    const dir = tempDir(estate());
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    await git.add('.').commit('init');
    const result = await runActionBundle({
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': 'gh-token',
      'INPUT_FAIL-ON': 'none',
    });
    expect(result.code, result.stdout).toBe(0);
    const issue = github.issues.find((i) => i.labels.includes('driftwarden'));
    expect(issue?.body).toContain('aws_lambda_function.pay');
    assertNoSecret(everything(result, github, dir));
    expect(statSync(join(dir, 'driftwarden.sarif')).isFile()).toBe(true);
  }, 90_000);

  it('on a failed scan: the error annotation and the failure issue', async () => {
    const dir = tempDir({
      'driftwarden.yml': `state: [broken.tfstate]\n`,
      'broken.tfstate': `{"version": 4, "resources": [{"password": "${SECRETS.dbPassword}" `,
    });
    writeFileSync(join(dir, 'README.md'), 'x');
    const result = await runActionBundle({
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': 'gh-token',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error title=driftwarden scan failed::broken\.tfstate: /m);
    assertNoSecret(everything(result, github, dir));
  }, 60_000);
});
