import { redactSecretText } from '../model/secret-patterns.js';

/**
 * Untrusted text (resource ids, tags, values, messages, reasons, errors) in GitHub-flavoured Markdown, rendered
 * exactly and inertly, in pull-request comments, job summaries and issues.
 *
 * - A value goes in a code span (`inlineCode`): GitHub shows a code span verbatim, with no emphasis, raw HTML,
 *   mention, issue reference or autolink.
 * - Free text that reads as prose (a message, a waiver reason) cannot be a code span, so `markdownText` escapes it:
 *   `&`, `<`, `>` and `$` as character references (no raw HTML, no math), Markdown punctuation with a backslash (no
 *   emphasis, links, images, strikethrough, headings or table cells), and a zero-width space (`&#8203;`) after
 *   each `@` (no mention, no e-mail autolink), inside `#123` and `GH-123` (no issue reference) and inside `://` and
 *   `www.` (no autolink). GitHub links mentions and references after Markdown is parsed, so a backslash before `@`
 *   or `#` is consumed and the mention still notifies (github/markup#1168, github/cmark-gfm#181); the zero-width
 *   space is what Renovate and Dependabot use, and it is invisible.
 * - Neither can hold an HTML comment opener or closer: the hidden markers of the sticky comment and the tracking
 *   issue's state are HTML comments, and no rendered value may forge or end one.
 * - Line breaks become spaces (a table row is one line); control characters and lone surrogates become U+FFFD.
 */

const ZWSP = '\u200b';
// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const BREAKS = /\r\n|[\t\n\v\f\r\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~=]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', $: '&#36;' };
/** The longest a value is shown in a code span, and free text in a cell, by default. */
export const MAX_VALUE_TEXT = 256;
export const MAX_FREE_TEXT = 500;

/** One line of well-formed text: line breaks as spaces, control characters and lone surrogates as U+FFFD. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROL, '\ufffd').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Text for a code span or a fenced code block, where no escape works: an HTML comment opener (`<!`) or closer
 * (`-->`, `--!>`) gets a zero-width space inside it, so that the raw body never holds one.
 */
export function codeText(text: string): string {
  return text
    .replace(CONTROL, '\ufffd')
    .replace(LONE_SURROGATE, '\ufffd')
    .replaceAll('<!', `<${ZWSP}!`)
    .replace(/--(?=!?>)/g, `-${ZWSP}-`);
}

/**
 * A fenced code block that shows the text exactly: its fence is longer than any backtick run inside (at least
 * three), and the text goes through `codeText`, so it can neither end the block nor open or close an HTML comment.
 */
export function fencedCode(language: string, text: string): string {
  const body = codeText(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}

/** Text with every HTML comment opener and closer broken by a zero-width space: it can neither start nor end one. */
export function withoutHtmlComments(text: string): string {
  return text.replaceAll('<!--', `<${ZWSP}!--`).replace(/--(?=!?>)/g, `-${ZWSP}-`);
}

/**
 * A code span that shows the text exactly. Its fence is one backtick longer than the longest run inside, with a
 * space either side when the content starts or ends with a backtick. In a table cell (the default), `|` is escaped
 * (GFM lets `\|` stand inside a code span in a table, and its table scanner never splits a cell at a `|` right
 * after a backslash) and line breaks become spaces. Text longer than `max` code points is cut with an ellipsis.
 */
export function inlineCode(text: string, options: { inTable?: boolean; max?: number } = {}): string {
  let content = codeText(oneLine(truncateText(text, options.max ?? Number.POSITIVE_INFINITY)));
  if (options.inTable !== false) content = content.replaceAll('|', '\\|');
  if (content === '') return '` `';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || /^ .* $/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * Free text (a message, a reason, an error) as Markdown that renders it literally and inertly, on one line, with
 * secret-shaped parts redacted, cut to `max` code points. Safe anywhere inline, in a table cell and at the start
 * of a line.
 */
export function markdownText(text: string, options: { max?: number } = {}): string {
  const plain = oneLine(truncateText(redactSecretText(text), options.max ?? MAX_FREE_TEXT));
  return plain
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/[&<>$]/g, (c) => ENTITIES[c] ?? c)
    .replaceAll('@', '@&#8203;')
    .replace(/\\#(?=\d)/g, '\\#&#8203;')
    .replace(/(gh)(?=\\-\d)/gi, '$1&#8203;')
    .replaceAll('://', ':&#8203;//')
    .replace(/(www)(?=\\\.)/gi, '$1&#8203;');
}

/** The text cut to at most `max` code points (never inside a surrogate pair), ending in an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  let cut = 0;
  for (const char of text) {
    count++;
    if (count > max) return `${text.slice(0, cut)}…`;
    if (count < max) cut += char.length;
  }
  return text;
}
