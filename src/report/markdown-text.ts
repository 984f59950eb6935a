/**
 * Untrusted text (resource ids, tags, values, messages) in GitHub-flavoured Markdown, rendered exactly and inertly.
 * A code span shows its content verbatim: no emphasis, no raw HTML, no mention, no autolink. Its fence is one
 * backtick longer than the longest run inside, with a space either side when the content starts or ends with a
 * backtick. In a table cell, `|` is escaped (GFM lets `\|` stand inside a code span) and line breaks become spaces.
 */
export function inlineCode(text: string, options: { inTable?: boolean } = {}): string {
  let content = text.replace(/[\r\n]+/g, ' ');
  if (options.inTable !== false) content = content.replaceAll('|', '\\|');
  if (content === '') return '` `';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || /^ .* $/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
