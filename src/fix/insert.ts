import type { Value } from '../model/value.js';
import type { HclAttribute, HclBody } from './hcl-syntax.js';
import { renderKey } from './hcl-value.js';
import type { Parent } from './locate.js';
import type { TextEdit } from './unified-diff.js';

/**
 * A key the live side has and the code does not write (a tag added by hand): a new line after the last entry of
 * its map literal, or after the last attribute of its block, in that line's indentation, line ending and `=`
 * alignment, so that `terraform fmt` has nothing to move where the new key is not the longest. Only where the
 * last entry starts its own line and ends it (a comma or a comment may follow): a one-line map, or an empty one,
 * has no layout to follow and is not patched. In a block, a list or map value could be a nested block, which an
 * attribute line would not declare, so only a scalar is added there.
 */
export function insertion(
  text: string,
  key: string,
  parent: Parent,
  live: Value,
  value: string,
): TextEdit | undefined {
  if (parent.kind === 'body' && (Array.isArray(live) || (typeof live === 'object' && live !== null)))
    return undefined;
  const anchor = parent.kind === 'object' ? parent.node.entries.at(-1) : lastOneLine(text, parent.body);
  if (anchor === undefined) return undefined;
  const close = parent.kind === 'object' ? parent.node.end - 1 : parent.body.close;
  const lineStart = text.lastIndexOf('\n', anchor.start - 1) + 1;
  const indent = text.slice(lineStart, anchor.start);
  const lineEnd = text.indexOf('\n', anchor.value.end);
  if (!/^[ \t]*$/.test(indent) || lineEnd < 0 || lineEnd > close) return undefined;
  const rest = text.slice(anchor.value.end, lineEnd);
  const trailing = /^[ \t]*(,?)[ \t]*(?:(?:#|\/\/).*)?\r?$/.exec(rest);
  const name = renderKey(key);
  const head = /^("(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)([ \t]*)([=:])/.exec(
    text.slice(anchor.start, lineEnd),
  );
  if (!trailing || !name.ok || !head) return undefined;
  const column = (head[1] as string).length + (head[2] as string).length;
  const pad = ' '.repeat(Math.max(1, column - name.text.length));
  const crlf = text[lineEnd - 1] === '\r';
  const line = `${indent}${name.text}${pad}${head[3]} ${value}${trailing[1]}`;
  const at = crlf ? lineEnd - 1 : lineEnd;
  return { start: at, end: at, text: `${crlf ? '\r\n' : '\n'}${line}` };
}

/** The block's last attribute written on one line (where `terraform fmt` groups and aligns), else its last. */
function lastOneLine(text: string, body: HclBody): HclAttribute | undefined {
  const attributes = body.items.filter((item): item is HclAttribute => item.kind === 'attribute');
  const oneLine = attributes.filter((item) => !text.slice(item.start, item.value.end).includes('\n'));
  return oneLine.at(-1) ?? attributes.at(-1);
}
