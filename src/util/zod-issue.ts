import type { z } from 'zod';
import { formatPath, type PathSegment } from '../model/path.js';

/** One line for the first problem zod found: `resources[3].type: expected string`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid content';
  const path = formatPath(issue.path.filter((s): s is PathSegment => typeof s !== 'symbol'));
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${path === '' ? '(top level)' : path}: ${describeIssue(issue)}${more}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required field is missing`;
  return issue.message;
}
