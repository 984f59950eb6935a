import { join } from 'node:path';
import { expandPaths } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../policy/library.js';
import type { MergeInput, MergeProblem } from '../report/merge.js';
import { packageRoot } from '../util/package-info.js';
import { loadBaseline } from './load-baseline.js';

export interface LoadedReports {
  inputs: MergeInput[];
  problems: MergeProblem[];
}

/**
 * The JSON reports to merge: paths or globs, each file read strictly. A file that cannot be read, or a pattern
 * that matches nothing (a matrix job that uploaded no report), is a problem of its own and never hides the others;
 * only when none can be read is it an error. A file named twice is read once.
 */
export async function loadReports(
  specs: readonly string[],
  cwd: string,
  confine?: string,
): Promise<LoadedReports> {
  const inputs: MergeInput[] = [];
  const problems: MergeProblem[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    let files: Awaited<ReturnType<typeof expandPaths>>;
    try {
      files = await expandPaths(spec, cwd, cwd, confine);
    } catch (error) {
      problems.push({ display: spec, message: messageOf(error, spec) });
      continue;
    }
    for (const file of files) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      try {
        inputs.push({
          display: file.display,
          report: await loadBaseline({ path: file.absolute, display: file.display }),
        });
      } catch (error) {
        problems.push({ display: file.display, message: messageOf(error, file.display) });
      }
    }
  }
  if (inputs.length === 0)
    throw usageError(
      problems.length === 0
        ? 'no report to merge'
        : `no report could be read: ${problems.map((p) => `${p.display}: ${p.message}`).join('; ')}`,
    );
  return { inputs, problems };
}

/** The error's message without the leading `<file>: ` the problem names already. */
function messageOf(error: unknown, display: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${display}: `) ? message.slice(display.length + 2) : message;
}

/**
 * The built-in rules' catalogue, so that a merged report's formats describe its rules and how to fix them as a
 * scan's do (rules of the runs' own bundles are shown by id alone). Only the catalogue: no policy engine starts.
 */
export async function builtinRules(): Promise<readonly CatalogueRule[]> {
  return (await loadBundleDir(join(packageRoot(), BUILTIN_POLICY_DIRS.dist), 'builtin')).catalogue.rules;
}
