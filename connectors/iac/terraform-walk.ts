import type { Diagnostic } from '../../src/model/report.js';
import { unknown, type Value } from '../../src/model/value.js';
import type { WaiverReader } from './code-waivers.js';
import type { HclOutline } from './hcl-outline.js';
import { LimitExceeded, type SourceBudget } from './limits.js';
import type { SourceFile } from './terraform-hcl.js';
import type { CodeResource } from './types.js';

export interface ModuleFile {
  file: SourceFile;
  json: Record<string, unknown>;
  outline: HclOutline;
  waivers: WaiverReader;
}

export interface ModuleFiles {
  dir: string;
  files: ModuleFile[];
}

/** One evaluation of the repository's modules: what it found, and what it has spent of the limits. */
export interface Walk {
  modules: ReadonlyMap<string, ModuleFiles>;
  out: CodeResource[];
  diagnostics: Diagnostic[];
  budget: SourceBudget;
  moduleInstances: number;
  /** Diagnostics given, so that a block read in many instances is reported once. */
  reported: Set<string>;
  /** Module directories evaluated at least once. */
  evaluated: Set<string>;
  /** The directory of the root module being read, when it is not the top of the repository. */
  root?: string;
}

export interface Where {
  file: string;
  line: number;
}

export function report(
  walk: Walk,
  where: Where,
  code: string,
  message: string,
  level: Diagnostic['level'] = 'warning',
): void {
  const source = `${where.file}:${where.line}`;
  const key = `${code}|${source}|${message}`;
  if (walk.reported.has(key)) return;
  walk.reported.add(key);
  walk.diagnostics.push({ level, code, message, source });
}

/** Evaluates `run`; past a limit, the value is unknown and the limit is reported at `where`. */
export function guarded(walk: Walk, where: Where, what: string, run: () => Value): Value {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    report(walk, where, 'iac.limit', `${what}: ${error.message}; read as unknown`);
    return unknown('expression');
  }
}
