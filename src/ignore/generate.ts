import { parsePath } from '../model/path.js';
import type { DriftEntry, Report } from '../model/report.js';
import { hasControlCharacter } from '../util/control-characters.js';
import { isLiteralGlob } from '../util/glob.js';
import { IgnoreRules } from './index.js';
import { parseIgnoreLines } from './parse.js';

/** driftctl's `gen-driftignore` options: what to leave out of the generated file. */
export interface GenerateOptions {
  excludeUnmanaged?: boolean;
  excludeMissing?: boolean;
  excludeChanged?: boolean;
}

/** A finding that no `.driftignore` rule can name exactly, so none was written for it. */
export interface SkippedEntry {
  key: string;
  reason: string;
}

export interface GeneratedIgnore {
  /** The file's lines: a comment heading each section, then its rules, sorted. */
  lines: string[];
  counts: { unmanaged: number; missing: number; changed: number };
  skipped: SkippedEntry[];
}

type Subject = Pick<DriftEntry, 'type' | 'id' | 'provider'>;

/**
 * The `.driftignore` rules that accept a report's drift as it is, as driftctl's `gen-driftignore` writes them
 * (snyk/driftctl pkg/analyser/analysis.go DriftIgnoreList: a `# Resources not covered by IaC` section, then
 * `# Missing resources`, each a `type.id` rule with dots and backslashes in the id escaped). A changed resource
 * gets one rule per changed attribute (`type.id.path`) rather than driftctl's whole resource, so later drift in
 * its other attributes, or its deletion, still shows. Every rule is read back with the parser that loads it and
 * must name exactly its finding: an id no rule can spell (a `*`, which is always a wildcard; a line break or
 * other control character; spaces at either end or a ` #`, which the reader trims or takes for a comment) is
 * skipped and listed, never written as a broader rule.
 */
export function generateIgnore(report: Pick<Report, 'drift'>, options: GenerateOptions): GeneratedIgnore {
  const skipped: SkippedEntry[] = [];
  const sections: { title: string; rules: Set<string> }[] = [];
  const add = (title: string, entries: readonly DriftEntry[], rulesOf: (entry: DriftEntry) => string[]) => {
    const rules = new Set<string>();
    for (const entry of entries) {
      for (const rule of rulesOf(entry)) rules.add(rule);
    }
    if (rules.size > 0) sections.push({ title, rules });
    return rules.size;
  };
  const ofKind = (kind: DriftEntry['kind']) => report.drift.filter((entry) => entry.kind === kind);
  const resourceRule = (entry: DriftEntry) => checked(entry, [], skipped);
  const counts = {
    unmanaged: options.excludeUnmanaged
      ? 0
      : add('Resources not covered by IaC', ofKind('unmanaged'), resourceRule),
    missing: options.excludeMissing ? 0 : add('Missing resources', ofKind('missing'), resourceRule),
    changed: options.excludeChanged
      ? 0
      : add('Changed attributes', ofKind('changed'), (entry) =>
          entry.changes.length === 0
            ? resourceRule(entry)
            : entry.changes.flatMap((change) => checked(entry, parsePath(change.path), skipped)),
        ),
  };
  const lines: string[] = [];
  for (const { title, rules } of sections) lines.push(`# ${title}`, ...[...rules].sort());
  return { lines, counts, skipped };
}

/** A rule for the resource (or one attribute of it) when it reads back as exactly that; else it is skipped. */
function checked(entry: DriftEntry, path: readonly (string | number)[], skipped: SkippedEntry[]): string[] {
  const segments = [entry.type, entry.id, ...path.map(String)];
  const rule = segments.map(escapeSegment).join('.');
  const problem = unspellable(segments) ?? readsBackWrong(rule, entry, path);
  if (problem === undefined) return [rule];
  skipped.push({ key: path.length === 0 ? entry.key : `${entry.key} ${path.join('.')}`, reason: problem });
  return [];
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('\\', '\\\\').replaceAll('.', '\\.');
}

function unspellable(segments: readonly string[]): string | undefined {
  for (const segment of segments) {
    if (segment.includes('*'))
      return 'it contains a `*`, which a .driftignore rule always reads as a wildcard';
    if (hasControlCharacter(segment)) return 'it contains a control character';
    if (segment === '') return 'it has an empty part';
  }
  const text = segments.join('.');
  if (/\s#/.test(text) || text !== text.trim()) return 'a .driftignore line cannot hold it (spaces or ` #`)';
  return undefined;
}

function readsBackWrong(
  rule: string,
  subject: Subject,
  path: readonly (string | number)[],
): string | undefined {
  const parsed = parseIgnoreLines([rule], () => 'generated');
  const [read] = parsed.rules;
  const exact =
    parsed.rules.length === 1 &&
    read !== undefined &&
    !read.negated &&
    read.resource.length === 1 &&
    read.resource.every(isLiteralGlob) &&
    !read.attributePath.includes('*');
  if (!exact) return 'the rule would not read back as written';
  const rules = new IgnoreRules(parsed.rules);
  const matches =
    path.length === 0 ? rules.isResourceIgnored(subject) : rules.isAttributeIgnored(subject, path);
  return matches ? undefined : 'the rule would not match it';
}
