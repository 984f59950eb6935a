import { Lexer } from 'yaml';

/**
 * Quoted scalars whose continuation lines are indented less than their mapping, as PyYAML reads them (and so
 * CloudFormation's own tools and cfn-lint): PyYAML's scanner checks only for document markers in a quoted scalar's
 * line breaks (scan_flow_scalar_breaks), where YAML 1.2 and the `yaml` package want the lines indented past the
 * parent. Such a template is valid to CloudFormation, so each continuation line is indented to the opening quote's
 * column: the line count stays, and so does the value, as a quoted scalar drops the leading whitespace of its
 * continuation lines when it folds them. One scalar at a time (the first the lexer cuts short), at most
 * MAX_SCALARS of them; undefined when there is nothing to mend, or a scalar that PyYAML refuses too.
 */
export function indentQuotedContinuations(text: string): string | undefined {
  let current = text;
  for (let mended = 0; mended < MAX_SCALARS; mended++) {
    const start = firstCutQuote(current);
    const next = start === undefined ? undefined : reindent(current, start);
    if (next === undefined) return mended > 0 ? current : undefined;
    current = next;
  }
  return current;
}

/** Each mend lexes the file again; a template has few such scalars. */
const MAX_SCALARS = 100;

const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/** A quoted scalar's token, which the lexer ends at the first line it finds under-indented, before its quote. */
function firstCutQuote(text: string): number | undefined {
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    const quote = token[0];
    // Plain and block scalars follow the lexer's SCALAR marker; a quoted scalar does not.
    if (
      (quote === "'" || quote === '"') &&
      previous !== '\x1f' &&
      closingQuote(token, 0) !== token.length - 1
    )
      return offset;
    // The lexer's control tokens (document, flow end, scalar) stand for no text.
    if (!CONTROL.has(token)) offset += token.length;
    previous = token;
  }
  return undefined;
}

/** The offset of the quote that closes the quoted scalar opened at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote && quote === "'" && text[i + 1] === "'") i++;
    else if (c === quote) return i;
  }
  return -1;
}

function reindent(text: string, start: number): string | undefined {
  const end = closingQuote(text, start);
  if (end < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const column = start - lineStart;
  const lines = text.slice(start, end).split('\n');
  const mended = lines.map((line, index) => {
    if (index === 0 || line.trim() === '') return line;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    return indent > column ? line : ' '.repeat(column + 1 - indent) + line;
  });
  // A document marker at the start of a line ends the scalar for PyYAML too: the template is invalid.
  if (lines.slice(1).some((line) => /^(?:---|\.\.\.)(?:\s|$)/.test(line))) return undefined;
  return text.slice(0, start) + mended.join('\n') + text.slice(end);
}
