import { readTextFile } from '../connector/read-json-file.js';
import { inputError } from '../errors.js';
import type { PathSegment } from '../model/path.js';
import type { Diagnostic } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { type Glob, globMatches, globMatchesLowerCased, isLiteralGlob } from '../util/glob.js';
import { type IgnoreParseProblem, type IgnoreRule, parseIgnoreLines } from './parse.js';

export class IgnoreRules {
  private readonly rules: readonly IgnoreRule[];
  /** For whole-resource questions: each rule's whole-resource globs (none for attribute rules without one). */
  private readonly resourceIndex: RuleIndex;
  /** For attribute questions: the resource globs of the rules that have an attribute path. */
  private readonly attributeIndex: RuleIndex;

  constructor(rules: readonly IgnoreRule[]) {
    this.rules = rules;
    this.resourceIndex = new RuleIndex(
      rules.map((rule) =>
        rule.attributePath.length > 0 ? (rule.wholeResource ? [rule.wholeResource] : []) : rule.resource,
      ),
    );
    this.attributeIndex = new RuleIndex(
      rules.map((rule) => (rule.attributePath.length > 0 ? rule.resource : [])),
    );
  }

  get size(): number {
    return this.rules.length;
  }

  /** Whether the whole resource is ignored: the last whole-resource rule that matches decides. */
  isResourceIgnored(resource: Pick<Resource, 'type' | 'id' | 'provider'>): boolean {
    // Asked of every resource of a scan: without rules, no subject text is built.
    if (this.rules.length === 0) return false;
    const index = this.resourceIndex.lastMatch(subjectOf(resource), isCaseInsensitive(resource), ACCEPT_ANY);
    return index >= 0 && !this.rules[index]?.negated;
  }

  /** Whether a change at this attribute path is ignored. A rule's path matches the path and everything below. */
  isAttributeIgnored(
    resource: Pick<Resource, 'type' | 'id' | 'provider'>,
    path: readonly PathSegment[],
  ): boolean {
    const segments = path.map((segment) => String(segment).toLowerCase());
    const index = this.attributeIndex.lastMatch(subjectOf(resource), isCaseInsensitive(resource), (at) => {
      const rule = this.rules[at];
      if (!rule || rule.attributePath.length > segments.length) return false;
      return rule.attributePath.every((part, i) => part === '*' || part === segments[i]);
    });
    return index >= 0 && !this.rules[index]?.negated;
  }
}

/**
 * Rules by what their globs need: a rule whose globs are all literal is looked up by its text (so a generated file
 * of a hundred thousand `type.id` lines costs a map lookup per resource); the others are matched one by one, and
 * there can be at most MAX_WILDCARD_RULES of them.
 */
class RuleIndex {
  private readonly globs: readonly (readonly Glob[])[];
  private readonly exact = new Map<string, number[]>();
  private readonly exactLowerCased = new Map<string, number[]>();
  private readonly wildcard: number[] = [];

  constructor(globs: readonly (readonly Glob[])[]) {
    this.globs = globs;
    globs.forEach((ruleGlobs, index) => {
      if (ruleGlobs.length === 0) return;
      if (ruleGlobs.length === 1 && ruleGlobs[0] && isLiteralGlob(ruleGlobs[0])) {
        pushTo(this.exact, ruleGlobs[0].parts[0] ?? '', index);
        pushTo(this.exactLowerCased, ruleGlobs[0].lowerParts[0] ?? '', index);
      } else {
        this.wildcard.push(index);
      }
    });
  }

  /**
   * The index of the last rule that matches the subject and that `accept` takes (-1 when none does): as in
   * .gitignore, the last matching rule decides.
   */
  lastMatch(subject: string, caseInsensitive: boolean, accept: (index: number) => boolean): number {
    const lowerCased = caseInsensitive ? subject.toLowerCase() : subject;
    const exact = (caseInsensitive ? this.exactLowerCased.get(lowerCased) : this.exact.get(subject)) ?? NONE;
    let e = exact.length - 1;
    let w = this.wildcard.length - 1;
    while (e >= 0 || w >= 0) {
      const exactIndex = e >= 0 ? (exact[e] as number) : -1;
      const wildcardIndex = w >= 0 ? (this.wildcard[w] as number) : -1;
      if (exactIndex > wildcardIndex) {
        e--;
        if (accept(exactIndex)) return exactIndex;
        continue;
      }
      w--;
      if (this.globsMatch(wildcardIndex, subject, lowerCased, caseInsensitive) && accept(wildcardIndex))
        return wildcardIndex;
    }
    return -1;
  }

  private globsMatch(index: number, subject: string, lowerCased: string, caseInsensitive: boolean): boolean {
    for (const glob of this.globs[index] ?? NO_GLOBS) {
      if (caseInsensitive ? globMatchesLowerCased(glob, lowerCased) : globMatches(glob, subject)) return true;
    }
    return false;
  }
}

const NONE: readonly number[] = [];
const NO_GLOBS: readonly Glob[] = [];

const ACCEPT_ANY = (): boolean => true;

/** Whether a rule has to be matched against each resource, rather than looked up by its text. */
function needsMatching(rule: IgnoreRule): boolean {
  const globs = rule.wholeResource ? [...rule.resource, rule.wholeResource] : rule.resource;
  return rule.resource.length !== 1 || globs.some((glob) => !isLiteralGlob(glob));
}

function pushTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function subjectOf(resource: Pick<Resource, 'type' | 'id'>): string {
  return `${resource.type}.${resource.id}`;
}

/** ARM ids compare case-insensitively, so rules for Azure resources do too. */
function isCaseInsensitive(resource: Pick<Resource, 'provider'>): boolean {
  return resource.provider === 'azurerm';
}

export const NO_IGNORE_RULES = new IgnoreRules([]);

/** A `.driftignore` larger than this is refused: rules are short, and 32 MiB holds hundreds of thousands. */
export const MAX_IGNORE_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Rules with a wildcard (or of one segment) are matched one by one against every resource, so their number is
 * bounded; rules without one are looked up, and a generated file may hold any number of them.
 */
export const MAX_WILDCARD_RULES = 1000;

/** Past this many unreadable lines in one file, one warning counts the rest. */
const MAX_WARNINGS_PER_FILE = 20;

/**
 * Builds the rules from a .driftignore file (when given) followed by rules from the config file. Lines that cannot
 * be parsed become warnings, as in driftctl, so one typo never aborts a scan.
 */
export async function loadIgnoreRules(
  file: { path: string; display: string } | undefined,
  configRules: readonly string[],
  diagnostics: Diagnostic[],
): Promise<IgnoreRules> {
  const rules: IgnoreRule[] = [];
  if (file) {
    const text = await readTextFile(file.path, file.display, {
      maxBytes: MAX_IGNORE_FILE_BYTES,
      allowEmpty: true,
    });
    const parsed = parseIgnoreLines(text.split(/\r?\n/), (index) => `${file.display}:${index + 1}`);
    addRules(rules, parsed.rules);
    reportProblems(parsed.problems, file.display, diagnostics);
  }
  const fromConfig = parseIgnoreLines(configRules, (index) => `config ignore[${index}]`);
  addRules(rules, fromConfig.rules);
  reportProblems(fromConfig.problems, 'the config file', diagnostics);
  return new IgnoreRules(rules);
}

/** One at a time: spreading a hundred thousand rules into push() overflows the stack. */
function addRules(rules: IgnoreRule[], more: readonly IgnoreRule[]): void {
  let wildcards = rules.filter(needsMatching).length;
  for (const rule of more) {
    if (needsMatching(rule) && ++wildcards > MAX_WILDCARD_RULES) {
      throw inputError(
        rule.origin,
        `more than ${MAX_WILDCARD_RULES} ignore rules with a wildcard or of one segment; driftwarden reads at most ${MAX_WILDCARD_RULES} (rules naming one resource or attribute have no limit)`,
      );
    }
    rules.push(rule);
  }
}

function reportProblems(
  problems: readonly IgnoreParseProblem[],
  where: string,
  diagnostics: Diagnostic[],
): void {
  for (const problem of problems.slice(0, MAX_WARNINGS_PER_FILE)) {
    diagnostics.push({
      level: 'warning',
      code: 'ignore.invalid-rule',
      message: problem.message,
      source: problem.origin,
    });
  }
  const rest = problems.length - MAX_WARNINGS_PER_FILE;
  if (rest > 0) {
    diagnostics.push({
      level: 'warning',
      code: 'ignore.invalid-rule',
      message: `${rest} more ignore rules in ${where} could not be read and were skipped`,
      source: problems[MAX_WARNINGS_PER_FILE]?.origin ?? where,
    });
  }
}
