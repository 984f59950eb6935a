import { redactSecretText } from '../model/secret-patterns.js';

/**
 * A message for one stderr line, whatever it holds: control characters (C0, DEL, C1: so no escape sequence, colour
 * or hyperlink reaches the terminal) and lone surrogates are written as `\uXXXX`, a line break in a file name or a
 * parser's message stays on the line, and secret-shaped spans are redacted.
 */
export function oneLine(message: string): string {
  let out = '';
  const text = redactSecretText(message);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const high = code >= 0xd800 && code <= 0xdbff;
    const low = code >= 0xdc00 && code <= 0xdfff;
    const next = text.charCodeAt(index + 1);
    if (high && next >= 0xdc00 && next <= 0xdfff) {
      out += text.slice(index, index + 2);
      index++;
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || high || low)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += text[index];
  }
  return out;
}
