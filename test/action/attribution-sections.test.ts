import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHub, syncTrackingIssue } from '../../src/action/github/index.js';
import { pullRequestMarkdown } from '../../src/action/pr-comment.js';
import type { PullRequestScan } from '../../src/action/pull-request.js';
import type { DriftEntry } from '../../src/model/report.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/fake-github.js';
import { sampleReport } from '../report/sample-report.js';

const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const ALICE = 'arn:aws:iam::123456789012:user/alice';

const EDITED: DriftEntry = {
  kind: 'changed',
  key: 'aws_s3_bucket.data',
  type: 'aws_s3_bucket',
  id: 'data',
  provider: 'aws',
  changes: [{ path: 'versioning.enabled', declared: true, live: false }],
  changedBy: {
    status: 'found',
    actor: ALICE,
    action: 'PutBucketVersioning',
    time: '2026-12-01T10:32:00.000Z',
    sourceIp: '203.0.113.7',
    via: 'cloudtrail',
  },
};
const MADE: DriftEntry = {
  kind: 'unmanaged',
  key: 'aws_iam_user.bob',
  type: 'aws_iam_user',
  id: 'bob',
  provider: 'aws',
  changes: [],
  changedBy: { status: 'unknown', reason: 'not-found', detail: 'no write event naming bob' },
};
const SECTION_HEAD = '<details><summary><b>Who changed it (found for 1 of 2)</b></summary>';
const ALICE_LINE =
  '- changed `aws_s3_bucket.data`: changed by `arn:aws:iam::123456789012:user/alice` via `PutBucketVersioning`, 2026-12-01 10:32 UTC, from `203.0.113.7`';

describe('who changed it in the pull-request comment and the tracking issue', () => {
  const fake = new FakeGitHub('o', 'r', { [TOKEN]: { user: ACTIONS_BOT, canReadUser: false } });
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('the comment has one section for what the pull request introduces and what drifted before it', () => {
    const introduced = sampleReport({ drift: [EDITED] });
    const scan: Omit<PullRequestScan, 'settings'> = {
      head: introduced,
      introduced,
      rules: [],
      changes: { added: [], changed: [], removed: [] },
      touched: [],
      already: { drift: [MADE], violations: 0 },
      trustedChanges: [],
      addedWaivers: [],
    };
    const body = pullRequestMarkdown(scan as PullRequestScan, { sha: 'a'.repeat(40), version: '0.1.0' });
    const section = body.slice(body.indexOf(SECTION_HEAD));
    expect(section.split('\n').slice(0, 5)).toEqual([
      SECTION_HEAD,
      '',
      ALICE_LINE,
      '- unmanaged `aws_iam_user.bob`: changed by: unknown (no event found: no write event naming bob)',
      '',
    ]);
    expect(body.split(SECTION_HEAD)).toHaveLength(2);
  });

  it('the tracking issue shows it above the details', async () => {
    const github = createGitHub({
      token: TOKEN,
      apiUrl: fake.url,
      owner: 'o',
      repo: 'r',
      log: { warning: () => {}, info: () => {} },
    });
    const result = await syncTrackingIssue(github, {
      label: 'drift',
      failedLabel: 'drift-failed',
      marker: '<!-- driftwarden:tracking-issue -->',
      title: 'Drift detected by driftwarden',
      report: sampleReport({ drift: [EDITED, MADE], violations: [] }),
      now: new Date('2026-12-07T03:00:00Z'),
    });
    const body = fake.issues.find((i) => i.number === result.issueNumber)?.body ?? '';
    expect(body).toContain(`${SECTION_HEAD}\n\n${ALICE_LINE}\n`);
    expect(body.indexOf(SECTION_HEAD)).toBeLessThan(body.indexOf('### Details'));
  });
});
