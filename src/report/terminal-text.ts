/**
 * Untrusted text (resource ids, tags, values, messages, errors) made inert for a terminal. A terminal obeys what
 * it is sent: an escape sequence in a resource id could recolour the report, move the cursor, rewrite earlier
 * lines, set the window title or plant an OSC 8 hyperlink. So every control character goes, whole sequences first
 * (so that their parameters do not stay behind as noise), then any control character left over: C0 (but the line
 * breaks and tabs of multi-line text), DEL and C1. Lone surrogates become U+FFFD.
 *
 * The sequence patterns only tidy up: the final pass removes every ESC and C1 byte whatever the patterns missed,
 * and a sequence without its introducer is plain text. Each pattern stops at the next introducer, so all of them
 * run in linear time on any input.
 */

/** OSC, DCS, SOS, PM and APC strings (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their C1 forms) to BEL or ST. */
const CONTROL_STRING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal control sequences is the point
  /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c)/g;
/** CSI sequences (`ESC [` or C1 0x9B), parameters, intermediates and the final byte. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
/** The other escape sequences: ESC, intermediate bytes, a final byte (`ESC c`, `ESC ( B`, `ESC 7`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL_OR_BREAK = /\r\n|[\x00-\x1f\x7f-\x9f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface TerminalTextOptions {
  /** Keep `\n` and `\t` (text printed as lines of its own); otherwise line breaks and tabs become spaces. */
  multiline?: boolean;
}

export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const bare = text
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(ESCAPE, '')
    .replace(LONE_SURROGATE, '\ufffd');
  if (options.multiline) return bare.replaceAll('\r\n', '\n').replace(CONTROL, '');
  return bare.replace(CONTROL_OR_BREAK, (c) => (c === '\r\n' || /[\t\n\v\f\r]/.test(c) ? ' ' : ''));
}
