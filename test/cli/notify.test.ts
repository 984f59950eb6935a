import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFY_HELP } from '../../src/cli/notify-command.js';
import type { Report } from '../../src/model/report.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { snapshot, state } from '../helpers/state.js';
import { startReceiver } from '../helpers/webhook-receiver.js';
import { sampleReport } from '../report/sample-report.js';

const SLACK_PATH = '/services/T0SECRET/B0SECRET/slacksecrettoken';
const TEAMS_PATH = '/workflows/teamssecret/triggers/manual/paths/invoke?sig=teamssignature';

function reports(dir: string, now: Report, before: Report) {
  writeFileSync(join(dir, 'now.json'), JSON.stringify(now));
  writeFileSync(join(dir, 'before.json'), JSON.stringify(before));
}

async function receivers() {
  const slack = await startReceiver();
  const teams = await startReceiver();
  teams.respond({ status: 202 });
  const env = {
    DRIFTWARDEN_SLACK_WEBHOOK_URL: `${slack.url}${SLACK_PATH}`,
    DRIFTWARDEN_TEAMS_WEBHOOK_URL: `${teams.url}${TEAMS_PATH}`,
  };
  return { slack, teams, env };
}

function expectNoSecret(text: string) {
  for (const secret of ['slacksecrettoken', 'T0SECRET', 'teamssecret', 'teamssignature'])
    expect(text).not.toContain(secret);
}

describe('driftwarden notify', () => {
  it('sends nothing when no finding is new or resolved', async () => {
    const dir = tempDir();
    reports(dir, sampleReport(), sampleReport());
    const { slack, teams, env } = await receivers();
    const result = await runCli(['notify', '--report', 'now.json', '--previous', 'before.json'], {
      cwd: dir,
      env,
    });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'driftwarden: no new or resolved findings since before.json: nothing sent\n',
    });
    expect(slack.requests).toEqual([]);
    expect(teams.requests).toEqual([]);
  });

  it('on a change, posts to Slack and to Teams, and prints neither URL', async () => {
    const dir = tempDir();
    const now = sampleReport();
    reports(dir, now, { ...now, drift: now.drift.slice(1), violations: [] });
    const { slack, teams, env } = await receivers();
    const args = [
      'notify',
      '-r',
      'now.json',
      '-p',
      'before.json',
      '--scope',
      'acme/infra',
      '--link',
      'https://ci.example/run/7',
    ];
    const result = await runCli(args, { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'driftwarden: 3 new findings in acme/infra: sent to Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL)',
        'driftwarden: 3 new findings in acme/infra: sent to Teams webhook (DRIFTWARDEN_TEAMS_WEBHOOK_URL)',
        '',
      ].join('\n'),
    );
    expectNoSecret(result.stdout + result.stderr);
    expect(slack.requests.map((r) => [r.method, r.path])).toEqual([['POST', SLACK_PATH]]);
    expect(teams.requests.map((r) => [r.method, r.path])).toEqual([['POST', TEAMS_PATH]]);
    const slackBody = slack.requests[0]?.body as { text: string; blocks: { type: string }[] };
    expect(slackBody.text).toBe('driftwarden: 3 new findings in acme/infra');
    expect(slackBody.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    const teamsBody = teams.requests[0]?.body as { type: string; attachments: { contentType: string }[] };
    expect(teamsBody.type).toBe('message');
    expect(teamsBody.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(teamsBody)).toContain('https://ci.example/run/7');
  });

  it('takes the report’s own --baseline comparison when no --previous is given', async () => {
    const dir = tempDir();
    const compared = applyBaseline(sampleReport(), { ...sampleReport(), violations: [] }, 'baseline.json');
    writeFileSync(join(dir, 'now.json'), JSON.stringify(compared));
    const { slack, env } = await receivers();
    const result = await runCli(['notify', '--report', 'now.json', '--teams-env', 'UNSET'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'driftwarden: 2 new findings: sent to Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL)\n',
    );
    expect(slack.requests).toHaveLength(1);
  });

  it('a webhook that fails is an error naming where its URL came from; the other still gets the message', async () => {
    const dir = tempDir();
    reports(dir, sampleReport(), { ...sampleReport(), violations: [] });
    const { slack, teams, env } = await receivers();
    slack.respond({ status: 403, body: 'action_prohibited' });
    const result = await runCli(['notify', '--report', 'now.json', '--previous', 'before.json'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'driftwarden: error: Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): HTTP 403: action_prohibited\n',
    );
    expect(teams.requests).toHaveLength(1);
    expectNoSecret(result.stderr);
  });

  it('reads the URL only from the environment: a variable named by --slack-env', async () => {
    const dir = tempDir();
    reports(dir, sampleReport(), { ...sampleReport(), violations: [] });
    const slack = await startReceiver();
    const env = { TEAM_SLACK: `${slack.url}${SLACK_PATH}` };
    const result = await runCli(
      ['notify', '-r', 'now.json', '-p', 'before.json', '--slack-env', 'TEAM_SLACK'],
      { cwd: dir, env },
    );
    expect(result.stderr).toBe('driftwarden: 2 new findings: sent to Slack webhook (TEAM_SLACK)\n');
    expect(slack.requests).toHaveLength(1);
  });

  it('refuses to run without a webhook, without the previous state, or with a URL that is not https', async () => {
    const dir = tempDir();
    reports(dir, sampleReport(), sampleReport());
    const none = await runCli(['notify', '--report', 'now.json', '--previous', 'before.json'], { cwd: dir });
    expect(none.stderr).toBe(
      'driftwarden: usage error: no webhook: set DRIFTWARDEN_SLACK_WEBHOOK_URL or DRIFTWARDEN_TEAMS_WEBHOOK_URL (or use --dry-run)\n',
    );
    const env = {
      DRIFTWARDEN_SLACK_WEBHOOK_URL: 'http://hooks.example/services/T0SECRET/B0SECRET/slacksecrettoken',
    };
    const plain = await runCli(['notify', '--report', 'now.json', '--previous', 'before.json'], {
      cwd: dir,
      env,
    });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      'driftwarden: usage error: DRIFTWARDEN_SLACK_WEBHOOK_URL: not an https URL (the Slack webhook URL itself is not shown: it is a secret)\n',
    );
    const https = { DRIFTWARDEN_SLACK_WEBHOOK_URL: 'https://hooks.example/x' };
    const alone = await runCli(['notify', '--report', 'now.json'], { cwd: dir, env: https });
    expect(alone.stderr).toBe(
      'driftwarden: usage error: notify needs the previous state: --previous <report.json>, --history <store>, or a report scanned with --baseline <report.json>\n',
    );
  });

  it('--dry-run prints both payloads and sends nothing', async () => {
    const dir = tempDir();
    reports(dir, sampleReport(), { ...sampleReport(), violations: [] });
    const { slack, env } = await receivers();
    const result = await runCli(['notify', '-r', 'now.json', '-p', 'before.json', '--dry-run'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(0);
    const payloads = JSON.parse(result.stdout) as { slack: { text: string }; teams: { type: string } };
    expect(payloads.slack.text).toBe('driftwarden: 2 new findings');
    expect(payloads.teams.type).toBe('message');
    expect(slack.requests).toEqual([]);
    expectNoSecret(result.stdout);
  });

  it('has its help, also as help notify, and refuses a misspelt flag with the nearest one', async () => {
    const help = await runCli(['help', 'notify']);
    expect(help).toEqual({ code: 0, stdout: NOTIFY_HELP, stderr: '' });
    expect((await runCli(['notify', '--help'])).stdout).toBe(NOTIFY_HELP);
    const typo = await runCli(['notify', '--previos', 'x.json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--previous/);
  });

  it('--history: the previous state is what the store held before the report’s scan, and resolved what it resolved', async () => {
    const bucket = (name: string) => ({
      type: 'aws_s3_bucket',
      name,
      instances: [{ attributes: { id: name, bucket: name, tags: { env: 'prod' } } }],
    });
    const live = (tags: Record<string, string>) =>
      snapshot(
        Object.entries(tags).map(([id, env]) => ({
          type: 'aws_s3_bucket',
          id,
          attributes: { tags: { env } },
        })),
      );
    const dir = tempDir({
      'prod.tfstate': state([bucket('data'), bucket('logs')]),
      'live.json': live({ data: 'hotfix', logs: 'prod' }),
    });
    const scan = () =>
      runCli(
        [
          'scan',
          '--state',
          'prod.tfstate',
          '--live',
          'snapshot:live.json',
          '--no-builtin-policies',
          '--history',
          'sqlite:history.db',
          '--format',
          'json',
          '--output',
          'json=now.json',
          '--fail-on',
          'none',
        ],
        { cwd: dir },
      );
    const notify = (extra: string[] = []) =>
      runCli(['notify', '--report', 'now.json', '--history', 'sqlite:history.db', '--dry-run', ...extra], {
        cwd: dir,
      });
    const headline = (stdout: string) => (JSON.parse(stdout) as { slack: { text: string } }).slack.text;

    expect((await scan()).code).toBe(0);
    expect(headline((await notify()).stdout)).toBe('driftwarden: 1 new finding');
    expect((await scan()).code).toBe(0);
    const quiet = await runCli(['notify', '-r', 'now.json', '--history', 'sqlite:history.db'], {
      cwd: dir,
      env: { DRIFTWARDEN_SLACK_WEBHOOK_URL: 'https://hooks.example/x' },
    });
    expect(quiet).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'driftwarden: no new or resolved findings since sqlite:history.db (scope sources-' +
        `${quiet.stderr.split('scope sources-')[1]?.slice(0, 16)}): nothing sent\n`,
    });
    writeFileSync(join(dir, 'live.json'), live({ data: 'prod', logs: 'hotfix' }));
    expect((await scan()).code).toBe(0);
    const changed = JSON.parse((await notify()).stdout) as { slack: { text: string; blocks: unknown[] } };
    expect(changed.slack.text).toBe('driftwarden: 1 new, 1 resolved findings');
    expect(JSON.stringify(changed.slack.blocks)).toContain('changed: aws_s3_bucket.data');

    // A report that was not recorded, or both kinds of previous state, are usage errors.
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(sampleReport()));
    const plain = await runCli(
      ['notify', '-r', 'plain.json', '--history', 'sqlite:history.db', '--dry-run'],
      { cwd: dir },
    );
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(
      'was not recorded in a history store; scan it with --history sqlite:history.db',
    );
    const both = await notify(['--previous', 'plain.json']);
    expect(both.stderr).toBe('driftwarden: usage error: notify takes --previous or --history, not both\n');
  }, 60_000);
});
