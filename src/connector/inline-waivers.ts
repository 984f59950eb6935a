import type { InlineWaiver } from '../model/resource.js';

const INLINE = /^\s*(?:#|\/\/)\s*driftwarden:ignore\s+([A-Z][A-Z0-9-]*(?:\s*,\s*[A-Z][A-Z0-9-]*)*)\s*(.*)$/;

/**
 * Reads inline waivers for a resource block spanning `startLine`..`endLine` (1-based) of a code file: the comment
 * lines directly above the block, and comment lines inside it. Connectors that read code call this.
 */
export function parseInlineWaivers(
  text: string,
  file: string,
  startLine: number,
  endLine: number,
): InlineWaiver[] {
  const lines = linesOf(text);
  const waivers: InlineWaiver[] = [];
  const read = (index: number) => {
    const match = INLINE.exec(lines[index] ?? '');
    if (!match) return;
    for (const rule of (match[1] ?? '').split(',')) {
      waivers.push({
        rule: rule.trim(),
        reason: (match[2] ?? '').trim() || '(no reason given)',
        source: `${file}:${index + 1}`,
      });
    }
  };
  for (let index = startLine - 2; index >= 0 && /^\s*(#|\/\/)/.test(lines[index] ?? ''); index--) read(index);
  for (let index = startLine - 1; index < Math.min(endLine, lines.length); index++) read(index);
  return waivers.sort((a, b) => a.source.localeCompare(b.source, undefined, { numeric: true }));
}

/**
 * Connectors call parseInlineWaivers once per resource block with the same file text: the lines are split once
 * per file, so a file of many blocks costs its size, not its size times its blocks.
 */
let lastSplit: { text: string; lines: string[] } | undefined;

function linesOf(text: string): readonly string[] {
  if (lastSplit?.text !== text) lastSplit = { text, lines: text.split(/\r?\n/) };
  return lastSplit.lines;
}
