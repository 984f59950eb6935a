import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import {
  baselineChanges,
  findingChanges,
  hasChanges,
  type PreviousFindings,
  previousFromReport,
} from '../../src/notify/changes.js';
import { notifyMessage } from '../../src/notify/message.js';
import { slackMessage } from '../../src/notify/slack.js';
import { teamsMessage } from '../../src/notify/teams.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { driftId, violationId } from '../../src/report/fingerprint.js';
import { sampleReport } from '../report/sample-report.js';

const previousOf = (report: Report): PreviousFindings => previousFromReport(report, 'previous.json');

function withoutFirstDrift(report: Report): Report {
  return { ...report, drift: report.drift.slice(1) };
}

describe('findingChanges', () => {
  it('is empty when the findings are the ones of the previous state', () => {
    const report = sampleReport();
    const changes = findingChanges(report, previousOf(report));
    expect(changes).toEqual({ added: [], resolved: [], unchecked: 0, open: 5 });
    expect(hasChanges(changes)).toBe(false);
  });

  it('lists the new findings and the resolved ones, by content id', () => {
    const now = sampleReport();
    const before = withoutFirstDrift(sampleReport({ violations: sampleReport().violations.slice(0, 1) }));
    const changes = findingChanges({ ...now, violations: now.violations.slice(1) }, previousOf(before));
    expect(changes.added).toEqual([
      {
        id: driftId(now.drift[0]!),
        label: 'missing',
        subject: 'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
      },
      {
        id: violationId(now.violations[1]!),
        label: 'low',
        rule: 'DW-AWS-S3-003',
        subject: 'aws_s3_bucket.data',
      },
    ]);
    expect(changes.resolved).toEqual([
      { id: violationId(now.violations[0]!), subject: 'critical DW-AWS-IAM-001: aws_iam_policy.admin' },
    ]);
  });

  it('an incomplete scan resolves nothing: what it did not see is counted as not checked', () => {
    const report = withoutFirstDrift(sampleReport());
    report.scan = { ...report.scan, complete: false };
    const changes = findingChanges(report, previousOf(sampleReport()));
    expect(changes).toEqual({ added: [], resolved: [], unchecked: 1, open: 4 });
    const message = notifyMessage(report, { ...changes, added: [] });
    expect(message.notes).toEqual([
      'The scan was incomplete (a source or rule failed): 1 earlier finding not seen this time was not checked, and none is counted as resolved.',
    ]);
  });

  it('a stored finding known only by its id is shown by its id', () => {
    const changes = findingChanges(sampleReport(), {
      source: 'tracking issue',
      findings: new Map([['0123456789abcdef', '']]),
    });
    expect(changes.resolved).toEqual([{ id: '0123456789abcdef', subject: 'finding 0123456789abcdef' }]);
  });

  it('takes a report’s own --baseline comparison', () => {
    const baseline = withoutFirstDrift(sampleReport());
    baseline.drift = [...baseline.drift, { ...baseline.drift[0]!, key: 'aws_s3_bucket.gone', id: 'gone' }];
    const compared = applyBaseline(sampleReport(), baseline, 'baseline.json');
    const changes = baselineChanges(compared);
    expect(changes?.added.map((f) => f.subject)).toEqual(['aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts']);
    expect(changes?.resolved.map((f) => f.subject)).toEqual(['aws_s3_bucket.gone']);
    expect(baselineChanges(sampleReport())).toBeUndefined();
  });
});

/** A resource key a hostile cloud could hold: a mention, a link, Markdown, a code-span breakout, a secret. */
const HOSTILE =
  'aws_s3_bucket.<!channel> <https://evil.example|click> [click](https://evil.example) `x` *b* AKIAIOSFODNN7EXAMPLE';

function hostileChanges(count = 1) {
  const report = sampleReport();
  const drift = Array.from({ length: count }, (_, i) => ({ ...report.drift[0]!, key: `${HOSTILE} ${i}` }));
  const now = { ...report, drift };
  return { now, changes: findingChanges(now, previousOf({ ...report, drift: [] })) };
}

describe('the Slack message', () => {
  it('has a fallback text, a header, the counts, the lists and the link, in Block Kit', () => {
    const report = sampleReport();
    const changes = findingChanges(report, previousOf(withoutFirstDrift(report)));
    const link = { url: 'https://github.com/acme/infra/actions/runs/1', title: 'workflow run' };
    expect(slackMessage(notifyMessage(report, changes, { scope: 'acme/infra', link }))).toEqual({
      text: 'driftwarden: 1 new finding in acme/infra',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'driftwarden: 1 new finding in acme/infra' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Open now: drift in 3 resources; 2 violations (1 critical, 1 low)' },
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*New*\n• `missing` `aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts`' },
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: '<https://github.com/acme/infra/actions/runs/1|workflow run>' }],
        },
      ],
    });
  });

  it('shows cloud text inertly: no mention, link or code-span breakout, and no secret', () => {
    const { now, changes } = hostileChanges();
    const json = JSON.stringify(slackMessage(notifyMessage(now, changes)));
    expect(json).not.toMatch(/<!|<https|AKIAIOSFODNN7EXAMPLE/);
    const list = slackMessage(notifyMessage(now, changes)).blocks[2];
    expect(list).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*New*\n• `missing` `aws_s3_bucket.&lt;!channel&gt; &lt;https://evil.example|click&gt; [click](https://evil.example) ˋxˋ *b* (redacted) 0`',
      },
    });
  });

  it('lists at most 10 findings a list and counts the rest, within Slack’s limits', () => {
    const { now, changes } = hostileChanges(25);
    const message = slackMessage(notifyMessage(now, changes));
    const list = message.blocks[2] as { text: { text: string } };
    expect(list.text.text.split('\n')).toHaveLength(12);
    expect(list.text.text.endsWith('\n… and 15 more')).toBe(true);
    expect(list.text.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('the Teams message', () => {
  it('is one Adaptive Card 1.2 attachment, as Teams incoming webhooks and Workflows take it', () => {
    const report = sampleReport();
    const changes = findingChanges(report, previousOf(withoutFirstDrift(report)));
    const link = { url: 'https://github.com/acme/infra/actions/runs/1', title: 'workflow run' };
    expect(teamsMessage(notifyMessage(report, changes, { link }))).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.2',
            body: [
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'driftwarden: 1 new finding', size: 'Medium', weight: 'Bolder' },
                ],
              },
              {
                type: 'TextBlock',
                text: 'Open now: drift in 3 resources; 2 violations (1 critical, 1 low)',
                wrap: true,
              },
              { type: 'TextBlock', text: 'New', wrap: true, weight: 'Bolder', spacing: 'Medium' },
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'missing ', weight: 'Bolder' },
                  {
                    type: 'TextRun',
                    text: 'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
                    fontType: 'Monospace',
                  },
                ],
              },
            ],
            actions: [
              {
                type: 'Action.OpenUrl',
                title: 'workflow run',
                url: 'https://github.com/acme/infra/actions/runs/1',
              },
            ],
          },
        },
      ],
    });
  });

  it('puts cloud text only in TextRuns, which Teams never reads as Markdown, and redacts secrets', () => {
    const { now, changes } = hostileChanges(12);
    const card = teamsMessage(notifyMessage(now, changes)).attachments[0].content;
    const blocks = card.body.filter((e) => e.type === 'TextBlock').map((e) => (e as { text: string }).text);
    expect(blocks).toEqual([
      'Open now: drift in 12 resources; 2 violations (1 critical, 1 low)',
      'New',
      '… and 2 more',
    ]);
    const runs = card.body.flatMap((e) => (e.type === 'RichTextBlock' ? e.inlines.map((r) => r.text) : []));
    expect(runs).toContain(
      'aws_s3_bucket.<!channel> <https://evil.example|click> [click](https://evil.example) `x` *b* (redacted) 0',
    );
    expect(JSON.stringify(card)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
