import { redactSecretText } from '../model/secret-patterns.js';
import { oneLine, truncateText } from '../report/markdown-text.js';
import type { ChangedFinding } from './changes.js';
import { MAX_SUBJECT, type NotifyList, type NotifyMessage } from './message.js';

/**
 * A Microsoft Teams message with one Adaptive Card, the body that Teams incoming webhooks and the Workflows app's
 * "Post to a channel when a webhook request is received" both take: `type: message` and one attachment of
 * contentType `application/vnd.microsoft.card.adaptive` whose `content` is the card
 * (MicrosoftDocs/msteams-docs, webhooks-and-connectors/how-to/connectors-using.md, "Send Adaptive Cards using an
 * incoming webhook"). Version 1.2 is the one that page shows, and the first with RichTextBlock.
 *
 * A TextBlock renders a Markdown subset (links among it), so it holds only the tool's own counts and words; the
 * headline (which names the scope, e.g. the repository) and cloud text go in a RichTextBlock's TextRun, whose text is never read as Markdown (adaptivecards.io/explorer/TextRun.html: "Markdown
 * is not supported"): no value can write a link or formatting. The only action is Action.OpenUrl, which incoming
 * webhooks support.
 */
export interface TeamsMessage {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: AdaptiveCard;
    },
  ];
}

interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.2';
  body: CardElement[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      color?: 'Warning';
      spacing?: 'Medium';
    }
  | { type: 'RichTextBlock'; inlines: TextRun[] };

interface TextRun {
  type: 'TextRun';
  text: string;
  fontType?: 'Monospace';
  size?: 'Medium';
  weight?: 'Bolder';
}

export function teamsMessage(message: NotifyMessage): TeamsMessage {
  const body: CardElement[] = [
    {
      type: 'RichTextBlock',
      inlines: [
        {
          type: 'TextRun',
          text: plain(`driftwarden: ${message.headline}`),
          size: 'Medium',
          weight: 'Bolder',
        },
      ],
    },
    { type: 'TextBlock', text: ownText(message.summary), wrap: true },
    ...message.lists.flatMap(listElements),
    ...message.notes.map(
      (note): CardElement => ({ type: 'TextBlock', text: ownText(note), wrap: true, color: 'Warning' }),
    ),
  ];
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.2',
    body,
    ...(message.link
      ? { actions: [{ type: 'Action.OpenUrl', title: plain(message.link.title), url: message.link.url }] }
      : {}),
  };
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}

function listElements(list: NotifyList): CardElement[] {
  const items = list.items.map((item): CardElement => ({ type: 'RichTextBlock', inlines: itemRuns(item) }));
  const more: CardElement[] =
    list.more > 0 ? [{ type: 'TextBlock', text: `… and ${list.more} more`, wrap: true }] : [];
  return [
    { type: 'TextBlock', text: list.title, wrap: true, weight: 'Bolder', spacing: 'Medium' },
    ...items,
    ...more,
  ];
}

function itemRuns(item: ChangedFinding): TextRun[] {
  const head = [item.label, item.rule].filter((part) => part !== undefined).join(' ');
  const subject: TextRun = { type: 'TextRun', text: plain(item.subject), fontType: 'Monospace' };
  return head === '' ? [subject] : [{ type: 'TextRun', text: `${plain(head)} `, weight: 'Bolder' }, subject];
}

/** Cloud text for a TextRun: one line, secrets redacted, cut to MAX_SUBJECT. */
function plain(text: string): string {
  return oneLine(redactSecretText(truncateText(text, MAX_SUBJECT)));
}

/** The tool's own text (counts and fixed words) for a TextBlock, on one line. */
function ownText(text: string): string {
  return oneLine(text);
}
