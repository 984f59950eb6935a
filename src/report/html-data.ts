import type { FindingHistory } from '../model/history.js';
import { formatLocation } from '../model/location.js';
import type { DriftEntry, Report, Violation, WaivedViolation } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { changedByText } from './attribution-text.js';
import { displayChanges, isAbsent, valueText } from './change-display.js';
import { ageText } from './finding-age.js';

/**
 * The finding tables of the HTML report as data for its script, which shows them a page at a time: at 25,000
 * findings, markup for every row would be tens of megabytes and take seconds to lay out. Every string is stored
 * once (`strings`) and a cell is its index, so a rule's title or a repeated message costs one number per row. A
 * long string is stored as the indices of its tokens (each ending at a space or an identifier's separator), so
 * the ARNs, resource ids and keys of an estate, which share long prefixes, cost little more than their last token.
 *
 * Row layouts (the script in html-script.ts reads them by position):
 * - drift: kind, type, id, account, address, location, status, changes ([path, declared, live, absent] where
 *   absent is 1 for the declared side, 2 for the live side, 3 for both), and who changed it when attribution ran
 * - violations: severity, rule, title, origin, key, location, path, message, status, fix (1 when "How to fix"
 *   has the rule)
 * - drift and violations, with --history: a last column, the finding's age (finding-age.ts)
 * - waived: severity, rule, title, origin, key, reason, source, expires
 */
export interface TableData {
  /** A string, or the indices of the tokens it is made of. */
  strings: (string | number[])[];
  drift: Row[];
  violations: Row[];
  waived: Row[];
}

export type Row = (number | ChangeCell[])[];
type ChangeCell = [number, number, number, number];

export function tableData(report: Report, fixable: ReadonlySet<string>): TableData {
  const strings = new Interner();
  const { drift, violations, waived } = rows(report, fixable, (text) => strings.use(text ?? ''));
  // Then renumbered, the most used strings first, so that the most frequent indices are the shortest.
  const { list, remap } = strings.byUse();
  const renumber = (flagColumn?: number) => (row: Row) =>
    row.map((cell, column) =>
      typeof cell !== 'number'
        ? cell.map(
            ([path, declared, live, absent]): ChangeCell => [
              remap(path),
              remap(declared),
              remap(live),
              absent,
            ],
          )
        : column === flagColumn
          ? cell
          : remap(cell),
    );
  return {
    strings: list,
    drift: drift.map(renumber()),
    violations: violations.map(renumber(FIX_COLUMN)),
    waived: waived.map(renumber()),
  };
}

/** The column of a violation row that is a flag, not a string. */
const FIX_COLUMN = 9;

function rows(
  report: Report,
  fixable: ReadonlySet<string>,
  s: (text: string | undefined) => number,
): Omit<TableData, 'strings'> {
  const aged = agedColumn(report, s);
  // Who changed it (cell 8) and the age (cell 9) have fixed places once either ran: a report with both, or with
  // ages only, reads each from its own cell. Reports with neither keep their rows as they were.
  const withTail = report.history !== undefined || report.drift.some((d) => d.changedBy !== undefined);
  const tail = (d: DriftEntry): number[] =>
    withTail ? [d.changedBy ? s(redactSecretText(changedByText(d.changedBy))) : 0, ...aged(d.history)] : [];
  const drift = report.drift.map(
    (d: DriftEntry): Row => [
      s(d.kind),
      s(d.type),
      s(d.id),
      s(d.account),
      s(d.address),
      s(formatLocation(d.location)),
      s(d.status),
      displayChanges(d.changes).map(
        (c): ChangeCell => [
          s(c.path),
          s(valueText(c.declared)),
          s(valueText(c.live)),
          (isAbsent(c.declared) ? 1 : 0) | (isAbsent(c.live) ? 2 : 0),
        ],
      ),
      ...tail(d),
    ],
  );
  const violations = report.violations.map(
    (v: Violation): Row => [
      s(v.severity),
      s(v.ruleId),
      s(v.title),
      s(v.origin),
      s(v.key),
      s(formatLocation(v.location)),
      s(v.path),
      s(redactSecretText(v.message)),
      s(v.status),
      fixable.has(v.ruleId) ? 1 : 0,
      ...aged(v.history),
    ],
  );
  const waived = report.waived.map(
    (v: WaivedViolation): Row => [
      s(v.severity),
      s(v.ruleId),
      s(v.title),
      s(v.origin),
      s(v.key),
      s(redactSecretText(v.waiver.reason)),
      s(v.waiver.source),
      s(v.waiver.expires ?? 'never'),
    ],
  );
  return { drift, violations, waived };
}

/** With --history, a last column: the finding's age (`12 days`, `new`). */
function agedColumn(
  report: Report,
  s: (text: string | undefined) => number,
): (history: FindingHistory | undefined) => number[] {
  if (report.history === undefined) return () => [];
  return (history) => [s(ageText(history, report.scan.startedAt))];
}

/** A token: up to and with a run of spaces or separators (the same set the script breaks lines after). */
const TOKEN = /[^\s/:._\-=,;@&?#|\\]*(?:[\s/:._\-=,;@&?#|\\]+|$)/g;
/** Where a path, ARN or key goes one level down: the prefix up to here is stored once, for every string under it. */
const LEVEL = /[/:.]$/;
/** Below this length a string is stored whole: its token indices would cost about as much as its text. */
const SPLIT_FROM = 24;

class Interner {
  readonly list: (string | number[])[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  private readonly uses: number[] = [0];

  /** `id`, counting one use of the string by a cell. */
  use(text: string): number {
    const index = this.id(text);
    this.uses[index] = (this.uses[index] ?? 0) + 1;
    return index;
  }

  id(text: string): number {
    const known = this.index.get(text);
    if (known !== undefined) return known;
    const tokens = text.length < SPLIT_FROM ? [] : (text.match(TOKEN) ?? []).filter((t) => t !== '');
    if (tokens.length < 2) return this.add(text, text);
    let end = 0;
    let parts: number[] = [];
    for (const token of tokens.slice(0, -1)) {
      end += token.length;
      parts.push(this.whole(token));
      if (!LEVEL.test(token)) continue;
      const prefix = text.slice(0, end);
      parts = [this.index.get(prefix) ?? this.add(prefix, parts)];
    }
    parts.push(this.whole(tokens[tokens.length - 1] ?? ''));
    return this.add(text, parts);
  }

  private whole(text: string): number {
    return this.index.get(text) ?? this.add(text, text);
  }

  private add(text: string, entry: string | number[]): number {
    this.list.push(entry);
    this.index.set(text, this.list.length - 1);
    return this.list.length - 1;
  }

  /**
   * The strings most used first, so that their indices are short: the order (and so the output) depends only on
   * the strings, and `remap` gives every old index its new one.
   */
  byUse(): { list: (string | number[])[]; remap: (index: number) => number } {
    const uses = this.list.map((_, index) => this.uses[index] ?? 0);
    for (const entry of this.list)
      if (typeof entry !== 'string') for (const part of entry) uses[part] = (uses[part] ?? 0) + 1;
    const order = this.list.map((_, index) => index);
    order.sort((a, b) => (uses[b] ?? 0) - (uses[a] ?? 0) || a - b);
    const position = new Array<number>(order.length);
    order.forEach((old, index) => {
      position[old] = index;
    });
    const remap = (index: number) => position[index] ?? index;
    const list = order.map((old) => {
      const entry = this.list[old] ?? '';
      return typeof entry === 'string' ? entry : entry.map(remap);
    });
    return { list, remap };
  }
}

/**
 * JavaScript that makes the value, to put inside a `<script>` element: `JSON.parse('...')`, which browsers read
 * faster than the same object as a literal (about 40% less time to the first page of rows at 25,000 findings).
 * In the string, `\` and `'` are escaped, and every `<` is written `\u003c`, so that no value can close the
 * element (`</script>`) or open an HTML comment (`<!--`); U+2028 and U+2029 are escaped for engines older than
 * ES2019.
 */
export function scriptValue(value: unknown): string {
  const text = JSON.stringify(value)
    .replace(/[\\']/g, (char) => `\\${char}`)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
  return `JSON.parse('${text}')`;
}
