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
      // A string: skip to its closing quote, stepping over escapes.
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}
