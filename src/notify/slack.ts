import { redactSecretText } from '../model/secret-patterns.js';
import { oneLine, truncateText } from '../report/markdown-text.js';
import type { ChangedFinding } from './changes.js';
import { MAX_SUBJECT, type NotifyList, type NotifyMessage } from './message.js';

/**
 * A Slack incoming-webhook message (https://api.slack.com/messaging/webhooks): `text` is the notification's
 * fallback, `blocks` the Block Kit layout. A header's plain text is at most 150 characters
 * (https://docs.slack.dev/reference/block-kit/blocks/header-block), a section's text 1 to 3,000
 * (https://docs.slack.dev/reference/block-kit/blocks/section-block); this message has at most six blocks and lists
 * at most ITEMS_PER_LIST findings of MAX_SUBJECT code points each.
 *
 * Cloud text goes in a code span, where Slack neither formats nor links it, with `&`, `<` and `>` as the entities
 * Slack requires (https://api.slack.com/reference/surfaces/formatting#escaping): so no value can write a
 * link, a mention (`<!channel>`, `<@U123>`) or end the span. mrkdwn has no escape for a backtick inside a code
 * span, so a backtick in a value is shown as `ˋ` (U+02CB).
 */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

const HEADER_MAX = 150;
const SECTION_MAX = 3000;

export function slackMessage(message: NotifyMessage): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(oneLine(title(message)), HEADER_MAX) } },
    section(slackText(message.summary)),
    ...message.lists.map((list) => section(listText(list))),
    ...message.notes.map((note) => section(`:warning: ${slackText(note)}`)),
  ];
  if (message.link)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `<${linkUrl(message.link.url)}|${slackText(message.link.title)}>` }],
    });
  return { text: slackText(title(message)), blocks };
}

function title(message: NotifyMessage): string {
  return `driftwarden: ${message.headline}`;
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateText(text, SECTION_MAX) } };
}

function listText(list: NotifyList): string {
  const lines = list.items.map((item) => `• ${itemText(item)}`);
  if (list.more > 0) lines.push(`… and ${list.more} more`);
  return `*${list.title}*\n${lines.join('\n')}`;
}

function itemText(item: ChangedFinding): string {
  const head = [item.label, item.rule].filter((part) => part !== undefined).map(code);
  return [...head, code(item.subject)].join(' ');
}

/** Cloud text as an inert code span. */
function code(text: string): string {
  const shown = slackText(truncateText(text, MAX_SUBJECT)).replaceAll('`', 'ˋ');
  return `\`${shown === '' ? ' ' : shown}\``;
}

/** One line, secrets redacted, Slack's three control characters as entities. */
function slackText(text: string): string {
  return oneLine(redactSecretText(text)).replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** A link target cannot hold the `|` or `>` that would end it, nor a space or line break. */
function linkUrl(url: string): string {
  return url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
}
