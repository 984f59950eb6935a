import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecretText } from '../model/secret-patterns.js';

/** A problem opa reported: where it is and what it is, never the source text opa quotes with it. */
export interface OpaProblem {
  /** As opa names it: relative to the directory opa ran in. */
  file: string;
  line: number;
  /** 1-based; known for parse errors, which opa points at with a caret. */
  column?: number;
  /** `rego_parse_error`, `rego_type_error`, ... */
  code: string;
  message: string;
}

const PROBLEM = /([^\s:]+\.rego):(\d+):\s*(rego_[a-z_]+):\s*(.*)$/;
const CARET = /^\t( *)\^\s*$/;

/**
 * opa prints each problem as `file:line: code: message`, followed by tab-indented details: for a parse error the
 * offending source line with a caret under the column, for a type error the reference and types involved. A
 * source line can hold whatever the user's file holds (a password in a test fixture), so only the location and
 * the message line are kept, the message redacted of anything shaped like a secret. The caret gives the column;
 * opa strips the line's leading tabs before printing it, so those are counted from the file itself.
 */
export function parseOpaProblems(output: string, cwd: string): OpaProblem[] {
  const lines = output.split(/\r?\n/);
  const problems: OpaProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = PROBLEM.exec(lines[i] ?? '');
    if (!match) continue;
    const [, file = '', line = '0', code = '', message = ''] = match;
    const problem: OpaProblem = { file, line: Number(line), code, message: redactSecretText(message.trim()) };
    let caret: string | undefined;
    while ((lines[i + 1] ?? '').startsWith('\t')) {
      i++;
      caret ??= CARET.exec(lines[i] ?? '')?.[1];
    }
    if (caret !== undefined && code === 'rego_parse_error') {
      problem.column = leadingTabs(cwd, file, problem.line) + caret.length + 1;
    }
    problems.push(problem);
  }
  return problems;
}

export function formatOpaProblem(problem: OpaProblem, file = problem.file): string {
  const where = problem.column ? `${file}:${problem.line}:${problem.column}` : `${file}:${problem.line}`;
  return `${where}: ${problem.code}: ${problem.message}`;
}

/**
 * What opa printed when it names no file (a bad flag, an unreadable capabilities file): its first line, without
 * the indented details, redacted.
 */
export function opaSummary(output: string): string {
  const first = output.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('\t'));
  return redactSecretText((first ?? 'no output').trim());
}

function leadingTabs(cwd: string, file: string, line: number): number {
  try {
    const text = readFileSync(join(cwd, file), 'utf8').split(/\r?\n/)[line - 1] ?? '';
    return text.length - text.replace(/^\t+/, '').length;
  } catch {
    return 0;
  }
}
