import { LIMITS } from './limits.js';

const JSON_TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters.
  /[ \t\n\r]*(?:([{[])|([}\]])|(,)|(:)|("(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null))/y;

/**
 * The first JSON syntax error, or undefined. CloudFormation reads a JSON template strictly, where YAML would take
 * trailing commas and comments; and JSON.parse's messages vary between Node versions, some without a position
 * and some quoting the text. Nesting deeper than the limit is an error too, before the YAML reader recurses.
 */
export function strictJsonError(text: string): { offset: number; problem: string } | undefined {
  const stack: string[] = [];
  let state = 'value';
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problemAt = (offset: number) => ({
    offset,
    problem: offset >= text.length ? 'unexpected end of input' : 'unexpected character',
  });
  for (;;) {
    JSON_TOKEN.lastIndex = at;
    const token = JSON_TOKEN.exec(text);
    if (!token) {
      while (/[ \t\n\r]/.test(text[at] ?? '')) at++;
      return state === 'end' && at >= text.length ? undefined : problemAt(at);
    }
    const [, open, close, comma, colon, scalar] = token;
    const start = JSON_TOKEN.lastIndex - (open ?? close ?? comma ?? colon ?? scalar ?? '').length;
    at = JSON_TOKEN.lastIndex;
    const value = state === 'value' || state === 'value|close';
    if (open && value) {
      stack.push(open === '{' ? '}' : ']');
      if (stack.length > LIMITS.nesting)
        return { offset: start, problem: `nested deeper than ${LIMITS.nesting} levels` };
      state = open === '{' ? 'key|close' : 'value|close';
    } else if (scalar && value) state = stack.length > 0 ? 'next' : 'end';
    else if (scalar?.startsWith('"') && state.startsWith('key')) state = 'colon';
    else if (colon && state === 'colon') state = 'value';
    else if (comma && state === 'next') state = stack.at(-1) === '}' ? 'key' : 'value';
    else if (close && close === stack.at(-1) && (state === 'next' || state.endsWith('|close'))) {
      stack.pop();
      state = stack.length > 0 ? 'next' : 'end';
    } else return problemAt(start);
  }
}

export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
