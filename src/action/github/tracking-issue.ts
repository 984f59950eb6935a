import { z } from 'zod';
import type { FixPlan } from '../../fix/plan.js';
import type { Report } from '../../model/report.js';
import { redactSecretText } from '../../model/secret-patterns.js';
import { driftId, violationId } from '../../report/fingerprint.js';
import { renderMarkdown } from '../../report/markdown.js';
import { ATTRIBUTION_SECTION_BUDGET, attributionMarkdown } from '../../report/markdown-attribution.js';
import { codifyMarkdown } from '../../report/markdown-codify.js';
import { fixMarkdown } from '../../report/markdown-fix.js';
import { codeText, inlineCode, truncateText } from '../../report/markdown-text.js';
import { type GitHub, GitHubApiError } from './client.js';
import { hiddenMarker, ownAuthor } from './sticky-comment.js';

/** Issue bodies share the comment limit (65,536); this leaves a margin. */
export const ISSUE_BODY_LIMIT = 60_000;
/** The hidden state may take this much of the body; the visible part gets the rest. */
const STATE_BUDGET = 45_000;
const SUMMARY_MAX = 120;
const LIST_BUDGET = 8_000;
/** The import blocks of the unmanaged resources (markdown-codify.ts). */
const CODIFY_ROOM = 6_000;
const FIX_BUDGET = 6_000;
/** Of what the state leaves, the share of the lists; the import, fix and attribution sections share the rest. */
const LISTS_SHARE = 0.6;
/** Kept free below the sections for the details' heading and the note that replaces them. */
const SECTIONS_RESERVE = 200;
const DAY_MS = 86_400_000;

export type ScanOutcome = Report | { error: string };

export interface TrackingIssueOptions {
  /** The label of the tracking issue, e.g. `driftwarden`. */
  label: string;
  /** The label of the separate issue that collects failed scans, e.g. `driftwarden-failed`. */
  failedLabel: string;
  /** A hidden HTML comment that marks the tracking issue, e.g. `<!-- driftwarden:tracking-issue -->`. */
  marker: string;
  title: string;
  report: ScanOutcome;
  now: Date;
  runUrl?: string;
  /** Default: the marker with `:failed` appended to its name. */
  failedMarker?: string;
  /** Default: the title followed by `: scan failed`. */
  failedTitle?: string;
  /** Told the findings the issue's state held before this run (the change notifications); not on a failed scan. */
  onPrevious?: (state: FindingState) => void;
  /** The accept-or-revert choice for the changed resources (src/action/fix-pull-request.ts). */
  fix?: FixPlan;
  /**
   * The state as the history store recorded it (`history`): when given, the issue's hidden state is neither read
   * nor written, and what is new, resolved and still open is what the store says.
   */
  history?: StoreState;
}

/** The tracking state of one scope of the history store (src/action/history-state.ts), as of the scan just recorded. */
export interface StoreState {
  /** The store, without its password, for the issue's status line. */
  store: string;
  /** The findings open in the scope before this scan, with their first-seen times. */
  previous: FindingState;
  /** Of those, the ones this scan resolved: the store resolves only what a complete scan saw in full. */
  resolved: ReadonlySet<string>;
  /**
   * The store held no earlier scan of the scope: the issue's own hidden state, if it has one, is the previous
   * state this once, so that a setup moving to a store does not report every open finding as new.
   */
  firstScan: boolean;
}

export type TrackingAction = 'created' | 'updated' | 'closed' | 'reopened' | 'unchanged' | 'failed-reported';

export interface TrackingIssueResult {
  action: TrackingAction;
  /** The tracking issue, or for `failed-reported` the failure issue; null when there is none (clean, no issue). */
  issueNumber: number | null;
}

/** A finding as the state remembers it. */
export interface StoredFinding {
  firstSeen: string;
  summary: string;
}

export type FindingState = Record<string, StoredFinding>;

interface Finding {
  id: string;
  summary: string;
}

interface OpenFinding extends Finding {
  firstSeen: string;
}

interface FindingDiff {
  added: OpenFinding[];
  resolved: OpenFinding[];
  open: OpenFinding[];
  /** Stored findings an incomplete scan did not see: kept, neither resolved nor confirmed. */
  unchecked: OpenFinding[];
}

interface Issue {
  number: number;
  state: string;
  body: string;
}

const STATE_PREFIX = '<!-- driftwarden:state ';
const STATE_SUFFIX = ' -->';
const findingSchema = z.object({ firstSeen: z.string(), summary: z.string().default('') });
/** Read key by key rather than with z.record, which would take a `__proto__` key for the prototype. */
const stateSchema = z.object({ findings: z.looseObject({}) });

/**
 * The nightly tracking issue: created on the first drift, its body and one comment updated when the findings
 * change, left alone when they do not, closed when a complete scan is clean, reopened when drift comes back. A
 * failed scan is never taken for a clean one: it is reported on a separate issue and the tracking issue is kept.
 */
export async function syncTrackingIssue(
  gh: GitHub,
  options: TrackingIssueOptions,
): Promise<TrackingIssueResult> {
  const { report } = options;
  if ('error' in report || isFailedScan(report)) return reportFailure(gh, options, failureLines(report));
  const marker = hiddenMarker(options.marker);
  const issue = await findIssue(gh, options.label, marker, 'all');
  const stored = previousState(gh, issue, options.history);
  options.onPrevious?.(stored);
  const { history } = options;
  const resolves = (id: string) =>
    history && !history.firstScan ? history.resolved.has(id) : report.scan.complete;
  const diff = diffFindings(stored, currentFindings(report), resolves, options.now);
  const result = await applyDiff(gh, { ...options, report }, marker, issue, diff);
  if (report.scan.complete) await closeRecoveredFailure(gh, options);
  return result;
}

/** A thrown scan error, or a report in which no source could be read. */
export function isFailedScan(report: ScanOutcome): boolean {
  if ('error' in report) return true;
  return !report.scan.complete && !report.scan.sources.some((source) => source.status === 'ok');
}

type ScanOptions = TrackingIssueOptions & { report: Report };

async function applyDiff(
  gh: GitHub,
  options: ScanOptions,
  marker: string,
  issue: Issue | undefined,
  diff: FindingDiff,
): Promise<TrackingIssueResult> {
  const { report } = options;
  const seen = diff.added.length + diff.open.length;
  const remaining = diff.added.length + diff.open.length + diff.unchecked.length;
  const changed = diff.added.length + diff.resolved.length > 0;
  if (!issue) {
    if (remaining === 0) return { action: 'unchanged', issueNumber: null };
    return { action: 'created', issueNumber: await createIssue(gh, options, marker, diff) };
  }
  const body = issueBody(options, marker, diff, report, gh);
  if (issue.state === 'closed') {
    if (seen === 0) return { action: 'unchanged', issueNumber: issue.number };
    await updateIssue(gh, issue.number, { body, state: 'open' });
    await comment(gh, issue.number, changeComment('reopened', options, diff));
    return { action: 'reopened', issueNumber: issue.number };
  }
  if (remaining === 0 && report.scan.complete) {
    await comment(gh, issue.number, changeComment('closed', options, diff));
    await updateIssue(gh, issue.number, { body, state: 'closed', state_reason: 'completed' });
    return { action: 'closed', issueNumber: issue.number };
  }
  if (!changed) return { action: 'unchanged', issueNumber: issue.number };
  await updateIssue(gh, issue.number, { body });
  await comment(gh, issue.number, changeComment('updated', options, diff));
  return { action: 'updated', issueNumber: issue.number };
}

async function createIssue(gh: GitHub, options: ScanOptions, marker: string, diff: FindingDiff) {
  await ensureLabel(gh, options.label, 'd93f0b', 'Drift and policy violations found by driftwarden');
  const { data } = await gh.octokit.rest.issues.create({
    owner: gh.owner,
    repo: gh.repo,
    title: options.title,
    body: issueBody(options, marker, diff, options.report, gh),
    labels: [options.label],
  });
  return data.number;
}

// ---- failed scans ----

async function reportFailure(
  gh: GitHub,
  options: TrackingIssueOptions,
  lines: string[],
): Promise<TrackingIssueResult> {
  const marker = failedMarker(options);
  const issue = await findIssue(gh, options.failedLabel, marker, 'all');
  const text = failureText(options, lines);
  if (!issue) {
    await ensureLabel(gh, options.failedLabel, 'b60205', 'driftwarden scans that failed');
    const { data } = await gh.octokit.rest.issues.create({
      owner: gh.owner,
      repo: gh.repo,
      title: options.failedTitle ?? `${options.title}: scan failed`,
      body: `${failureIntro()}\n\n${text}\n\n${marker}`,
      labels: [options.failedLabel],
    });
    return { action: 'failed-reported', issueNumber: data.number };
  }
  await comment(gh, issue.number, text);
  if (issue.state === 'closed') await updateIssue(gh, issue.number, { state: 'open' });
  return { action: 'failed-reported', issueNumber: issue.number };
}

/** After a complete scan, an open failure issue is closed with a comment. */
async function closeRecoveredFailure(gh: GitHub, options: TrackingIssueOptions): Promise<void> {
  const issue = await findIssue(gh, options.failedLabel, failedMarker(options), 'open');
  if (!issue) return;
  await comment(
    gh,
    issue.number,
    `:white_check_mark: The drift scan completed again at ${options.now.toISOString()}${runLink(options)}.`,
  );
  await updateIssue(gh, issue.number, { state: 'closed', state_reason: 'completed' });
}

function failedMarker(options: TrackingIssueOptions): string {
  if (options.failedMarker) return hiddenMarker(options.failedMarker);
  const inner = /^<!--\s*(.*?)\s*-->$/s.exec(hiddenMarker(options.marker))?.[1] ?? 'driftwarden:tracking';
  return `<!-- ${inner}:failed -->`;
}

function failureLines(report: { error: string } | Report): string[] {
  if ('error' in report) {
    const lines = report.error.split(/\r?\n/).filter((line) => line.trim() !== '');
    return lines.length > 0 ? lines : ['the scan failed without a message'];
  }
  const sources = report.scan.sources.map(
    (s) => `${s.side} source ${s.location} (${s.connector}): ${s.status}${s.error ? ` - ${s.error}` : ''}`,
  );
  const errors = report.scan.diagnostics.filter((d) => d.level === 'error').map((d) => d.message);
  const lines = [...sources, ...errors];
  return lines.length > 0 ? lines : ['no source could be read'];
}

function failureIntro(): string {
  return (
    'driftwarden could not complete its scheduled scan, so drift could not be checked. ' +
    'A failed scan is never taken for a clean one: the drift tracking issue is left as it was. ' +
    'Each failure is added below as a comment; the issue closes when a scan completes again.'
  );
}

/** Error text in a fenced block (where GitHub renders nothing), redacted, with no HTML comment and no fence in it. */
function failureText(options: TrackingIssueOptions, lines: string[]): string {
  const shown = lines
    .slice(0, 20)
    .map((line) => codeText(oneLine(redactSecretText(line), 1000)).replaceAll('~~~', '~ ~ ~'));
  const more = lines.length > shown.length ? `\n(${lines.length - shown.length} more)` : '';
  return (
    `:warning: **Scan failed** at ${options.now.toISOString()}${runLink(options)}.\n\n` +
    `~~~text\n${shown.join('\n')}${more}\n~~~`
  );
}

// ---- findings and state ----

/** The findings of a report by stable id (drift by driftId, violations by violationId). */
export function currentFindings(report: Report): Map<string, string> {
  const found = new Map<string, string>();
  for (const d of report.drift) {
    found.set(driftId(d), `${d.kind}: ${d.key}${d.account ? ` (account ${d.account})` : ''}`);
  }
  for (const v of report.violations) {
    found.set(
      violationId(v),
      `${v.severity} ${v.ruleId}: ${v.key} (${v.origin}${v.path ? `, ${v.path}` : ''})`,
    );
  }
  return found;
}

/**
 * What the previous run knew: the store's state, or the issue's hidden state (no store, or the store's first scan
 * of the scope).
 */
function previousState(gh: GitHub, issue: Issue | undefined, history: StoreState | undefined): FindingState {
  if (history && !history.firstScan) return history.previous;
  if (!issue) return history?.previous ?? {};
  const state = parseState(issue.body);
  if (state) return state;
  if (history) return history.previous;
  gh.log.warning('The tracking issue has no readable driftwarden state; every finding counts as new');
  return {};
}

function diffFindings(
  stored: FindingState,
  current: Map<string, string>,
  resolves: (id: string) => boolean,
  now: Date,
) {
  const diff: FindingDiff = { added: [], resolved: [], open: [], unchecked: [] };
  for (const [id, summary] of current) {
    const before = Object.hasOwn(stored, id) ? stored[id] : undefined;
    if (before) diff.open.push({ id, summary, firstSeen: before.firstSeen });
    else diff.added.push({ id, summary, firstSeen: now.toISOString() });
  }
  for (const [id, before] of Object.entries(stored)) {
    if (current.has(id)) continue;
    (resolves(id) ? diff.resolved : diff.unchecked).push({ id, ...before });
  }
  diff.open.sort(byAge);
  diff.unchecked.sort(byAge);
  return diff;
}

function byAge(a: OpenFinding, b: OpenFinding): number {
  return a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id);
}

/**
 * The state hidden in an issue body; undefined when it is absent or unreadable. Only the state the tool wrote
 * counts: the last line of the body, after everything rendered. (Rendered values cannot hold an HTML comment
 * opener anyway; this is the second wall.)
 */
export function parseState(body: string): FindingState | undefined {
  const text = body.replaceAll('\r\n', '\n').trimEnd();
  const start = text.lastIndexOf(STATE_PREFIX);
  if (start < 0 || !text.endsWith(STATE_SUFFIX)) return undefined;
  if (start > 0 && text[start - 1] !== '\n') return undefined;
  const json = text.slice(start + STATE_PREFIX.length, text.length - STATE_SUFFIX.length);
  if (json.includes('\n')) return undefined;
  try {
    const raw: unknown = JSON.parse(json);
    if (!stateSchema.safeParse(raw).success) return undefined;
    const state: FindingState = Object.create(null);
    for (const [id, value] of Object.entries((raw as { findings: object }).findings)) {
      const finding = findingSchema.safeParse(value);
      if (!finding.success) return undefined;
      const entry = { value: finding.data, enumerable: true, writable: true, configurable: true };
      Object.defineProperty(state, id, entry);
    }
    return state;
  } catch {
    return undefined;
  }
}

/**
 * True when the body is one the tool wrote with this marker: the marker is its last line, or the line before the
 * state. A marker anywhere else is quoted text, not the tool's.
 */
export function carriesMarker(body: string, marker: string): boolean {
  const text = body.replaceAll('\r\n', '\n').trimEnd();
  if (text === marker || text.endsWith(`\n${marker}`)) return true;
  const lastLine = text.lastIndexOf('\n');
  if (lastLine < 0 || !text.startsWith(STATE_PREFIX, lastLine + 1)) return false;
  const head = text.slice(0, lastLine).trimEnd();
  return head === marker || head.endsWith(`\n${marker}`);
}

/** The hidden state comment; `<` and `>` are JSON-escaped so that no text can end the HTML comment. */
export function stateComment(findings: FindingState): string {
  const json = JSON.stringify({ findings }).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
  return `${STATE_PREFIX}${json}${STATE_SUFFIX}`;
}

/** The next state within the budget: summaries shortened, then dropped, then the newest findings left out. */
function nextState(gh: GitHub, diff: FindingDiff): string {
  const kept = [...diff.unchecked, ...diff.open, ...diff.added].sort(byAge);
  const build = (entries: OpenFinding[], summaries: boolean) =>
    stateComment(
      Object.fromEntries(
        entries.map((f) => [
          f.id,
          { firstSeen: f.firstSeen, summary: summaries ? oneLine(f.summary, SUMMARY_MAX) : '' },
        ]),
      ),
    );
  let state = build(kept, true);
  if (state.length <= STATE_BUDGET) return state;
  state = build(kept, false);
  if (state.length <= STATE_BUDGET) return state;
  const entryLength = Math.ceil(state.length / kept.length);
  const fits = Math.max(0, Math.floor(STATE_BUDGET / entryLength) - 1);
  gh.log.warning(
    `${kept.length} findings are too many to track in the issue; the newest ${kept.length - fits} are left out and will count as new again next run: keep the state in a history store instead (the history input)`,
  );
  return build(kept.slice(0, fits), false);
}

// ---- rendering ----

function issueBody(
  options: TrackingIssueOptions,
  marker: string,
  diff: FindingDiff,
  report: Report,
  gh: GitHub,
): string {
  const { history } = options;
  const tail = history ? `\n\n${marker}\n` : `\n\n${marker}\n${nextState(gh, diff)}\n`;
  const remaining = diff.added.length + diff.open.length + diff.unchecked.length;
  const parts = [`## ${options.title}`, '', statusLine(options, remaining, report.scan.complete)];
  if (history) parts.push('', storeLine(history, report));
  // The lists share what the state leaves of the body, less the part kept for the sections below: each takes at
  // most its budget and at most an even share of what is left, so that full lists, a full state and every
  // section still fit.
  const lists: [string, OpenFinding[], boolean][] = [
    ['New', diff.added, false],
    ['Resolved since the last scan', diff.resolved, false],
    ['Still open', diff.open, true],
    ['Not re-checked (incomplete scan)', diff.unchecked, true],
  ];
  const free = ISSUE_BODY_LIMIT - parts.join('\n').length - tail.length - SECTIONS_RESERVE;
  let listRoom = Math.floor(free * LISTS_SHARE);
  let listsLeft = lists.filter(([, items]) => items.length > 0).length;
  for (const [title, items, age] of lists) {
    if (items.length === 0) continue;
    const heading = `### ${title} (${items.length})`;
    const budget = Math.min(LIST_BUDGET, Math.floor(listRoom / listsLeft) - heading.length - 2);
    const text = bullets(items, options.now, age, budget);
    parts.push('', heading, text);
    listRoom -= heading.length + text.length + 3;
    listsLeft -= 1;
  }
  // The import, fix and attribution sections share what the lists and the state leave of the body, each at most
  // its own budget and an even share of what is left, so that together they never push the body past the limit.
  let sectionRoom = ISSUE_BODY_LIMIT - parts.join('\n').length - tail.length - SECTIONS_RESERVE;
  const { fix } = options;
  type Section = [render: (room: number) => string, budget: number];
  const fixSection: Section[] = remaining > 0 && fix ? [[(room) => fixMarkdown(fix, room), FIX_BUDGET]] : [];
  const sections: Section[] = [
    [(room) => codifyMarkdown(report.drift, room), CODIFY_ROOM],
    ...fixSection,
    [(room) => attributionMarkdown(report.drift, room), ATTRIBUTION_SECTION_BUDGET],
  ];
  for (const [index, [render, budget]] of sections.entries()) {
    const room = Math.min(budget, Math.floor(sectionRoom / (sections.length - index)));
    const text = room > 0 ? render(room) : '';
    if (text === '') continue;
    parts.push('', text);
    sectionRoom -= text.length + 2;
  }
  const head = parts.join('\n');
  const room = ISSUE_BODY_LIMIT - head.length - tail.length - 100;
  if (remaining === 0) return `${head}${tail}`;
  const details = room > 2_000 ? renderMarkdown(report, room) : '';
  const body = `${head}\n\n### Details\n\n${details || '_Too long to show here: see the run._'}${tail}`;
  return body.length <= ISSUE_BODY_LIMIT
    ? body
    : `${head}\n\n### Details\n\n_Too long to show here: see the run._${tail}`;
}

/** Where the state is kept when a history store is: the store (no password) and the scope, as code. */
function storeLine(history: StoreState, report: Report): string {
  const scope = report.history?.scope;
  return (
    `<sub>Findings and their ages are kept in the history store ${codeSpan(history.store)}` +
    `${scope ? `, scope ${codeSpan(scope)}` : ''}.</sub>`
  );
}

function statusLine(options: TrackingIssueOptions, remaining: number, complete: boolean): string {
  const when = `scan of ${options.now.toISOString()}${runLink(options)}`;
  const partial = complete ? '' : ' The scan was incomplete: findings it could not check are kept.';
  return remaining === 0
    ? `:white_check_mark: No drift or policy violations in the ${when}.`
    : `:x: ${remaining} open finding${remaining === 1 ? '' : 's'} in the ${when}.${partial}`;
}

function changeComment(
  kind: 'updated' | 'closed' | 'reopened',
  options: TrackingIssueOptions,
  diff: FindingDiff,
) {
  const at = `${options.now.toISOString()}${runLink(options)}`;
  const parts = [
    kind === 'closed'
      ? `:white_check_mark: **The scan is clean** (${at}); closing.`
      : kind === 'reopened'
        ? `:x: **Drift is back** (${at}); reopening.`
        : `**Findings changed** (${at}): ${diff.added.length} new, ${diff.resolved.length} resolved, ${diff.open.length} still open.`,
  ];
  const section = (title: string, items: OpenFinding[]) => {
    if (items.length > 0)
      parts.push('', `**${title} (${items.length})**`, bullets(items, options.now, false));
  };
  section('New', diff.added);
  section('Resolved', diff.resolved);
  if (kind === 'reopened') section('Still open', diff.open);
  return parts.join('\n');
}

/** At most `budget` characters of bullets (the "and N more" line included), `LIST_BUDGET` by default. */
function bullets(items: OpenFinding[], now: Date, age: boolean, budget = LIST_BUDGET): string {
  const lines: string[] = [];
  const more = `- ... and ${items.length} more`.length + 1;
  let used = 0;
  for (const [index, item] of items.entries()) {
    const since = age ? ` - open ${ageText(item.firstSeen, now)} (since ${item.firstSeen.slice(0, 10)})` : '';
    const line = `- ${codeSpan(item.summary || item.id)}${since}`;
    const reserve = index === items.length - 1 ? 0 : more;
    if (used + line.length + 1 + reserve > budget) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (lines.length < items.length) lines.push(`- ... and ${items.length - lines.length} more`);
  return lines.join('\n');
}

/** Whole days from the first sighting to now. */
export function ageInDays(firstSeen: string, now: Date): number {
  const since = Date.parse(firstSeen);
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now.getTime() - since) / DAY_MS));
}

function ageText(firstSeen: string, now: Date): string {
  const days = ageInDays(firstSeen, now);
  return days === 0 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`;
}

function codeSpan(text: string): string {
  return inlineCode(oneLine(text, SUMMARY_MAX), { inTable: false });
}

function oneLine(text: string, max: number): string {
  return truncateText(text.replace(/\s+/g, ' ').trim(), max);
}

function runLink(options: TrackingIssueOptions): string {
  return options.runUrl ? `, [run](${options.runUrl})` : '';
}

// ---- API ----

/** The newest issue with the label and the marker, written by the tool's own identity (never a pull request). */
async function findIssue(gh: GitHub, label: string, marker: string, state: 'all' | 'open') {
  const issues = await gh.octokit.paginate(gh.octokit.rest.issues.listForRepo, {
    owner: gh.owner,
    repo: gh.repo,
    labels: label,
    state,
    per_page: 100,
  });
  const candidates = issues.filter((i) => !i.pull_request && carriesMarker(i.body ?? '', marker));
  if (candidates.length === 0) return undefined;
  const isMine = await ownAuthor(gh);
  const mine = candidates
    .filter((i) => i.user !== null && i.user !== undefined && isMine(i.user))
    .sort((a, b) => b.number - a.number)[0];
  return mine ? { number: mine.number, state: mine.state, body: mine.body ?? '' } : undefined;
}

async function ensureLabel(gh: GitHub, name: string, color: string, description: string): Promise<void> {
  try {
    await gh.octokit.rest.issues.createLabel({ owner: gh.owner, repo: gh.repo, name, color, description });
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 422 && error.codes.includes('already_exists'))
      return;
    throw error;
  }
}

async function comment(gh: GitHub, issueNumber: number, body: string): Promise<void> {
  await gh.octokit.rest.issues.createComment({
    owner: gh.owner,
    repo: gh.repo,
    issue_number: issueNumber,
    body,
  });
}

async function updateIssue(
  gh: GitHub,
  issueNumber: number,
  change: { body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' },
): Promise<void> {
  await gh.octokit.rest.issues.update({
    owner: gh.owner,
    repo: gh.repo,
    issue_number: issueNumber,
    ...change,
  });
}
