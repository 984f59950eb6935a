/**
 * Attribute paths, rendered as `a.b[0].c` with `["odd.key"]` for keys that are not plain identifiers.
 */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const char = path[i];
    if (char === '.') {
      i++;
      continue;
    }
    if (char === '[') {
      const end = findBracketEnd(path, i);
      segments.push(bracketSegment(path.slice(i + 1, end), path));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    segments.push(path.slice(i, j));
    i = j;
  }
  return segments;
}

/** `["key"]` is a key (a JSON string), anything else in brackets an index. */
function bracketSegment(inner: string, path: string): PathSegment {
  if (!inner.startsWith('"')) return Number(inner);
  let key: unknown;
  try {
    key = JSON.parse(inner);
  } catch {
    key = undefined;
  }
  if (typeof key !== 'string')
    throw new Error(`invalid quoted key in attribute path ${JSON.stringify(path)}`);
  return key;
}

/** Whether a path, as a user wrote it (a snapshot's sensitivePaths), reads as keys and whole indexes. */
export function isWellFormedPath(path: string): boolean {
  try {
    return parsePath(path).every(
      (segment) => typeof segment === 'string' || (Number.isInteger(segment) && segment >= 0),
    );
  } catch {
    return false;
  }
}

function findBracketEnd(path: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < path.length; i++) {
    const char = path[i];
    if (inString && char === '\\') {
      i++;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === ']' && !inString) return i;
  }
  throw new Error(`unterminated "[" in attribute path ${JSON.stringify(path)}`);
}
