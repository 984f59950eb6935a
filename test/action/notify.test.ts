import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runActionBundle, scheduleEnv } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/fake-github.js';
import { snapshot, state } from '../helpers/state.js';
import { startReceiver } from '../helpers/webhook-receiver.js';
import { sampleReport } from '../report/sample-report.js';

const bucket = (name: string, tags: Record<string, string>) => ({
  type: 'aws_s3_bucket',
  name,
  instances: [{ attributes: { id: name, bucket: name, tags } }],
});
/** The fallback text of a recorded Slack message. */
const textOf = (body: unknown) => (body as { text?: string } | undefined)?.text;
const SECRET = 'T0SECRET/B0SECRET/actionsecrettoken%2Fsig';

describe('the Action notifies Slack and Teams of changes on its nightly run', () => {
  const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });
  beforeAll(() => github.start());
  afterAll(() => github.stop());
  beforeEach(() => github.reset());

  function nightlyEnv(dir: string, extra: Record<string, string>) {
    return scheduleEnv(dir, github.url, {
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '42',
      ...extra,
    });
  }

  it('posts on new and on resolved findings, never on a run that changed nothing, and masks the URLs', async () => {
    const dir = tempDir({
      'states/prod.tfstate': state([bucket('acme-data', { env: 'prod' })]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'hotfix' } } },
      ]),
      'driftwarden.yml': 'builtinPolicies: false\n',
    });
    const slack = await startReceiver();
    const teams = await startReceiver();
    const slackUrl = `${slack.url}/services/${SECRET}`;
    const env = nightlyEnv(dir, {
      INPUT_STATE: 'states/prod.tfstate',
      INPUT_LIVE: 'snapshot:live.json',
      'INPUT_SLACK-WEBHOOK-URL': slackUrl,
      'INPUT_TEAMS-WEBHOOK-URL': `${teams.url}/workflows/${SECRET}`,
    });
    const first = await runActionBundle(env);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual([
      `::add-mask::${slackUrl.replaceAll('%', '%25')}`,
      `::add-mask::${teams.url}/workflows/${SECRET.replaceAll('%', '%25')}`,
    ]);
    const slackBody = slack.requests[0]?.body as { text: string; blocks: { text?: { text: string } }[] };
    expect(slack.requests).toHaveLength(1);
    expect(slackBody.text).toBe('driftwarden: 1 new finding in o/r');
    expect(slackBody.blocks[2]?.text?.text).toBe('*New*\n• `changed` `aws_s3_bucket.acme-data`');
    expect(JSON.stringify(slackBody)).toContain('https://github.example/o/r/actions/runs/42');
    expect(teams.requests).toHaveLength(1);

    const again = await runActionBundle(env);
    expect(again.code).toBe(0);
    expect(slack.requests).toHaveLength(1);
    expect(teams.requests).toHaveLength(1);

    writeFileSync(
      join(dir, 'live.json'),
      snapshot([{ type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'prod' } } }]),
    );
    const fixed = await runActionBundle(env);
    expect(fixed.code).toBe(0);
    expect(textOf(slack.requests[1]?.body)).toBe('driftwarden: 1 resolved finding in o/r');
    expect(teams.requests).toHaveLength(2);

    for (const run of [first, again, fixed]) {
      const shown = [run.stdout.split('\n').slice(2).join('\n'), run.stderr, run.summary, run.outputs].join(
        '\n',
      );
      expect(shown).not.toContain('actionsecrettoken');
    }
    expect(JSON.stringify(github.requests)).not.toContain('actionsecrettoken');
    expect(JSON.stringify(github.issues)).not.toContain('actionsecrettoken');
  }, 120_000);

  it('a webhook that fails is a warning that names the input, and the job still passes', async () => {
    const dir = tempDir({
      'states/prod.tfstate': state([bucket('acme-data', { env: 'prod' })]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'hotfix' } } },
      ]),
      'driftwarden.yml': 'builtinPolicies: false\n',
    });
    const slack = await startReceiver();
    slack.respond({ status: 404, body: 'no_service' });
    const result = await runActionBundle(
      nightlyEnv(dir, {
        INPUT_STATE: 'states/prod.tfstate',
        INPUT_LIVE: 'snapshot:live.json',
        'INPUT_SLACK-WEBHOOK-URL': `${slack.url}/services/${SECRET}`,
      }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '::warning::could not notify: Slack webhook (input slack-webhook-url): HTTP 404: no_service\n',
    );
  }, 120_000);

  it('the merge job of a matrix keeps one tracking issue for the reports of all the jobs, and notifies once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    const base = sampleReport();
    const accountA = { ...base, drift: base.drift.slice(0, 2), violations: base.violations.slice(0, 1) };
    const accountB = { ...base, drift: base.drift.slice(1), violations: base.violations.slice(1) };
    writeFileSync(join(dir, 'reports/account-a.json'), JSON.stringify(accountA));
    writeFileSync(join(dir, 'reports/account-b.json'), JSON.stringify(accountB));
    const slack = await startReceiver();
    const result = await runActionBundle(
      nightlyEnv(dir, {
        INPUT_REPORTS: 'reports/*.json',
        'INPUT_SLACK-WEBHOOK-URL': `${slack.url}/services/${SECRET}`,
        INPUT_HISTORY: 'sqlite:history.db',
      }),
    );
    expect(result.code, result.stdout).toBe(0);
    // The merge records nothing: each job recorded its own scope.
    expect(result.stdout).toContain('::warning::the history input is not used when merging reports');
    expect(existsSync(join(dir, 'history.db'))).toBe(false);
    const tracking = github.issues.filter((issue) => issue.labels.includes('driftwarden'));
    expect(tracking).toHaveLength(1);
    for (const key of [
      'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
      'aws_s3_bucket.data',
      'aws_iam_user.bob',
      'aws_iam_policy.admin',
    ])
      expect(tracking[0]?.body).toContain(key);
    expect(slack.requests).toHaveLength(1);
    expect(textOf(slack.requests[0]?.body)).toBe('driftwarden: 5 new findings in o/r');
    expect(result.outputs).toMatch(/^drift<<.*\n3\n/m);
  }, 120_000);
  it('a job that wrote no report makes the merge incomplete: its part is unknown, and nothing is resolved', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports/account-a.json'), JSON.stringify(sampleReport()));
    const result = await runActionBundle(
      nightlyEnv(dir, { INPUT_REPORTS: 'reports/account-a.json\nreports/account-b.json' }),
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('::error title=driftwarden::the scan is incomplete');
    expect(result.summary).toContain('account-b.json');
    expect(github.issues.filter((issue) => issue.labels.includes('driftwarden'))).toHaveLength(1);
  }, 120_000);

  it('json-report writes a scheduled scan’s JSON report, for the merge job', async () => {
    const dir = tempDir({
      'states/prod.tfstate': state([bucket('acme-data', { env: 'prod' })]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'hotfix' } } },
      ]),
      'driftwarden.yml': 'builtinPolicies: false\n',
    });
    const result = await runActionBundle(
      nightlyEnv(dir, {
        INPUT_STATE: 'states/prod.tfstate',
        INPUT_LIVE: 'snapshot:live.json',
        'INPUT_TRACKING-ISSUE': 'false',
        'INPUT_JSON-REPORT': 'out/job.json',
      }),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out/job.json'), 'utf8')) as {
      drift: { key: string }[];
    };
    expect(report.drift.map((entry) => entry.key)).toEqual(['aws_s3_bucket.acme-data']);
    expect(github.issues).toEqual([]);
  }, 120_000);
});
