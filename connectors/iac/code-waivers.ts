import { parseInlineWaivers } from '../../src/connector/inline-waivers.js';
import type { InlineWaiver } from '../../src/model/resource.js';

export type WaiverReader = (line: number, endLine: number) => InlineWaiver[];

const COMMENT = /^\s*(#|\/\/)/;

/**
 * The inline waivers of a file's blocks. parseInlineWaivers reads the text it is given whole, so each block gets
 * only its own lines and the comment lines just above it (and the lines are split once per file): a file of many
 * blocks, or one block with many instances, costs its size, not its size times its blocks.
 */
export function waiverReader(text: string, file: string): WaiverReader {
  let lines: string[] | undefined;
  const cache = new Map<string, InlineWaiver[]>();
  return (line, endLine) => {
    const key = `${line}:${endLine}`;
    const cached = cache.get(key);
    if (cached) return cached.map((waiver) => ({ ...waiver }));
    lines ??= text.split(/\r?\n/);
    let top = line - 1;
    while (top > 0 && COMMENT.test(lines[top - 1] ?? '')) top--;
    const window = lines.slice(top, Math.max(endLine, line)).join('\n');
    const waivers = parseInlineWaivers(window, file, line - top, endLine - top).map((waiver) => ({
      ...waiver,
      source: shift(waiver.source, file, top),
    }));
    cache.set(key, waivers);
    return waivers.map((waiver) => ({ ...waiver }));
  };
}

function shift(source: string, file: string, by: number): string {
  const line = Number(source.slice(file.length + 1));
  return Number.isInteger(line) ? `${file}:${line + by}` : source;
}
