import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHub,
  GitHubApiError,
  parseState,
  syncTrackingIssue,
  type TrackingIssueOptions,
  upsertStickyComment,
} from '../../src/action/github/index.js';
import { isDriftwardenError } from '../../src/errors.js';
import type { FixPlan } from '../../src/fix/plan.js';
import type { DriftEntry, Report, Violation } from '../../src/model/report.js';
import { driftId, violationId } from '../../src/report/fingerprint.js';
import { ACTIONS_BOT, FakeGitHub, type FakeUser } from '../helpers/fake-github.js';
import { sampleReport } from '../report/sample-report.js';

const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const PAT = 'ghp_fakePersonalToken0123456789abcdef';
const OCTOCAT: FakeUser = { login: 'octocat', type: 'User' };
const MARKER = '<!-- driftwarden:pr-comment -->';

const fake = new FakeGitHub('o', 'r', {
  [TOKEN]: { user: ACTIONS_BOT, canReadUser: false },
  [PAT]: { user: OCTOCAT, canReadUser: true },
});
const warnings: string[] = [];
const log = { warning: (m: string) => warnings.push(m), info: () => {} };

function client(token = TOKEN) {
  return createGitHub({ token, apiUrl: fake.url, owner: 'o', repo: 'r', log });
}

function newRun(): void {
  fake.requests.length = 0;
  warnings.length = 0;
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe('upsertStickyComment', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
    fake.addIssue({ number: 7, title: 'Change the bucket', pullRequest: true, user: OCTOCAT });
  });

  it('creates the comment once, updates it in place, and leaves it alone when unchanged', async () => {
    const first = await upsertStickyComment(client(), { issueNumber: 7, body: 'report v1', marker: MARKER });
    expect(first.action).toBe('created');
    expect(fake.calls()).toEqual([
      'GET /user',
      'GET /repos/o/r/issues/7/comments',
      'POST /repos/o/r/issues/7/comments',
    ]);
    expect(fake.requests[1]?.query).toEqual({ per_page: '100' });
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([`report v1\n${MARKER}`]);
    expect(fake.commentsOn(7)[0]?.user).toEqual(ACTIONS_BOT);

    newRun();
    const second = await upsertStickyComment(client(), { issueNumber: 7, body: 'report v2', marker: MARKER });
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(fake.calls()).toEqual([
      'GET /user',
      'GET /repos/o/r/issues/7/comments',
      `PATCH /repos/o/r/issues/comments/${first.commentId}`,
    ]);
    expect(fake.commentsOn(7).map((c) => c.body)).toEqual([`report v2\n${MARKER}`]);

    newRun();
    const third = await upsertStickyComment(client(), { issueNumber: 7, body: 'report v2', marker: MARKER });
    expect(third).toMatchObject({ action: 'unchanged', commentId: first.commentId });
    expect(fake.writes()).toEqual([]);
    expect(fake.commentsOn(7)).toHaveLength(1);
  });

  it('finds its comment on the third page of 250 comments', async () => {
    const others: FakeUser[] = [OCTOCAT, { login: 'renovate[bot]', type: 'Bot' }];
    for (let i = 0; i < 220; i++) fake.addComment(7, `comment ${i}`, others[i % 2] ?? OCTOCAT);
    const mine = fake.addComment(7, `old report\n${MARKER}`, ACTIONS_BOT);
    for (let i = 221; i < 250; i++) fake.addComment(7, `comment ${i}`, others[i % 2] ?? OCTOCAT);

    const result = await upsertStickyComment(client(), {
      issueNumber: 7,
      body: 'new report',
      marker: MARKER,
    });

    expect(result).toMatchObject({ action: 'updated', commentId: mine.id });
    expect(fake.calls()).toEqual([
      'GET /user',
      'GET /repos/o/r/issues/7/comments',
      'GET /repos/o/r/issues/7/comments',
      'GET /repos/o/r/issues/7/comments',
      `PATCH /repos/o/r/issues/comments/${mine.id}`,
    ]);
    expect(fake.requests.slice(1, 4).map((r) => r.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ]);
    expect(fake.commentsOn(7)).toHaveLength(250);
  });

  it("ignores other users' comments that carry the marker", async () => {
    const human = fake.addComment(7, `copied\n${MARKER}`, { login: 'mallory', type: 'User' });
    const otherBot = fake.addComment(7, `mine too\n${MARKER}`, { login: 'other-app[bot]', type: 'Bot' });

    const result = await upsertStickyComment(client(), { issueNumber: 7, body: 'report', marker: MARKER });

    expect(result.action).toBe('created');
    expect(fake.commentsOn(7).map((c) => [c.id, c.body])).toEqual([
      [human.id, `copied\n${MARKER}`],
      [otherBot.id, `mine too\n${MARKER}`],
      [result.commentId, `report\n${MARKER}`],
    ]);
  });

  it('with a token that may read GET /user, only that login counts', async () => {
    const bots = fake.addComment(7, `bot\n${MARKER}`, ACTIONS_BOT);
    const own = fake.addComment(7, `mine\n${MARKER}`, OCTOCAT);
    const gh = client(PAT);

    const result = await upsertStickyComment(gh, { issueNumber: 7, body: 'report', marker: MARKER });
    expect(result).toMatchObject({ action: 'updated', commentId: own.id });
    expect(fake.comments.find((c) => c.id === bots.id)?.body).toBe(`bot\n${MARKER}`);

    newRun();
    await upsertStickyComment(gh, { issueNumber: 7, body: 'report', marker: MARKER });
    expect(fake.calls()).toEqual(['GET /repos/o/r/issues/7/comments']);
  });
});

// ---- tracking issue ----

const A: DriftEntry = {
  kind: 'changed',
  key: 'aws_s3_bucket.data',
  type: 'aws_s3_bucket',
  id: 'data',
  provider: 'aws',
  address: 'aws_s3_bucket.data',
  changes: [{ path: 'versioning.enabled', declared: true, live: false }],
};
const B: DriftEntry = {
  kind: 'unmanaged',
  key: 'aws_iam_user.bob',
  type: 'aws_iam_user',
  id: 'bob',
  provider: 'aws',
  changes: [],
};
const C: DriftEntry = {
  kind: 'missing',
  key: 'aws_sns_topic.alerts',
  type: 'aws_sns_topic',
  id: 'alerts',
  provider: 'aws',
  changes: [],
};
const V: Violation = {
  ruleId: 'DW-AWS-IAM-001',
  title: 'Admin',
  severity: 'critical',
  category: 'iam',
  key: 'aws_iam_policy.admin',
  type: 'aws_iam_policy',
  id: 'admin',
  origin: 'live',
  message: 'allows every action on every resource',
  path: 'policy.Statement[0]',
};

function scan(drift: DriftEntry[], violations: Violation[] = []): Report {
  const base = sampleReport();
  const count = (kind: string) => drift.filter((d) => d.kind === kind).length;
  return sampleReport({
    drift,
    violations,
    summary: {
      ...base.summary,
      changed: count('changed'),
      missing: count('missing'),
      unmanaged: count('unmanaged'),
      violations: { critical: violations.length, high: 0, medium: 0, low: 0 },
    },
  });
}

function failedReport(okSources: boolean): Report {
  const report = scan([]);
  report.scan.complete = false;
  report.scan.sources = [
    {
      ...report.scan.sources[0]!,
      status: 'failed',
      error: 'AccessDenied: s3:GetObject on states/prod.tfstate',
    },
    {
      connector: 'aws-config',
      side: 'live',
      location: 'aws-config:eu-west-1',
      resources: 0,
      status: okSources ? 'ok' : 'failed',
    },
  ];
  return report;
}

const NIGHTLY: Omit<TrackingIssueOptions, 'report' | 'now'> = {
  label: 'drift',
  failedLabel: 'drift-failed',
  marker: '<!-- driftwarden:tracking-issue -->',
  title: 'Drift detected by driftwarden',
  runUrl: 'https://github.com/o/r/actions/runs/42',
};

async function night(report: TrackingIssueOptions['report'], date: string) {
  newRun();
  return syncTrackingIssue(client(), { ...NIGHTLY, report, now: new Date(date) });
}

const issue = (n: number) => fake.issues.find((i) => i.number === n)!;
const stateOf = (n: number) => parseState(issue(n).body) ?? {};

describe('syncTrackingIssue: nightly runs', () => {
  let tracking = 0;
  let failure = 0;

  beforeAll(() => {
    fake.reset();
    // A pull request with the label and the marker is not the tracking issue.
    fake.addIssue({
      title: 'Copy of the report',
      labels: ['drift'],
      pullRequest: true,
      body: NIGHTLY.marker,
    });
    // Nor is an issue with the label but no marker.
    fake.addIssue({ title: 'Talk about drift', labels: ['drift'], user: OCTOCAT });
  });

  it('a clean run with no issue writes nothing', async () => {
    expect(await night(scan([]), '2026-10-31T03:17:00Z')).toEqual({ action: 'unchanged', issueNumber: null });
    expect(fake.calls()).toEqual(['GET /repos/o/r/issues', 'GET /repos/o/r/issues']);
    expect(fake.requests.map((r) => r.query)).toEqual([
      { labels: 'drift', state: 'all', per_page: '100' },
      { labels: 'drift-failed', state: 'open', per_page: '100' },
    ]);
  });

  it('night 1: drift creates the issue, its label and the hidden state', async () => {
    const result = await night(scan([A, B], [V]), '2026-11-01T03:17:00Z');
    expect(result.action).toBe('created');
    tracking = result.issueNumber!;
    expect(tracking).toBe(3);
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'POST /repos/o/r/labels',
      'POST /repos/o/r/issues',
      'GET /repos/o/r/issues',
    ]);
    expect(fake.requests[1]?.body).toMatchObject({ name: 'drift' });
    expect(fake.requests[2]?.body).toMatchObject({ title: NIGHTLY.title, labels: ['drift'] });
    const created = issue(tracking);
    expect(created).toMatchObject({ state: 'open', labels: ['drift'], user: ACTIONS_BOT });
    expect(created.body).toContain(NIGHTLY.marker);
    expect(created.body).toContain('### New (3)');
    expect(created.body).toContain('### Details');
    expect(created.body).toContain('Import into Terraform (1 unmanaged resource)');
    expect(created.body).toContain('  to = aws_iam_user.bob\n  id = "bob"\n');
    expect(created.body).toMatch(/<!-- driftwarden:state \{"findings":\{.*\}\} -->\n$/);
    expect(stateOf(tracking)).toEqual({
      [driftId(A)]: { firstSeen: '2026-11-01T03:17:00.000Z', summary: 'changed: aws_s3_bucket.data' },
      [driftId(B)]: { firstSeen: '2026-11-01T03:17:00.000Z', summary: 'unmanaged: aws_iam_user.bob' },
      [violationId(V)]: {
        firstSeen: '2026-11-01T03:17:00.000Z',
        summary: 'critical DW-AWS-IAM-001: aws_iam_policy.admin (live, policy.Statement[0])',
      },
    });
  });

  it('night 2: the same findings make no write calls', async () => {
    const before = issue(tracking).body;
    expect(await night(scan([B, A], [V]), '2026-11-02T03:17:00Z')).toEqual({
      action: 'unchanged',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual(['GET /repos/o/r/issues', 'GET /user', 'GET /repos/o/r/issues']);
    expect(fake.writes()).toEqual([]);
    expect(issue(tracking).body).toBe(before);
  });

  it('night 3: one resolved and one new update the body, comment once, and count ages', async () => {
    expect(await night(scan([B, C], [V]), '2026-11-05T09:00:00Z')).toEqual({
      action: 'updated',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      `PATCH /repos/o/r/issues/${tracking}`,
      `POST /repos/o/r/issues/${tracking}/comments`,
      'GET /repos/o/r/issues',
    ]);
    const body = issue(tracking).body;
    expect(body).toContain('### New (1)\n- `missing: aws_sns_topic.alerts`');
    expect(body).toContain('### Resolved since the last scan (1)\n- `changed: aws_s3_bucket.data`');
    expect(body).toContain('### Still open (2)');
    expect(body).toContain('- `unmanaged: aws_iam_user.bob` - open 4 days (since 2026-11-01)');
    expect(body).toContain('open 4 days (since 2026-11-01)');
    expect(Object.keys(stateOf(tracking)).sort()).toEqual([driftId(B), driftId(C), violationId(V)].sort());
    expect(stateOf(tracking)[driftId(C)]?.firstSeen).toBe('2026-11-05T09:00:00.000Z');
    expect(stateOf(tracking)[driftId(B)]?.firstSeen).toBe('2026-11-01T03:17:00.000Z');
    const comments = fake.commentsOn(tracking);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('1 new, 1 resolved, 2 still open');
    expect(comments[0]?.body).toContain('**New (1)**\n- `missing: aws_sns_topic.alerts`');
    expect(comments[0]?.body).toContain('**Resolved (1)**\n- `changed: aws_s3_bucket.data`');
  });

  it('night 4: a clean run comments what resolved and closes the issue', async () => {
    expect(await night(scan([]), '2026-11-06T03:17:00Z')).toEqual({
      action: 'closed',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      `POST /repos/o/r/issues/${tracking}/comments`,
      `PATCH /repos/o/r/issues/${tracking}`,
      'GET /repos/o/r/issues',
    ]);
    expect(fake.requests[3]?.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue(tracking)).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(stateOf(tracking)).toEqual({});
    const closing = fake.commentsOn(tracking).at(-1)?.body ?? '';
    expect(closing).toContain('The scan is clean');
    expect(closing).toContain('**Resolved (3)**');
    expect(closing).toContain('`missing: aws_sns_topic.alerts`');
  });

  it('a clean run with the issue closed writes nothing', async () => {
    expect(await night(scan([]), '2026-11-07T03:17:00Z')).toEqual({
      action: 'unchanged',
      issueNumber: tracking,
    });
    expect(fake.writes()).toEqual([]);
  });

  it('night 5: drift again reopens the same issue with a comment listing the new findings', async () => {
    expect(await night(scan([A]), '2026-11-08T03:17:00Z')).toEqual({
      action: 'reopened',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      `PATCH /repos/o/r/issues/${tracking}`,
      `POST /repos/o/r/issues/${tracking}/comments`,
      'GET /repos/o/r/issues',
    ]);
    expect(issue(tracking).state).toBe('open');
    expect(stateOf(tracking)).toEqual({
      [driftId(A)]: { firstSeen: '2026-11-08T03:17:00.000Z', summary: 'changed: aws_s3_bucket.data' },
    });
    const reopening = fake.commentsOn(tracking).at(-1)?.body ?? '';
    expect(reopening).toContain('Drift is back');
    expect(reopening).toContain('**New (1)**\n- `changed: aws_s3_bucket.data`');
    expect(fake.issues.filter((i) => i.labels.includes('drift') && !i.pullRequest)).toHaveLength(2);
  });

  it('a thrown scan error goes to the failed-label issue and leaves the tracking issue alone', async () => {
    const before = { ...issue(tracking) };
    const thrown = 'AccessDenied: config:ListDiscoveredResources\n    at listResources (aws-config.ts:42)';
    const result = await night({ error: thrown }, '2026-11-09T03:17:00Z');
    expect(result.action).toBe('failed-reported');
    failure = result.issueNumber!;
    expect(failure).not.toBe(tracking);
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'POST /repos/o/r/labels',
      'POST /repos/o/r/issues',
    ]);
    expect(fake.requests[0]?.query).toMatchObject({ labels: 'drift-failed', state: 'all' });
    expect(issue(failure)).toMatchObject({ state: 'open', labels: ['drift-failed'] });
    expect(issue(failure).body).toContain(
      '~~~text\nAccessDenied: config:ListDiscoveredResources\nat listResources (aws-config.ts:42)\n~~~',
    );
    expect(issue(failure).body).toContain('<!-- driftwarden:tracking-issue:failed -->');
    expect(issue(tracking)).toEqual(before);
  });

  it('a report in which no source could be read is a failure too, never a clean scan', async () => {
    const result = await night(failedReport(false), '2026-11-10T03:17:00Z');
    expect(result).toEqual({ action: 'failed-reported', issueNumber: failure });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      `POST /repos/o/r/issues/${failure}/comments`,
    ]);
    expect(fake.commentsOn(failure).at(-1)?.body).toContain(
      'AccessDenied: s3:GetObject on states/prod.tfstate',
    );
    expect(issue(tracking).state).toBe('open');
    expect(fake.requests.some((r) => r.path.endsWith(`/issues/${tracking}`))).toBe(false);
  });

  it('an incomplete scan keeps the findings it could not see and closes nothing', async () => {
    expect(await night(failedReport(true), '2026-11-11T03:17:00Z')).toEqual({
      action: 'unchanged',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual(['GET /repos/o/r/issues', 'GET /user']);
    expect(issue(tracking).state).toBe('open');
    expect(issue(failure).state).toBe('open');
  });

  it('the next complete scan closes the failure issue', async () => {
    expect(await night(scan([A]), '2026-11-12T03:17:00Z')).toEqual({
      action: 'unchanged',
      issueNumber: tracking,
    });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      'GET /repos/o/r/issues',
      `POST /repos/o/r/issues/${failure}/comments`,
      `PATCH /repos/o/r/issues/${failure}`,
    ]);
    expect(issue(failure).state).toBe('closed');
    expect(issue(tracking).state).toBe('open');
  });

  it('a later failure reopens the failure issue with a comment', async () => {
    const result = await night({ error: 'Throttling: Rate exceeded' }, '2026-11-13T03:17:00Z');
    expect(result).toEqual({ action: 'failed-reported', issueNumber: failure });
    expect(fake.calls()).toEqual([
      'GET /repos/o/r/issues',
      'GET /user',
      `POST /repos/o/r/issues/${failure}/comments`,
      `PATCH /repos/o/r/issues/${failure}`,
    ]);
    expect(issue(failure).state).toBe('open');
    expect(issue(tracking).state).toBe('open');
  });
});

describe('syncTrackingIssue: details', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
  });

  it('uses the newest labelled issue carrying the marker, open or closed', async () => {
    const old = fake.addIssue({ title: 'old', labels: ['drift'], body: NIGHTLY.marker, state: 'closed' });
    const newer = fake.addIssue({ title: 'newer', labels: ['drift'], body: NIGHTLY.marker, state: 'closed' });
    const result = await night(scan([A]), '2026-11-01T03:17:00Z');
    expect(result).toEqual({ action: 'reopened', issueNumber: newer.number });
    expect(old.state).toBe('closed');
  });

  it('an existing label (422 already_exists) is fine', async () => {
    fake.labels.push({ id: 1, name: 'drift', color: 'ffffff', description: null });
    const result = await night(scan([A]), '2026-11-01T03:17:00Z');
    expect(result.action).toBe('created');
    expect(fake.requests[1]).toMatchObject({ method: 'POST', path: '/repos/o/r/labels', status: 422 });
  });

  it('keeps the body under 60,000 characters with many findings', async () => {
    const many = (n: number) =>
      Array.from(
        { length: n },
        (_, i): DriftEntry => ({ ...B, key: `aws_iam_user.user-${i}`, id: `user-${i}` }),
      );
    await night(scan(many(400)), '2026-11-01T03:17:00Z');
    const body = fake.issues[0]!.body;
    expect(body.length).toBeLessThan(60_000);
    expect(Object.keys(parseState(body) ?? {})).toHaveLength(400);
    expect(body).toContain('more');

    fake.reset();
    await night(scan(many(2000)), '2026-11-01T03:17:00Z');
    expect(fake.issues[0]!.body.length).toBeLessThan(60_000);
    expect(warnings.join('\n')).toContain('too many to track');
  });
});

describe('syncTrackingIssue: every section at once stays within the limit', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
  });

  const LONG = 'x'.repeat(90);
  const changed = (i: number): DriftEntry => ({
    ...A,
    key: `aws_s3_bucket.${LONG}-${i}`,
    id: `${LONG}-${i}`,
    address: `aws_s3_bucket.b${i}`,
    changedBy: {
      status: 'found',
      actor: `arn:aws:iam::123456789012:user/${LONG}-${i}`,
      action: 'PutBucketVersioning',
      time: '2026-12-01T10:32:00.000Z',
      via: 'cloudtrail',
    },
  });
  const unmanaged = (i: number): DriftEntry => ({
    ...B,
    key: `aws_iam_user.${LONG}-${i}`,
    id: `${LONG}-${i}`,
  });
  const violation = (i: number): Violation => ({
    ...V,
    key: `aws_iam_policy.${LONG}-${i}`,
    id: `${LONG}-${i}`,
  });
  const fix = (entries: DriftEntry[]): FixPlan => ({
    proposals: entries.map((entry, i) => ({
      key: entry.key,
      type: entry.type,
      address: entry.address!,
      file: 'main.tf',
      line: i * 10 + 1,
      attributes: [{ path: 'versioning.enabled', patched: true, line: i * 10 + 3 }],
      revert: `terraform apply -target='${entry.address}'`,
      refresh: `terraform apply -refresh-only -target='${entry.address}'`,
    })),
    files: [],
    patch: entries.map((_, i) => `--- a/main.tf\n+++ b/main.tf\n@@ -${i} +${i} @@\n-a\n+b\n`).join(''),
  });

  it('new, resolved and still-open lists, a full state, imports, fixes and who changed it', async () => {
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    // Night 1: 600 findings, enough for the state to need its whole budget.
    const first = [...range(0, 300).map(changed), ...range(0, 300).map(unmanaged)];
    await night(scan(first, range(0, 300).map(violation)), '2026-11-01T03:17:00Z');
    // Night 2: half of them resolved, half still open, 600 new.
    const drift = [...range(150, 450).map(changed), ...range(150, 450).map(unmanaged)];
    newRun();
    await syncTrackingIssue(client(), {
      ...NIGHTLY,
      report: scan(drift, range(150, 450).map(violation)),
      now: new Date('2026-11-02T03:17:00Z'),
      fix: fix(drift.filter((entry) => entry.kind === 'changed')),
    });
    const body = fake.issues[0]!.body;
    for (const heading of ['### New (', '### Resolved since the last scan (', '### Still open ('])
      expect(body).toContain(heading);
    expect(body).toContain('terraform plan -generate-config-out');
    expect(body).toContain('Who changed it');
    expect(body).toContain('Accept or revert');
    expect(parseState(body)).toBeDefined();
    // GitHub refuses a body over 65,536 characters; the tool keeps to its own 60,000.
    expect(body.length).toBeLessThanOrEqual(60_000);
  });
});

describe('createGitHub: retries and errors', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
    fake.addIssue({ number: 7, title: 'Change the bucket', pullRequest: true, user: OCTOCAT });
  });

  it('retries a 429 after retry-after', async () => {
    fake.fail({ method: 'GET', path: '/repos/o/r/issues/7/comments', status: 429 });
    const started = Date.now();
    const result = await upsertStickyComment(client(), { issueNumber: 7, body: 'x', marker: MARKER });
    expect(result.action).toBe('created');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
      '403 GET /user',
      '429 GET /repos/o/r/issues/7/comments',
      '200 GET /repos/o/r/issues/7/comments',
      '201 POST /repos/o/r/issues/7/comments',
    ]);
    expect(warnings).toEqual(['GitHub API GET /repos/o/r/issues/7/comments answered 429; retrying in 1s']);
  });

  it('retries a 403 with x-ratelimit-remaining 0 until the reset', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    fake.fail({
      method: 'POST',
      path: '/repos/o/r/issues/7/comments',
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const result = await upsertStickyComment(client(), { issueNumber: 7, body: 'x', marker: MARKER });
    expect(result.action).toBe('created');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403, 201]);
  });

  it('gives up on a rate limit after three retries', async () => {
    fake.fail({ method: 'GET', path: /comments$/, status: 429, times: 5, headers: { 'retry-after': '0' } });
    const error = await upsertStickyComment(client(), { issueNumber: 7, body: 'x', marker: MARKER }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(429);
    expect(fake.requests.filter((r) => r.path.endsWith('/comments'))).toHaveLength(4);
  });

  it('retries a 5xx twice with a backoff', async () => {
    fake.fail({ method: 'POST', path: '/repos/o/r/issues/7/comments', status: 502, times: 2 });
    const result = await upsertStickyComment(client(), { issueNumber: 7, body: 'x', marker: MARKER });
    expect(result.action).toBe('created');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 502, 201]);

    newRun();
    fake.fail({ method: 'PATCH', path: /^\/repos\/o\/r\/issues\/comments\//, status: 500, times: 3 });
    const error = await upsertStickyComment(client(), { issueNumber: 7, body: 'y', marker: MARKER }).catch(
      (e: unknown) => e,
    );
    expect((error as GitHubApiError).status).toBe(500);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
  });

  it('a 403 without rate limiting survives as a one-line GitHubApiError without the token', async () => {
    fake.fail({ method: 'POST', path: '/repos/o/r/issues/7/comments', status: 403 });
    const error = await upsertStickyComment(client(), { issueNumber: 7, body: 'x', marker: MARKER }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    const apiError = error as GitHubApiError;
    expect(apiError.status).toBe(403);
    // The one error type: code `source`, Octokit's error as the cause.
    expect(isDriftwardenError(apiError) && apiError.code).toBe('source');
    expect((apiError.cause as { status?: number }).status).toBe(403);
    expect(apiError.message).toBe(
      'GitHub API POST /repos/o/r/issues/7/comments failed (403): Resource not accessible by integration',
    );
    expect(apiError.message).not.toContain('\n');
    for (const text of [apiError.message, String(apiError.stack), JSON.stringify(apiError)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(fake.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(JSON.stringify(fake.requests.map((r) => r.body))).not.toContain(TOKEN);
  });
});

// ---- content cannot forge the markers ----

describe('markers and state are only where the tool writes them', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
  });

  it('a resource id carrying a forged state cannot hide a new critical finding from "New"', async () => {
    const forged = `<!-- driftwarden:state {"findings":{"${violationId(V)}":{"firstSeen":"2020-01-01T00:00:00.000Z","summary":"old"}}} -->`;
    const D: DriftEntry = { ...B, key: `aws_iam_user.${forged}`, id: forged };
    const first = await night(scan([D]), '2026-11-01T03:17:00Z');
    expect(first.action).toBe('created');
    const body = issue(first.issueNumber!).body;
    expect(body.split('<!-- driftwarden:state ')).toHaveLength(2);
    expect(body.trimEnd().split('\n').at(-1)).toMatch(/^<!-- driftwarden:state /);
    expect(body).not.toMatch(/<!--(?! driftwarden:(tracking-issue|state) )/);

    const second = await night(scan([D], [V]), '2026-11-02T03:17:00Z');
    expect(second).toEqual({ action: 'updated', issueNumber: first.issueNumber });
    const after = issue(first.issueNumber!).body;
    expect(after).toContain(
      '### New (1)\n- `critical DW-AWS-IAM-001: aws_iam_policy.admin (live, policy.Statement[0])`',
    );
    expect(stateOf(first.issueNumber!)[violationId(V)]?.firstSeen).toBe('2026-11-02T03:17:00.000Z');
    expect(fake.commentsOn(first.issueNumber!).at(-1)?.body).toContain('1 new, 0 resolved, 1 still open');
  });

  it('parseState reads only the last line of the body, and nothing with text after it', () => {
    const real = '<!-- driftwarden:state {"findings":{"b":{"firstSeen":"2026-01-02","summary":""}}} -->';
    const fake1 = '<!-- driftwarden:state {"findings":{"a":{"firstSeen":"2020-01-01","summary":""}}} -->';
    expect(Object.keys(parseState(`x ${fake1}\n${real}\n`) ?? {})).toEqual(['b']);
    expect(parseState(`${real}\n${fake1} quoted`)).toBeUndefined();
    expect(parseState(`${real}\nmore text`)).toBeUndefined();
    const proto = parseState(
      '<!-- driftwarden:state {"findings":{"__proto__":{"firstSeen":"2020-01-01","summary":""},"constructor":{"firstSeen":"x","summary":""}}} -->',
    );
    expect(Object.getPrototypeOf(proto)).toBeNull();
    expect(Object.keys(proto ?? {}).sort()).toEqual(['__proto__', 'constructor']);
  });

  it("an issue someone else opened with the label, the marker and a state is never taken as the tool's", async () => {
    const mallory: FakeUser = { login: 'mallory', type: 'User' };
    const planted = fake.addIssue({
      title: 'Drift detected by driftwarden',
      labels: ['drift'],
      user: mallory,
      body: `${NIGHTLY.marker}\n<!-- driftwarden:state {"findings":{"${violationId(V)}":{"firstSeen":"2020-01-01T00:00:00.000Z","summary":""}}} -->`,
    });
    // The bot's own issue that merely quotes the marker is not it either.
    const quoting = fake.addIssue({
      title: 'notes',
      labels: ['drift'],
      body: `The tracking issue carries ${NIGHTLY.marker} at its end.\nNothing else.`,
    });
    const result = await night(scan([], [V]), '2026-11-01T03:17:00Z');
    expect(result.action).toBe('created');
    expect(result.issueNumber).not.toBe(planted.number);
    expect(result.issueNumber).not.toBe(quoting.number);
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false);
    expect(issue(result.issueNumber!).body).toContain('### New (1)');
  });

  it('a failure text cannot forge the failure marker, close its code block or leak a secret', async () => {
    const error = [
      'boom <!-- driftwarden:tracking-issue:failed --> @alice',
      '~~~',
      'token ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    ].join('\n');
    const result = await night({ error }, '2026-11-01T03:17:00Z');
    const body = issue(result.issueNumber!).body;
    expect(body.split('<!-- driftwarden:tracking-issue:failed -->')).toHaveLength(2);
    expect(body.trimEnd().endsWith('<!-- driftwarden:tracking-issue:failed -->')).toBe(true);
    expect(body).toContain(
      '~~~text\nboom <\u200b!-- driftwarden:tracking-issue:failed -\u200b-> @alice\n~ ~ ~\ntoken (redacted)\n~~~',
    );
    expect(body).not.toContain('ghp_');
  });
});

describe('upsertStickyComment: content cannot forge the marker', () => {
  beforeEach(() => {
    fake.reset();
    newRun();
    fake.addIssue({ number: 7, title: 'Change the bucket', pullRequest: true, user: OCTOCAT });
  });

  it("the bot's other comment that quotes the marker is not this one, and a body's own copy of it is broken", async () => {
    const other = fake.addComment(7, `another workflow quoted ${MARKER} here\nand more`, ACTIONS_BOT);
    const result = await upsertStickyComment(client(), {
      issueNumber: 7,
      body: `report with a value \`${MARKER}\` in it <!-- hidden -->`,
      marker: MARKER,
    });
    expect(result.action).toBe('created');
    expect(fake.comments.find((c) => c.id === other.id)?.body).toBe(
      `another workflow quoted ${MARKER} here\nand more`,
    );
    const body = fake.commentsOn(7).find((c) => c.id === result.commentId)?.body ?? '';
    expect(body).toBe(
      'report with a value `<\u200b!-- driftwarden:pr-comment -\u200b->` in it <\u200b!-- hidden -\u200b->\n<!-- driftwarden:pr-comment -->',
    );

    newRun();
    const again = await upsertStickyComment(client(), { issueNumber: 7, body: 'report v2', marker: MARKER });
    expect(again).toMatchObject({ action: 'updated', commentId: result.commentId });
  });

  it('a body over the limit is cut at the end of a line, never inside a code span', async () => {
    const line = `| changed | \`${'@alice <img src=x> '.repeat(20)}\` |`;
    const body = Array.from({ length: 400 }, () => line).join('\n');
    const result = await upsertStickyComment(client(), { issueNumber: 7, body, marker: MARKER });
    const posted = fake.commentsOn(7).find((c) => c.id === result.commentId)?.body ?? '';
    expect(posted.length).toBeLessThanOrEqual(65_536);
    const lines = posted.split('\n');
    expect(lines.slice(-3)).toEqual(['', '_(cut: the comment was longer than GitHub allows)_', MARKER]);
    for (const kept of lines.slice(0, -3)) expect(kept).toBe(line);
  });
});
