import type { Diagnostic } from '../../src/model/report.js';
import { type HclOutline, outlineHcl } from './hcl-outline.js';
import { LIMITS } from './limits.js';

export type ParsedHcl =
  | { json: Record<string, unknown>; outline: HclOutline }
  | { problem: Diagnostic }
  | { overTotal: true };

const n = (value: number) => value.toLocaleString('en');

/** Set when the parser overflowed its stack: its Go runtime is then unusable, and no other file is given to it. */
let brokenBy: string | undefined;

/** Files parsed together: the parser waits on its own scheduler between calls, so one at a time is mostly idle. */
const MAX_CONCURRENT = 64;

/**
 * Parses HCL files with @cdktf/hcl2json, or says for each why not at file:line; results are in the files' order.
 * A file nested deeper than the limit, or with more tokens than the limit, is refused before the parser sees it
 * (see hcl-outline.ts); `spent` counts the repository's tokens. Files are given to the parser a few at a time, as
 * many as fit in one file's worth of tokens, so that its memory stays what the largest file needs. Parser messages
 * are reduced to their summary and position: the parser's details and snippets quote the file, which may hold
 * secrets.
 */
export async function parseHclFiles(
  files: readonly { path: string; text: string }[],
  spent: { tokens: number } = { tokens: 0 },
): Promise<ParsedHcl[]> {
  const results: ParsedHcl[] = [];
  let group: { index: number; outline: HclOutline }[] = [];
  let inFlight = 0;
  const flush = async () => {
    await Promise.all(
      group.map(async ({ index, outline }) => {
        const file = files[index] as { path: string; text: string };
        results[index] = await parseOutlined(file.path, file.text, outline);
      }),
    );
    group = [];
    inFlight = 0;
  };
  for (const [index, file] of files.entries()) {
    const checked = checkOutline(file.path, outlineHcl(file.text), spent);
    if (!('outline' in checked)) {
      results[index] = checked;
      continue;
    }
    const { tokens } = checked.outline;
    if (group.length >= MAX_CONCURRENT || (group.length > 0 && inFlight + tokens > LIMITS.hclTokens))
      await flush();
    group.push({ index, outline: checked.outline });
    inFlight += tokens;
  }
  await flush();
  return results;
}

/** One file, as parseHclFiles parses each. */
export async function parseHcl(path: string, text: string): Promise<ParsedHcl> {
  const [result] = await parseHclFiles([{ path, text }]);
  return result as ParsedHcl;
}

function checkOutline(
  path: string,
  outline: HclOutline,
  spent: { tokens: number },
): { outline: HclOutline } | { problem: Diagnostic } | { overTotal: true } {
  if (outline.tooDeep !== undefined)
    return problem(
      path,
      outline.tooDeep,
      `nested deeper than ${LIMITS.nesting} levels at line ${outline.tooDeep}; not read`,
    );
  if (outline.tokens > LIMITS.hclTokens)
    return problem(
      path,
      undefined,
      `about ${n(outline.tokens)} tokens, more than the ${n(LIMITS.hclTokens)} given to the HCL parser for one file; not read`,
    );
  if (spent.tokens + outline.tokens > LIMITS.totalHclTokens) return { overTotal: true };
  spent.tokens += outline.tokens;
  return { outline };
}

async function parseOutlined(path: string, text: string, outline: HclOutline): Promise<ParsedHcl> {
  if (brokenBy !== undefined)
    return problem(path, undefined, `not read: the HCL parser stopped working after ${brokenBy}`);
  try {
    // Loaded on first use: the HCL parser is a Go WebAssembly module that only HCL scans need.
    const { parse } = await import('@cdktf/hcl2json');
    const json = (await parse(path, text)) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return problem(path, undefined, 'cannot parse HCL: unexpected parser output');
    return { json: json as Record<string, unknown>, outline };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError || /call stack/i.test(message)) {
      brokenBy ??= path;
      return problem(path, undefined, 'cannot parse HCL: nested too deeply for the parser; not read');
    }
    return parserProblem(path, message);
  }
}

function problem(path: string, line: number | undefined, message: string): { problem: Diagnostic } {
  const source = line === undefined ? path : `${path}:${line}`;
  return { problem: { level: 'error', code: 'iac.parse', message, source } };
}

/**
 * `parse config: [f.tf:2,26-3,1: Invalid expression; Expected the start of an expression, but found ...]`: the
 * position and the summary, a fixed phrase of the HCL library; never the detail, which may quote the file.
 */
function parserProblem(path: string, message: string): { problem: Diagnostic } {
  const match = /:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]*)/.exec(message);
  if (!match) return problem(path, undefined, 'cannot parse HCL: syntax error');
  const [, line, column, summary = ''] = match;
  const plain = /^[A-Za-z][A-Za-z ,'-]{0,80}$/.test(summary.trim()) ? summary.trim() : 'syntax error';
  return problem(path, Number(line), `cannot parse HCL at line ${line}, column ${column}: ${plain}`);
}
