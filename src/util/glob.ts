/**
 * Globs whose only wildcard is `*` (any run of characters, dots and slashes included), matched without regular
 * expressions: patterns come from files a pull request can change (`.driftignore`, config waivers), and a regex
 * built from `a*a*a*a*b` backtracks exponentially on a long id.
 *
 * A pattern is its literal parts between the stars. The first part must start the subject and the last must end
 * it; each part in between is placed at its leftmost occurrence after the previous one. Leftmost placement is always
 * right for `*`-only globs (an earlier place leaves more room for what follows), so there is no backtracking: the
 * cost is at most one pass of `indexOf` per part, O(subject × pattern) in the worst case and about linear in
 * practice.
 */
export interface Glob {
  readonly source: string;
  /** The literal parts; `parts.length - 1` stars sit between them. */
  readonly parts: readonly string[];
  /** The parts lower-cased, for case-insensitive matching. */
  readonly lowerParts: readonly string[];
}

export function compileGlob(pattern: string): Glob {
  const source = pattern.replace(/\*{2,}/g, '*');
  return { source, parts: source.split('*'), lowerParts: source.toLowerCase().split('*') };
}

/** Whether the glob matches the whole subject; case-insensitively, the subject is lower-cased here. */
export function globMatches(
  glob: Glob,
  subject: string,
  options: { caseInsensitive?: boolean } = {},
): boolean {
  return options.caseInsensitive
    ? matchParts(glob.lowerParts, subject.toLowerCase())
    : matchParts(glob.parts, subject);
}

/** Case-insensitively, for a subject the caller lower-cased once for many globs. */
export function globMatchesLowerCased(glob: Glob, lowerCasedSubject: string): boolean {
  return matchParts(glob.lowerParts, lowerCasedSubject);
}

/** Whether the glob has no wildcard, so that it can be looked up rather than matched. */
export function isLiteralGlob(glob: Glob): boolean {
  return glob.parts.length === 1;
}

function matchParts(parts: readonly string[], subject: string): boolean {
  const first = parts[0] ?? '';
  if (parts.length === 1) return subject === first;
  const last = parts[parts.length - 1] ?? '';
  if (subject.length < first.length + last.length) return false;
  if (!subject.startsWith(first) || !subject.endsWith(last)) return false;
  const end = subject.length - last.length;
  let position = first.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const part = parts[index] ?? '';
    if (part === '') continue;
    const found = subject.indexOf(part, position);
    if (found === -1 || found + part.length > end) return false;
    position = found + part.length;
  }
  return true;
}
