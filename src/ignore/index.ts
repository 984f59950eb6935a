import { readFile } from 'node:fs/promises';
import { inputError } from '../errors.js';
import type { PathSegment } from '../model/path.js';
import type { Diagnostic } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { type IgnoreRule, parseIgnoreLines } from './parse.js';

export class IgnoreRules {
  private readonly rules: readonly IgnoreRule[];

  constructor(rules: readonly IgnoreRule[]) {
    this.rules = rules;
  }

  get size(): number {
    return this.rules.length;
  }

  /** Whether the whole resource is ignored: the last whole-resource rule that matches decides. */
  isResourceIgnored(resource: Pick<Resource, 'type' | 'id' | 'provider'>): boolean {
    const subject = subjectOf(resource);
    const insensitive = isCaseInsensitive(resource);
    let ignored = false;
    for (const rule of this.rules) {
      const matcher = rule.attributePath.length > 0 ? rule.wholeResource : rule.resource;
      if (matcher && matches(matcher, subject, insensitive)) ignored = !rule.negated;
    }
    return ignored;
  }

  /** Whether a change at this attribute path is ignored. A rule's path matches the path and everything below. */
  isAttributeIgnored(
    resource: Pick<Resource, 'type' | 'id' | 'provider'>,
    path: readonly PathSegment[],
  ): boolean {
    const subject = subjectOf(resource);
    const segments = path.map((segment) => String(segment).toLowerCase());
    let ignored = false;
    const insensitive = isCaseInsensitive(resource);
    for (const rule of this.rules) {
      if (rule.attributePath.length === 0 || rule.attributePath.length > segments.length) continue;
      if (!matches(rule.resource, subject, insensitive)) continue;
      if (rule.attributePath.every((part, index) => part === '*' || part === segments[index]))
        ignored = !rule.negated;
    }
    return ignored;
  }
}

function subjectOf(resource: Pick<Resource, 'type' | 'id'>): string {
  return `${resource.type}.${resource.id}`;
}

/** ARM ids compare case-insensitively, so rules for Azure resources do too. */
function isCaseInsensitive(resource: Pick<Resource, 'provider'>): boolean {
  return resource.provider === 'azurerm';
}

const insensitiveCache = new WeakMap<RegExp, RegExp>();

function matches(matcher: RegExp, subject: string, insensitive: boolean): boolean {
  if (!insensitive) return matcher.test(subject);
  let variant = insensitiveCache.get(matcher);
  if (!variant) {
    variant = new RegExp(matcher.source, `${matcher.flags}i`);
    insensitiveCache.set(matcher, variant);
  }
  return variant.test(subject);
}

export const NO_IGNORE_RULES = new IgnoreRules([]);

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
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } catch {
      throw inputError(file.display, 'no such file');
    }
    const parsed = parseIgnoreLines(text.split(/\r?\n/), (index) => `${file.display}:${index + 1}`);
    rules.push(...parsed.rules);
    for (const problem of parsed.problems) {
      diagnostics.push({
        level: 'warning',
        code: 'ignore.invalid-rule',
        message: problem.message,
        source: problem.origin,
      });
    }
  }
  const fromConfig = parseIgnoreLines(configRules, (index) => `config ignore[${index}]`);
  rules.push(...fromConfig.rules);
  for (const problem of fromConfig.problems) {
    diagnostics.push({
      level: 'warning',
      code: 'ignore.invalid-rule',
      message: problem.message,
      source: problem.origin,
    });
  }
  return new IgnoreRules(rules);
}
