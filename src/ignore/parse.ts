import { compileGlob, type Glob } from '../util/glob.js';

/**
 * driftctl's `.driftignore` syntax, so a driftctl user can move over without editing the file:
 *
 *   aws_s3_bucket.my-bucket          ignore one resource (type.id)
 *   aws_iam_user.*                   wildcards (`*`, also inside a segment; `**` is the same as `*`)
 *   *                                everything
 *   !aws_iam_user.admin              negation: a later `!` rule takes a resource back
 *   aws_lambda_function.*.environment  ignore one attribute path (type.id.attr.path) of matching resources
 *   aws_iam_user.resource\.with\.dots  a backslash escapes a dot (and `\\` a backslash)
 *   # comment                        comment lines and blank lines are skipped
 *
 * As in .gitignore, rules apply in order and the last rule that matches decides. A rule of one segment (`aws_s3*`,
 * `aws_iam_user`) applies to every resource of the matching types. Beyond driftctl, a ` #` after a rule starts a
 * comment (driftctl issue #1688).
 */
export interface IgnoreRule {
  negated: boolean;
  /**
   * The resource part, `type.id`, as globs over the whole `type.id` string (any one matching is a match). A rule
   * of one segment has two: the type alone, and the type followed by `.` and anything.
   */
  resource: readonly Glob[];
  /**
   * For rules with an attribute path, the whole rule read as a resource pattern: driftctl matched rules against
   * the whole `type.id` string, so `aws_s3_bucket.my.bucket.com` ignores the bucket whose id has dots.
   */
  wholeResource: Glob | undefined;
  /** Attribute path segments (lower-cased; `*` matches one segment); empty for whole-resource rules. */
  attributePath: string[];
  /** Where the rule came from, for messages: `.driftignore:3` or `config ignore[0]`. */
  origin: string;
  text: string;
}

export interface IgnoreParseProblem {
  origin: string;
  message: string;
}

/**
 * Longer lines are skipped with a warning. Real rules are a type, an id and a short path; a line this long is
 * junk or an attempt to make matching slow, and skipping it keeps the rest of the file in force.
 */
export const MAX_IGNORE_LINE_LENGTH = 1024;

export function parseIgnoreLines(
  lines: readonly string[],
  originOf: (index: number) => string,
): { rules: IgnoreRule[]; problems: IgnoreParseProblem[] } {
  const rules: IgnoreRule[] = [];
  const problems: IgnoreParseProblem[] = [];
  for (let index = 0; index < lines.length; index++) {
    const rawLine = lines[index] ?? '';
    if (rawLine.length > MAX_IGNORE_LINE_LENGTH) {
      problems.push({
        origin: originOf(index),
        message: `rule skipped: the line is ${rawLine.length} characters long, more than the ${MAX_IGNORE_LINE_LENGTH} allowed`,
      });
      continue;
    }
    const line = stripComment(rawLine).trim();
    if (line === '') continue;
    const origin = originOf(index);
    const negated = line.startsWith('!');
    const segments = splitSegments((negated ? line.slice(1) : line).replace(/\*{2,}/g, '*'));
    if (segments.some((segment) => segment === '')) {
      problems.push({ origin, message: `cannot parse rule "${line}": empty segment` });
      continue;
    }
    const [type, id, ...attributePath] = segments;
    if (type === undefined) continue;
    rules.push({
      negated,
      resource: resourceGlobs(type, id),
      wholeResource:
        attributePath.length > 0 ? compileGlob(`${type}.${[id, ...attributePath].join('.')}`) : undefined,
      attributePath: attributePath.map((segment) => segment.toLowerCase()),
      origin,
      text: line,
    });
  }
  return { rules, problems };
}

function stripComment(line: string): string {
  if (line.trimStart().startsWith('#')) return '';
  const inline = /\s#/.exec(line);
  return inline ? line.slice(0, inline.index) : line;
}

/** Splits on unescaped dots; `\.` is a literal dot and `\\` a literal backslash. */
export function splitSegments(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && (text[i + 1] === '.' || text[i + 1] === '\\')) {
      current += text[i + 1];
      i++;
    } else if (char === '.') {
      segments.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments;
}

/**
 * driftctl matched rules against the whole `type.id` string, so a `*` spans dots and slashes. A rule without an
 * id (`aws_s3*`, `*`) matches the type of a resource as well as its whole string. The segments are unescaped
 * already, so a dot in them is a literal dot and `*` the only wildcard.
 */
function resourceGlobs(type: string, id: string | undefined): Glob[] {
  return id === undefined ? [compileGlob(type), compileGlob(`${type}.*`)] : [compileGlob(`${type}.${id}`)];
}
