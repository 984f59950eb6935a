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
  /** The resource part, `type.id`, as a matcher over the whole `type.id` string. */
  resource: RegExp;
  /**
   * For rules with an attribute path, the whole rule read as a resource pattern: driftctl matched rules against
   * the whole `type.id` string, so `aws_s3_bucket.my.bucket.com` ignores the bucket whose id has dots.
   */
  wholeResource: RegExp | undefined;
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

export function parseIgnoreLines(
  lines: readonly string[],
  originOf: (index: number) => string,
): { rules: IgnoreRule[]; problems: IgnoreParseProblem[] } {
  const rules: IgnoreRule[] = [];
  const problems: IgnoreParseProblem[] = [];
  lines.forEach((rawLine, index) => {
    const line = stripComment(rawLine).trim();
    if (line === '') return;
    const origin = originOf(index);
    const negated = line.startsWith('!');
    const body = (negated ? line.slice(1) : line).replace(/\*{2,}/g, '*');
    const segments = splitSegments(body);
    if (segments.some((segment) => segment === '')) {
      problems.push({ origin, message: `cannot parse rule "${line}": empty segment` });
      return;
    }
    const [type, id, ...attributePath] = segments;
    if (type === undefined) return;
    rules.push({
      negated,
      resource: resourceMatcher(type, id),
      wholeResource:
        attributePath.length > 0 ? resourceMatcher(type, [id, ...attributePath].join('.')) : undefined,
      attributePath: attributePath.map((segment) => segment.toLowerCase()),
      origin,
      text: line,
    });
  });
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
 * id (`aws_s3*`, `*`) matches the type of a resource as well as its whole string.
 */
function resourceMatcher(type: string, id: string | undefined): RegExp {
  const pattern =
    id === undefined ? `${globToRegex(type)}(?:\\..*)?` : `${globToRegex(type)}\\.${globToRegex(id)}`;
  return new RegExp(`^${pattern}$`, 's');
}

function globToRegex(glob: string): string {
  return glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}
