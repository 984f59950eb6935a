/**
 * Text edits of one file, and the unified diff (`git diff` format, three lines of context) that makes them, for
 * `git apply` or `patch -p1`. Only the edited lines change: the file's indentation, alignment, comments and line
 * endings are kept as they are.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const CONTEXT = 3;

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of sorted(edits)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Whether an edit overlaps one of the others: such edits cannot both be made. */
export function overlaps(edit: TextEdit, others: readonly TextEdit[]): boolean {
  return others.some((other) => edit.start < other.end && other.start < edit.end);
}

interface Change {
  /** 0-based first and last old line. */
  first: number;
  last: number;
  lines: string[];
}

export function unifiedDiff(path: string, before: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(before);
  const oldLines = splitLines(before);
  const changes = groupChanges(before, starts, sorted(edits));
  const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  let delta = 0;
  for (let g = 0; g < changes.length; ) {
    let h = g;
    while (
      h + 1 < changes.length &&
      (changes[h + 1] as Change).first - (changes[h] as Change).last <= 2 * CONTEXT + 1
    )
      h++;
    const from = Math.max(0, (changes[g] as Change).first - CONTEXT);
    const to = Math.min(oldLines.length - 1, (changes[h] as Change).last + CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let line = from;
    for (let c = g; c <= h; c++) {
      const change = changes[c] as Change;
      for (; line < change.first; line++, oldCount++, newCount++) body.push(...numbered(' ', oldLines, line));
      for (; line <= change.last; line++, oldCount++) body.push(...numbered('-', oldLines, line));
      const last = changes.length - 1 === c && change.last === oldLines.length - 1;
      change.lines.forEach((text, i) => {
        body.push(`+${text}`);
        if (last && i === change.lines.length - 1 && !before.endsWith('\n'))
          body.push('\\ No newline at end of file');
      });
      newCount += change.lines.length;
    }
    for (; line <= to; line++, oldCount++, newCount++) body.push(...numbered(' ', oldLines, line));
    const newFrom = from + delta;
    out.push(`@@ -${range(from, oldCount)} +${range(newFrom, newCount)} @@`, ...body);
    for (let c = g; c <= h; c++) {
      const change = changes[c] as Change;
      delta += change.lines.length - (change.last - change.first + 1);
    }
    g = h + 1;
  }
  return `${out.join('\n')}\n`;

  function numbered(mark: string, lines: readonly string[], index: number): string[] {
    const text = `${mark}${lines[index]}`;
    return index === lines.length - 1 && !before.endsWith('\n')
      ? [text, '\\ No newline at end of file']
      : [text];
  }
}

function groupChanges(before: string, starts: readonly number[], edits: readonly TextEdit[]): Change[] {
  const changes: { first: number; last: number; edits: TextEdit[] }[] = [];
  for (const edit of edits) {
    const first = lineOf(starts, edit.start);
    const last = lineOf(starts, Math.max(edit.start, edit.end - 1));
    const previous = changes[changes.length - 1];
    if (previous && first <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.edits.push(edit);
    } else changes.push({ first, last, edits: [edit] });
  }
  return changes.map(({ first, last, edits: group }) => {
    const from = starts[first] as number;
    const to = last + 1 < starts.length ? (starts[last + 1] as number) : before.length;
    const shifted = group.map((edit) => ({ ...edit, start: edit.start - from, end: edit.end - from }));
    return { first, last, lines: splitLines(applyEdits(before.slice(from, to), shifted)) };
  });
}

function sorted(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1))
    starts.push(at + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

function range(from: number, count: number): string {
  const start = count === 0 ? from : from + 1;
  return count === 1 ? `${start}` : `${start},${count}`;
}
