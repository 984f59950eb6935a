import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Style } from './style.js';

/**
 * Laying text out in a terminal of a known width. Widths are terminal columns (string-width: East Asian wide
 * characters count two, combining marks and this renderer's own ANSI styles none); styled text wraps through
 * wrap-ansi, which keeps a style open across the lines it makes. Cells reach here already made inert by
 * `terminalText`, so the only escapes in them are the renderer's own.
 */
export interface Column {
  header: string;
  /** The column may be narrower than its widest cell; its cells then wrap. Other columns keep their width. */
  wrap?: boolean;
  /**
   * Where the table does not fit, the column leaves it: its cell goes on a line of its own under the row (after
   * the other spilled cells of the row, joined by `: `), so that the columns left keep a readable width.
   */
  spill?: boolean;
}

export interface LaidOut {
  header: string[];
  rows: string[][];
}

const INDENT = '  ';
const GAP = '  ';
/** Spilled cells and continuation lines start here: under the second column of a row, past its first word. */
const UNDER = 6;
/** A wrapping column never gets narrower than this; where that does not fit, each row becomes a block. */
const MIN_WRAP_WIDTH = 12;
/** Spillable columns leave the table rather than leave a wrapping column narrower than this. */
const SPILL_BELOW = 24;
/** A long word breaks after one of these (`arn:aws:iam::1:role/x`, `a.b.c`, `snake_case`), else anywhere. */
const BREAK_AFTER = /[:/._\-=,;&?#@|\]})]/;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function textWidth(text: string): number {
  return stringWidth(text);
}

/** An aligned table: header lines, then each row's lines (see `layoutRows`). */
export function layoutTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number | undefined,
  style: Style,
): string[] {
  const laid = layoutRows(columns, rows, width, style);
  return [...laid.header, ...laid.rows.flat()];
}

/**
 * Without a width every column is as wide as its widest cell. With one, the wrapping columns share what the
 * others leave (the narrow ones keep their width, the wide ones get an equal share) and their cells wrap, so that a
 * row grows taller instead of breaking across the terminal; spillable columns move under their row first where
 * the share would be too narrow, and a terminal too narrow for any of it gets one block per row. A cell may hold
 * several lines. The lines of each row come apart, for lines to be put under a row.
 */
export function layoutRows(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number | undefined,
  style: Style,
): LaidOut {
  const natural = columns.map((column, i) =>
    Math.max(textWidth(column.header), ...rows.map((row) => cellWidth(row[i] ?? ''))),
  );
  if (width === undefined) return grid(columns, rows, natural, style);
  const whole = fitWidths(columns, natural, width);
  const cramped = (widths: readonly number[]) =>
    columns.some((column, i) => column.wrap && (widths[i] ?? 0) < Math.min(natural[i] ?? 0, SPILL_BELOW));
  if (whole && !(columns.some((column) => column.spill) && cramped(whole)))
    return grid(columns, rows, whole, style);
  const kept = columns.flatMap((column, i) => (column.spill ? [] : [i]));
  const narrowed =
    kept.length < columns.length ? fitWidths(pick(columns, kept), pick(natural, kept), width) : undefined;
  if (!narrowed) return { header: [], rows: rows.map((row) => block(columns, row, width, style)) };
  const laid = grid(
    pick(columns, kept),
    rows.map((row) => pick(row, kept)),
    narrowed,
    style,
  );
  rows.forEach((row, r) => {
    const spilled = columns.flatMap((column, i) => (column.spill && row[i] ? [row[i]] : []));
    if (spilled.length > 0)
      laid.rows[r]?.push(...wrapHanging(`${' '.repeat(UNDER)}${spilled.join(': ')}`, width, UNDER + 2));
  });
  return laid;
}

function pick<T>(items: readonly T[], indexes: readonly number[]): T[] {
  return indexes.flatMap((i) => (i < items.length ? [items[i] as T] : []));
}

function grid(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  style: Style,
): LaidOut {
  const header = renderRow(
    columns.map((column) => column.header),
    widths,
  ).map((line) => style.dim(line));
  return { header, rows: rows.map((row) => renderRow(row, widths)) };
}

/** The column widths that fit `width`, or undefined when even the narrowest wrapping columns do not. */
function fitWidths(
  columns: readonly Column[],
  natural: readonly number[],
  width: number,
): number[] | undefined {
  const available = width - INDENT.length - GAP.length * (columns.length - 1);
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= available) return [...natural];
  const fixed = columns.reduce((sum, column, i) => sum + (column.wrap ? 0 : (natural[i] ?? 0)), 0);
  const wrapping = columns.flatMap((column, i) => (column.wrap ? [i] : []));
  const floor = (i: number) => Math.min(natural[i] ?? 0, MIN_WRAP_WIDTH);
  let budget = available - fixed;
  if (wrapping.length === 0 || budget < wrapping.reduce((sum, i) => sum + floor(i), 0)) return undefined;
  const widths = [...natural];
  let open = wrapping;
  // Water-filling: a column narrower than an equal share keeps its width and leaves the rest to the others.
  for (;;) {
    const share = Math.floor(budget / open.length);
    const settled = open.filter((i) => (natural[i] ?? 0) <= share || floor(i) >= share);
    if (settled.length === 0) {
      let spare = budget - share * open.length;
      for (const i of open) widths[i] = share + (spare-- > 0 ? 1 : 0);
      return widths;
    }
    for (const i of settled) {
      widths[i] = (natural[i] ?? 0) <= share ? (natural[i] ?? 0) : floor(i);
      budget -= widths[i] ?? 0;
    }
    open = open.filter((i) => !settled.includes(i));
    if (open.length === 0) return widths;
  }
}

function renderRow(cells: readonly string[], widths: readonly number[]): string[] {
  const wrapped = widths.map((w, i) => cellLines(cells[i] ?? '', w));
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const out: string[] = [];
  for (let line = 0; line < height; line++) {
    const parts = wrapped.map((lines, i) => {
      const text = lines[line] ?? '';
      return i === wrapped.length - 1
        ? text
        : text + ' '.repeat(Math.max(0, (widths[i] ?? 0) - textWidth(text)));
    });
    out.push(`${INDENT}${parts.join(GAP)}`.trimEnd());
  }
  return out;
}

/** A row as a block: its narrow cells on one line, then each wrapping cell under its header, wrapped to the width. */
function block(columns: readonly Column[], row: readonly string[], width: number, style: Style): string[] {
  const label = Math.max(...columns.map((column) => textWidth(column.header))) + GAP.length;
  const narrow = columns.flatMap((column, i) => (column.wrap || column.spill || !row[i] ? [] : [row[i]]));
  const out = wrapHanging(`${INDENT}${narrow.join(GAP)}`, width, UNDER);
  const indent = INDENT.length + 2 + label;
  columns.forEach((column, i) => {
    const cell = row[i] ?? '';
    if (!(column.wrap || column.spill) || cell === '') return;
    const head = `${INDENT}  ${style.dim(column.header.padEnd(label))}`;
    for (const [n, line] of cell.split('\n').entries())
      out.push(...wrapHanging(`${n === 0 ? head : ' '.repeat(indent)}${line}`, width, indent));
  });
  return out;
}

function cellWidth(cell: string): number {
  return Math.max(0, ...cell.split('\n').map(textWidth));
}

function cellLines(cell: string, width: number): string[] {
  return cell.split('\n').flatMap((line) => wrapText(line, width));
}

/**
 * Text wrapped to the width: at spaces, and a word too long for a line after a separator where one falls in its
 * second half (an ARN at `:` or `/`), else at the width. Styled text (which the renderer styles whole) goes
 * through wrap-ansi.
 */
function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (textWidth(text) <= firstWidth) return [text];
  if (text.includes('\u001b')) return wrapAnsi(text, Math.min(width, firstWidth), { hard: true }).split('\n');
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line === '' ? word : `${line} ${word}`;
    const limit = lines.length === 0 ? firstWidth : width;
    if (textWidth(joined) <= limit) {
      line = joined;
      continue;
    }
    let rest = word;
    // A word that must break anyway fills the rest of the line first (a value after its label, not under it).
    const room = limit - textWidth(line) - 1;
    if (line !== '' && textWidth(word) > limit && room >= MIN_WRAP_WIDTH) {
      const [head, tail] = breakWord(word, room);
      lines.push(`${line} ${head}`);
      rest = tail;
    } else if (line !== '') lines.push(line.trimEnd());
    const limitNow = () => (lines.length === 0 ? firstWidth : width);
    while (textWidth(rest) > limitNow()) {
      const [head, tail] = breakWord(rest, limitNow());
      lines.push(head);
      rest = tail;
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A word cut to at most `width` columns (at least one grapheme), after the last separator in its second half. */
function breakWord(word: string, width: number): [string, string] {
  let used = 0;
  let cut = 0;
  let lastBreak = 0;
  for (const { segment, index } of graphemes.segment(word)) {
    const w = textWidth(segment);
    if (used + w > width && cut > 0) break;
    used += w;
    cut = index + segment.length;
    if (BREAK_AFTER.test(segment) && used * 2 >= width) lastBreak = cut;
  }
  const at = lastBreak > 0 && lastBreak < word.length ? lastBreak : cut;
  return [word.slice(0, at), word.slice(at)];
}

/**
 * A line wrapped to the width, its continuation lines indented by `indent` columns; unchanged when it fits or
 * when no width is known.
 */
export function wrapHanging(line: string, width: number | undefined, indent: number): string[] {
  if (width === undefined || textWidth(line) <= width) return [line];
  const lead = line.length - line.trimStart().length;
  const hang = Math.min(indent, Math.max(0, width - MIN_WRAP_WIDTH));
  const [first = '', ...rest] = wrapText(
    line.slice(lead),
    Math.max(1, width - hang),
    Math.max(1, width - lead),
  );
  return [
    `${' '.repeat(Math.min(lead, width - 1))}${first}`,
    ...rest.map((text) => `${' '.repeat(hang)}${text}`),
  ];
}

/** A line cut to the width, ending in an ellipsis when cut. */
export function truncateLine(line: string, width: number | undefined): string {
  if (width === undefined || textWidth(line) <= width) return line;
  const [head = ''] = wrapAnsi(line, Math.max(1, width - 1), {
    hard: true,
    wordWrap: false,
    trim: false,
  }).split('\n');
  return `${head}…`;
}
