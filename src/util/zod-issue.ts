import { z } from 'zod';
import { formatPath, type PathSegment } from '../model/path.js';
import { isPlainObject, type Value } from '../model/value.js';
import { suggestion } from './did-you-mean.js';

/** More problems than this are counted, not listed: one line must stay readable. */
export const MAX_LISTED_PROBLEMS = 20;

/** Each problem is cut to this length: a key or a message can be as long as the input. */
const MAX_PROBLEM_LENGTH = 300;

/** What a caller knows beyond zod's issues. */
export interface DescribeOptions {
  /** The keys an object at `path` may have: an unknown key gets the nearest of them as a suggestion. */
  knownKeys?(path: readonly PathSegment[]): readonly string[] | undefined;
}

/**
 * Every problem zod found, on one line: `resources[3].type: expected string, got number; version: ...`, up to
 * MAX_LISTED_PROBLEMS and then "and N more". Values are never quoted, only their types: inputs hold secrets.
 * `input`, when given, is what was parsed, so that a problem names the type it found.
 */
export function describeZodError(error: z.ZodError, input?: unknown, options: DescribeOptions = {}): string {
  const problems = error.issues.flatMap((issue) => problemsOf(issue, [], input, options));
  if (problems.length === 0) return 'invalid content';
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(oneProblem);
  const rest = problems.length - listed.length;
  return rest > 0 ? `${listed.join('; ')}; and ${rest} more` : listed.join('; ');
}

interface Problem {
  path: readonly PathSegment[];
  text: string;
}

function oneProblem({ path, text }: Problem): string {
  const where = formatPath(path);
  const line = `${where === '' ? '(top level)' : where}: ${text}`;
  return oneLine(line.length > MAX_PROBLEM_LENGTH ? `${line.slice(0, MAX_PROBLEM_LENGTH)}…` : line);
}

/** `base` is the path of the union an issue came from: zod gives a branch's issues paths relative to it. */
function problemsOf(
  issue: z.core.$ZodIssue,
  base: readonly PathSegment[],
  input: unknown,
  options: DescribeOptions,
): Problem[] {
  const path = [...base, ...issue.path.filter((s): s is PathSegment => typeof s !== 'symbol')];
  const known = issue.code === 'unrecognized_keys' ? options.knownKeys?.(path) : undefined;
  if (issue.code === 'unrecognized_keys' && known)
    return issue.keys.map((key) => ({ path, text: `Unrecognized key: "${key}"${suggestion(key, known)}` }));
  if (issue.code === 'invalid_type') {
    const actual = actualType(issue, path, input);
    if (actual === 'undefined') return [{ path, text: 'required field is missing' }];
    return [
      { path, text: actual ? `expected ${issue.expected}, got ${actual}` : `expected ${issue.expected}` },
    ];
  }
  if (issue.code === 'invalid_union') return unionProblems(issue, path, input, options);
  if (isNonEmptyCheck(issue)) return [{ path, text: 'must not be empty' }];
  return [{ path, text: issue.message.replace(/^(Invalid (input|option)|Too small|Too big): /, '') }];
}

function isNonEmptyCheck(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'too_small' &&
    Number(issue.minimum) === 1 &&
    issue.inclusive !== false &&
    (issue.origin === 'string' || issue.origin === 'array')
  );
}

/**
 * A union (`a string or a list of strings`): when every branch failed on the value's type, "expected string or
 * array, got number"; when one branch had the right type and failed inside (a list with a number in it), that
 * branch's own problems.
 */
function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  path: readonly PathSegment[],
  input: unknown,
  options: DescribeOptions,
): Problem[] {
  const typeOnly = (branch: readonly z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0;
  let inside = issue.errors.filter((branch) => !typeOnly(branch));
  // Of two branches that both had the right type, the one that failed deeper inside the value is the one meant.
  if (inside.length > 1) inside = inside.filter((branch) => branch.every((item) => item.path.length > 0));
  if (inside.length === 1 && inside[0])
    return inside[0].flatMap((branchIssue) => problemsOf(branchIssue, path, input, options));
  if (inside.length > 1) return [{ path, text: 'invalid value' }];
  const expected = [
    ...new Set(issue.errors.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : ''))),
  ];
  const first = issue.errors[0]?.[0];
  const actual = first ? actualType(first, path, input) : undefined;
  if (actual === 'undefined') return [{ path, text: 'required field is missing' }];
  const list = expected.join(' or ');
  return [{ path, text: actual ? `expected ${list}, got ${actual}` : `expected ${list}` }];
}

/**
 * The type zod found: from the issue when it carries its input, else by walking the parsed input along the path
 * (own properties only), else from zod's message ("..., received number").
 */
function actualType(
  issue: z.core.$ZodIssue,
  path: readonly PathSegment[],
  input: unknown,
): string | undefined {
  if ('input' in issue) return typeName(issue.input);
  if (input !== undefined) {
    const found = valueAt(input, path);
    if (found.present) return typeName(found.value);
    return 'undefined';
  }
  return /received (\w+)/.exec(issue.message)?.[1];
}

function valueAt(input: unknown, path: readonly PathSegment[]): { present: boolean; value?: unknown } {
  let current = input;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number' && segment < current.length) {
      current = current[segment];
    } else if (isPlainObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return { present: false };
    }
  }
  return { present: current !== undefined, value: current };
}

/** A JSON type name for messages: `string`, `number`, `boolean`, `null`, `array`, `object`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** Control characters (a newline in a key) become `\\uXXXX`, so that a problem stays on its line. */
function oneLine(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
    out += control ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return out;
}

/**
 * A JSON object as JSON.parse made it, passed through as it is. `z.record` builds a new object and leaves out an
 * own `__proto__` key (it cannot be assigned), so an attribute of that name would vanish from one side of the diff.
 */
export const jsonObjectSchema = z.custom<{ [key: string]: Value }>((value) => isPlainObject(value), {
  error: (issue) => `expected object, got ${typeName(issue.input)}`,
});
