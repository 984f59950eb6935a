import type { FindingHistory } from '../model/history.js';
import type { DriftEntry, DriftKind, Location, Report, Violation, WaivedViolation } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { attributionSummaryText, changedByText } from './attribution-text.js';
import { driftId, violationId } from './fingerprint.js';

/** The `$id` of the OASIS SARIF 2.1.0 schema that `fixtures/sarif/sarif-schema-2.1.0.json` holds. */
export const SARIF_SCHEMA_URI =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
export const SARIF_FINGERPRINT_KEY = 'driftwarden/v1';
/** GitHub code scanning rejects a run with more results than this; the most severe are kept. */
export const SARIF_MAX_RESULTS = 25_000;

const INFORMATION_URI = 'https://github.com/driftwarden/driftwarden';
// Inline waivers read `file:line`; config waivers read `config waivers[N]`.
const INLINE_WAIVER_SOURCE = /^\S+:\d+$/;
const MAX_PATHS_IN_MESSAGE = 20;

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};
// GitHub maps these onto its critical/high/medium/low bands; the values are Trivy's.
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
};

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity'?: string; precision: 'very-high' };
}

export interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } };
  logicalLocations: { name: string; kind: 'resource'; fullyQualifiedName: string }[];
}

export interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification: string;
  properties?: { expires: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: SarifSuppression[];
  baselineState?: 'new' | 'unchanged';
  /** With --history: when the history store first and last saw the finding (SARIF 2.1.0, 3.48 resultProvenance). */
  provenance?: { firstDetectionTimeUtc: string; lastDetectionTimeUtc: string };
}

export interface SarifNotification {
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  associatedRule?: { id: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: {
      executionSuccessful: boolean;
      startTimeUtc: string;
      toolExecutionNotifications: SarifNotification[];
    }[];
    results: SarifResult[];
    properties?: { resultsLeftOut: number; resultsTotal: number };
  }[];
}

export interface SarifOptions {
  /**
   * A real file for results that no file declares (an unmanaged resource, a resource from a remote state): the
   * config file the scan read, or the workflow that ran it. Without one, such results carry only their logical
   * location (the resource).
   */
  fallbackFile?: string;
  /** At most this many results (default GitHub's 25,000), most severe first; a notification says how many are left out. */
  maxResults?: number;
}

/** A result before it is tied to its rule's position in the sorted rules array. */
type PendingResult = Omit<SarifResult, 'ruleIndex'>;

/** The rule descriptor fields a SARIF rule is built from: a catalogue rule, or the built-in drift rules. */
type RuleSource = Pick<
  CatalogueRule,
  'id' | 'title' | 'description' | 'severity' | 'controls' | 'remediation' | 'relatedResources'
> & { tags: string[]; security: boolean };

const DRIFT_RULES: Record<DriftKind, RuleSource> = {
  changed: driftRule(
    'DW-DRIFT-CHANGED',
    'Resource changed outside of code',
    'The live resource differs from its declaration: it was changed outside the GitOps workflow.',
    'medium',
  ),
  missing: driftRule(
    'DW-DRIFT-MISSING',
    'Declared resource missing from the live estate',
    'The resource is declared in code or state but was not found live: it was deleted, or never created.',
    'medium',
  ),
  unmanaged: driftRule(
    'DW-DRIFT-UNMANAGED',
    'Live resource not managed by code',
    'The resource exists live but nothing declares it: it was created by hand or by another tool.',
    'low',
  ),
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, a rule per policy rule that has findings plus the drift rules in
 * use, and a result per violation, waived violation (suppressed) and drift entry. Fingerprints are the report's
 * stable finding ids. Drift results name attribute paths only, never values.
 */
export function renderSarif(
  report: Report,
  rules: readonly CatalogueRule[],
  options: SarifOptions = {},
): string {
  const fallback = options.fallbackFile;
  const all = [
    ...report.violations.map((v) => violationResult(v, fallback, report.baseline !== undefined)),
    ...report.waived.map((v) =>
      violationResult(v, fallback, report.baseline !== undefined, suppression(v.waiver)),
    ),
    ...report.drift.map((d) => driftResult(d, fallback, report.baseline !== undefined)),
  ];
  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  const pending = all.length > max ? [...all].sort(bySeverity).slice(0, max) : all;
  const descriptors = ruleDescriptors(report, rules);
  const index = new Map(descriptors.map((rule, position) => [rule.id, position]));
  const results = pending
    .map(({ ruleId, ...rest }): SarifResult => ({ ruleId, ruleIndex: index.get(ruleId) ?? -1, ...rest }))
    .sort(compareResults);
  const leftOut = all.length - pending.length;
  const log: SarifLog = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'driftwarden',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        invocations: [invocation(report, leftOut, all.length)],
        results,
        ...(leftOut > 0 ? { properties: { resultsLeftOut: leftOut, resultsTotal: all.length } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptors(report: Report, rules: readonly CatalogueRule[]): SarifRule[] {
  const catalogue = new Map(rules.map((rule) => [rule.id, rule]));
  const used = new Map<string, RuleSource>();
  for (const violation of [...report.violations, ...report.waived]) {
    if (used.has(violation.ruleId)) continue;
    const rule = catalogue.get(violation.ruleId);
    used.set(violation.ruleId, rule ? policyRule(rule) : uncataloguedRule(violation));
  }
  for (const entry of report.drift) used.set(DRIFT_RULES[entry.kind].id, DRIFT_RULES[entry.kind]);
  return [...used.values()].sort((a, b) => compare(a.id, b.id)).map(sarifRule);
}

function policyRule(rule: CatalogueRule): RuleSource {
  return { ...rule, tags: ['security', rule.category, ...rule.controls], security: true };
}

/** A violation from a rule the catalogue does not list (a user policy, say): described from the violation. */
function uncataloguedRule(violation: Violation): RuleSource {
  return {
    id: violation.ruleId,
    title: violation.title,
    description: violation.title,
    severity: violation.severity,
    controls: [],
    remediation: '',
    relatedResources: [],
    tags: ['security', violation.category],
    security: true,
  };
}

function driftRule(id: string, title: string, description: string, severity: Severity): RuleSource {
  return {
    id,
    title,
    description,
    severity,
    controls: [],
    remediation: '',
    relatedResources: [],
    // Drift is not a vulnerability class: GitHub reads security-severity only from rules tagged `security`, so
    // drift results carry their level alone.
    tags: ['drift'],
    security: false,
  };
}

function sarifRule(rule: RuleSource): SarifRule {
  const helpUri = rule.relatedResources.find((uri) => /^https?:\/\//.test(uri));
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [...new Set(rule.tags)],
      ...(rule.security ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}),
      precision: 'very-high',
    },
  };
}

function helpText(rule: RuleSource): string {
  const parts = [rule.description];
  if (rule.remediation.trim() !== '') parts.push(`Remediation:\n${rule.remediation.trimEnd()}`);
  if (rule.controls.length > 0) parts.push(`Controls: ${rule.controls.join(', ')}`);
  if (rule.relatedResources.length > 0) {
    parts.push(`References:\n${rule.relatedResources.map((uri) => `- ${uri}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

function helpMarkdown(rule: RuleSource): string {
  const parts = [rule.description];
  if (rule.remediation.trim() !== '')
    parts.push(`**Remediation**\n\n${codeBlock('hcl', rule.remediation.trimEnd())}`);
  if (rule.controls.length > 0)
    parts.push(`**Controls:** ${rule.controls.map((c) => `\`${c}\``).join(', ')}`);
  if (rule.relatedResources.length > 0) {
    parts.push(`**References**\n\n${rule.relatedResources.map((uri) => `- <${uri}>`).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** A fenced block whose fence is longer than any backtick run inside, so the snippet cannot close it early. */
function codeBlock(language: string, text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1))
    .join('');
}

function violationResult(
  violation: Violation,
  fallback: string | undefined,
  withBaseline: boolean,
  waiver?: SarifSuppression,
): PendingResult {
  const result: PendingResult = {
    ruleId: violation.ruleId,
    level: LEVEL[violation.severity],
    message: { text: plainText(`${violation.message} (${violation.key}, ${violation.origin})`) },
    locations: [location(violation.location, fallback, violation.key, violation.address)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: violationId(violation) },
  };
  if (waiver) result.suppressions = [waiver];
  if (withBaseline && violation.status) result.baselineState = violation.status;
  return withProvenance(result, violation.history);
}

function suppression(waiver: WaivedViolation['waiver']): SarifSuppression {
  const result: SarifSuppression = {
    kind: INLINE_WAIVER_SOURCE.test(waiver.source) ? 'inSource' : 'external',
    justification: waiver.reason,
  };
  if (waiver.expires) result.properties = { expires: waiver.expires };
  return result;
}

function driftResult(entry: DriftEntry, fallback: string | undefined, withBaseline: boolean): PendingResult {
  const rule = DRIFT_RULES[entry.kind];
  return withProvenance(
    {
      ruleId: rule.id,
      level: LEVEL[rule.severity],
      message: {
        text: plainText(
          entry.changedBy
            ? `${driftMessage(entry)} ${sentence(changedByText(entry.changedBy))}`
            : driftMessage(entry),
        ),
      },
      locations: [location(entry.location, fallback, entry.key, entry.address)],
      partialFingerprints: { [SARIF_FINGERPRINT_KEY]: driftId(entry) },
      ...(withBaseline && entry.status ? { baselineState: entry.status } : {}),
    },
    entry.history,
  );
}

function withProvenance(result: PendingResult, history: FindingHistory | undefined): PendingResult {
  if (history === undefined) return result;
  return {
    ...result,
    provenance: { firstDetectionTimeUtc: history.firstSeen, lastDetectionTimeUtc: history.lastSeen },
  };
}

/**
 * SARIF plain-text messages read `[text](id)` as an embedded link (SARIF 2.1.0, 3.11.6): brackets from values are
 * escaped, and control characters (C0 but tab and line breaks, DEL, C1) and lone surrogates become U+FFFD.
 */
export function plainText(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text.slice(index, index + 2);
      index++;
    } else if (char === '[' || char === ']' || char === '\\') out += `\\${char}`;
    else if (char === '\t' || char === '\n' || char === '\r') out += char;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff))
      out += '\ufffd';
    else out += char;
  }
  return out;
}

const LEVEL_RANK: Record<SarifLevel, number> = { error: 0, warning: 1, note: 2 };

function bySeverity(a: PendingResult, b: PendingResult): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compare(a.ruleId, b.ruleId);
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** Names the resource and, for a change, the attribute paths; values stay out, as they may be sensitive. */
export function driftMessage(entry: DriftEntry): string {
  const subject = `${entry.address ? `${entry.address} (${entry.key})` : entry.key}${entry.account ? ` in account ${entry.account}` : ''}`;
  if (entry.kind === 'missing') return `${subject} is declared but was not found live.`;
  if (entry.kind === 'unmanaged') return `${subject} exists live but is not declared.`;
  const paths = entry.changes.map((change) => change.path);
  const shown = paths.slice(0, MAX_PATHS_IN_MESSAGE).join(', ');
  const more = paths.length > MAX_PATHS_IN_MESSAGE ? ` and ${paths.length - MAX_PATHS_IN_MESSAGE} more` : '';
  const count = `${paths.length} attribute${paths.length === 1 ? '' : 's'}`;
  return `${subject} differs from its declaration in ${count}: ${shown}${more}.`;
}

function location(
  where: Location | undefined,
  fallback: string | undefined,
  key: string,
  address: string | undefined,
): SarifLocation {
  const logicalLocations: SarifLocation['logicalLocations'] = [
    { name: key, kind: 'resource', fullyQualifiedName: address ?? key },
  ];
  const file = where?.file ?? fallback;
  if (file === undefined) return { logicalLocations };
  const line = where?.file === undefined ? 1 : (where.line ?? 1);
  return {
    physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region: { startLine: line } },
    logicalLocations,
  };
}

/** A relative file path as a SARIF uri: forward slashes, no leading `./`, percent-encoded. */
export function artifactUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
}

function invocation(
  report: Report,
  leftOut: number,
  total: number,
): SarifLog['runs'][number]['invocations'][number] {
  const failedSources = report.scan.sources
    .filter((source) => source.status === 'failed')
    .map(
      (source): SarifNotification => ({
        level: 'error',
        message: {
          text: `The ${source.side} source ${source.connector} (${source.location}) failed${source.error ? `: ${source.error}` : ''}`,
        },
      }),
    );
  const failedRules = (report.scan.policies?.failed ?? []).map(
    (failure): SarifNotification => ({
      level: 'error',
      message: { text: `The rule ${failure.ruleId} could not run: ${failure.error}` },
      associatedRule: { id: failure.ruleId },
    }),
  );
  const capped: SarifNotification[] =
    leftOut > 0
      ? [
          {
            level: 'warning',
            message: {
              text: `${leftOut} of ${total} results are left out: GitHub code scanning takes at most ${total - leftOut} per run; the most severe are kept, and the JSON report has them all.`,
            },
          },
        ]
      : [];
  const attribution: SarifNotification[] = report.summary.attribution
    ? [
        {
          level: 'note',
          message: { text: `Who changed it: ${attributionSummaryText(report.summary.attribution)}.` },
        },
      ]
    : [];
  return {
    executionSuccessful: report.scan.complete,
    startTimeUtc: report.scan.startedAt,
    toolExecutionNotifications: [...failedSources, ...failedRules, ...capped, ...attribution],
  };
}

function compareResults(a: SarifResult, b: SarifResult): number {
  return (
    compare(a.ruleId, b.ruleId) ||
    compare(
      a.partialFingerprints[SARIF_FINGERPRINT_KEY] ?? '',
      b.partialFingerprints[SARIF_FINGERPRINT_KEY] ?? '',
    ) ||
    compare(a.message.text, b.message.text)
  );
}

// Code-unit order, not localeCompare: the output must not depend on the machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
