/**
 * How deep an input may nest. Terraform's most deeply nested resources (WAF rule statements, policy documents)
 * stay under 40 levels; every walk over values (normalisation, diff, masking, rendering) recurses, and a document
 * nested tens of thousands deep would overflow the stack in whichever one reached it first.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * The offset of the first `[` or `{` that opens a level past `limit` in a JSON text, or -1 when there is none.
 * One pass over the text, outside strings only; it runs before JSON.parse, so it cannot rely on the text being
 * valid, and never fails on text that is not.
 */
export function jsonNestingExcessOffset(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, the first after an even run of backslashes (indexOf, not a loop in
      // JavaScript: strings are most of a state file's text). An unterminated string ends the text.
      let end = text.indexOf('"', i + 1);
      while (end >= 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}
