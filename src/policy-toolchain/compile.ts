import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { inputError } from '../errors.js';
import type { Diagnostic } from '../model/report.js';
import { type Catalogue, type CatalogueRule, ruleMetadataSchema } from '../policy/catalogue.js';
import { privateTempDir } from '../util/temp-dir.js';
import { describeZodError } from '../util/zod-issue.js';
import { type OpaCli, OpaCommandError } from './opa.js';
import type { OpaProblem } from './opa-problems.js';
import { regoSources, sourceHash } from './source-hash.js';
import { readTarGzEntry } from './untar.js';

export interface CompileRequest {
  opa: OpaCli;
  /** The directory paths are resolved against and shown relative to. */
  cwd: string;
  /** Directories of rules to compile into entrypoints. */
  ruleDirs: readonly string[];
  /** Helper packages rules may import (policies/lib); compiled in, never entrypoints. */
  libDirs: readonly string[];
  /** The capabilities file that limits builtins to those the Wasm target has. */
  capabilitiesPath: string;
  /**
   * Built-in library: any problem fails the build. User policies: a file that does not compile is left out with a
   * diagnostic, and the others are built.
   */
  tolerant: boolean;
}

export interface CompiledBundle {
  catalogue: Catalogue;
  wasm: Uint8Array;
  diagnostics: Diagnostic[];
}

interface InspectAnnotation {
  annotations?: {
    scope?: string;
    title?: string;
    description?: string;
    custom?: unknown;
    related_resources?: { ref?: string }[];
  };
  location?: { file?: string; row?: number };
  path?: { type: string; value: string }[];
}

/** Compiles rules to one Wasm module with an entrypoint per rule, and a catalogue from their METADATA. */
export async function compileBundle(request: CompileRequest): Promise<CompiledBundle> {
  const { cwd } = request;
  const capabilities = await readFile(request.capabilitiesPath, 'utf8');
  const diagnostics: Diagnostic[] = [];
  const libFiles = await regoSources(request.libDirs, cwd);
  let ruleFiles = await regoSources(request.ruleDirs, cwd);
  if (ruleFiles.length === 0) throw inputError(request.ruleDirs.join(', '), 'no .rego rule files found');

  for (;;) {
    const stage = await stageSources(cwd, ruleFiles, libFiles);
    try {
      const rules = await inspectRules(request, stage, ruleFiles);
      const wasm = await build(request, stage, rules);
      const hash = await sourceHash(
        [...libFiles, ...ruleFiles].sort(),
        cwd,
        capabilities,
        request.opa.version,
      );
      const catalogue: Catalogue = {
        catalogueVersion: 1,
        opaVersion: request.opa.version,
        sourceHash: hash,
        rules,
      };
      return { catalogue, wasm, diagnostics };
    } catch (error) {
      if (!(error instanceof OpaCommandError)) throw error;
      const located = inOriginalFiles(error, stage);
      if (!request.tolerant) throw located;
      const failing = failingRuleFiles(located.problems, stage);
      if (failing.size === 0) throw located;
      for (const [file, problem] of failing) {
        diagnostics.push({
          level: 'error',
          code: 'policy.compile-failed',
          message: `does not compile, left out: ${problem}`,
          source: file,
        });
      }
      ruleFiles = ruleFiles.filter((file) => !failing.has(file));
      if (ruleFiles.length === 0) throw located;
    } finally {
      await stage.remove();
    }
  }
}

/**
 * The sources, copied into one temporary directory: `opa inspect` takes a single path, and building from one
 * directory keeps the bundle independent of where the sources live. Lib files go under `__lib__/`.
 */
interface Stage {
  dir: string;
  remove(): Promise<void>;
  /** staged path (relative to dir) -> original path (relative to cwd) */
  origin: Map<string, string>;
}

async function stageSources(
  cwd: string,
  ruleFiles: readonly string[],
  libFiles: readonly string[],
): Promise<Stage> {
  const { dir, remove } = await privateTempDir('opa');
  const origin = new Map<string, string>();
  const place = async (file: string, staged: string) => {
    await mkdir(dirname(join(dir, staged)), { recursive: true });
    await copyFile(join(cwd, file), join(dir, staged));
    origin.set(staged, file);
  };
  for (const file of ruleFiles) await place(file, join('rules', file));
  for (const file of libFiles) await place(file, join('__lib__', file.replaceAll('../', '')));
  return { dir, remove, origin };
}

async function inspectRules(
  request: CompileRequest,
  stage: Stage,
  ruleFiles: string[],
): Promise<CatalogueRule[]> {
  const { stdout } = await request.opa.run(['inspect', '-a', '--format', 'json', '.'], stage.dir);
  const inspected = JSON.parse(stdout) as { annotations?: InspectAnnotation[] };
  const rules: CatalogueRule[] = [];
  const ruleFileSet = new Set(ruleFiles);
  for (const entry of inspected.annotations ?? []) {
    const file = stage.origin.get(relative(stage.dir, join(stage.dir, entry.location?.file ?? '')));
    if (entry.annotations?.scope !== 'package' || !file || !ruleFileSet.has(file)) continue;
    rules.push(ruleFrom(entry, file));
  }
  const files = new Set(rules.map((rule) => rule.file));
  for (const file of ruleFiles) {
    if (!files.has(file))
      throw inputError(file, 'a rule file needs a package-scope "# METADATA" block with custom.id');
  }
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) throw inputError(rule.file, `rule id ${rule.id} is also used by ${other}`);
    seen.set(rule.id, rule.file);
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}

function ruleFrom(entry: InspectAnnotation, file: string): CatalogueRule {
  const annotations = entry.annotations ?? {};
  const parsed = ruleMetadataSchema.safeParse(annotations.custom ?? {});
  if (!parsed.success) throw inputError(file, `METADATA custom.${describeZodError(parsed.error)}`);
  if (!annotations.title) throw inputError(file, 'METADATA needs a title');
  const packagePath = (entry.path ?? []).slice(1).map((segment) => segment.value);
  const custom = parsed.data;
  return {
    id: custom.id,
    title: annotations.title,
    description: (annotations.description ?? '').trim(),
    severity: custom.severity,
    category: custom.category,
    resourceTypes: custom.resource_types,
    controls: custom.controls,
    remediation: custom.remediation,
    equivalents: { checkov: custom.checkov, trivy: custom.trivy },
    relatedResources: (annotations.related_resources ?? []).map((r) => r.ref ?? '').filter(Boolean),
    entrypoint: `${packagePath.join('/')}/deny`,
    file,
  };
}

async function build(request: CompileRequest, stage: Stage, rules: CatalogueRule[]): Promise<Uint8Array> {
  const bundle = join(stage.dir, 'bundle.tar.gz');
  const entrypoints = rules.flatMap((rule) => ['-e', rule.entrypoint]);
  await copyFile(request.capabilitiesPath, join(stage.dir, 'capabilities.json'));
  await request.opa.run(
    [
      'build',
      '-t',
      'wasm',
      '--capabilities',
      'capabilities.json',
      ...entrypoints,
      '-o',
      'bundle.tar.gz',
      'rules',
      '__lib__',
    ],
    stage.dir,
  );
  const wasm = readTarGzEntry(await readFile(bundle), '/policy.wasm');
  if (!wasm) throw inputError(bundle, 'opa build wrote no policy.wasm');
  return wasm;
}

/** The error with each problem named by its original path (relative to cwd) rather than its staged one. */
function inOriginalFiles(error: OpaCommandError, stage: Stage): OpaCommandError {
  const problems = error.problems.map((problem) => {
    const staged = stagedPath(problem.file, stage);
    return { ...problem, file: (staged && stage.origin.get(staged)) ?? problem.file };
  });
  return new OpaCommandError(error.command, problems, error.summary);
}

function stagedPath(file: string, stage: Stage): string | undefined {
  const normalised = file.replace(/^\.\//, '');
  if (stage.origin.has(normalised)) return normalised;
  return [...stage.origin.keys()].find((candidate) => normalised.endsWith(`/${candidate}`));
}

/** Rule files (not lib files) opa complained about, by original path, each with its first problem. */
function failingRuleFiles(problems: readonly OpaProblem[], stage: Stage): Map<string, string> {
  const rules = new Set(
    [...stage.origin].filter(([staged]) => staged.startsWith('rules/')).map(([, file]) => file),
  );
  const failing = new Map<string, string>();
  for (const problem of problems) {
    if (!rules.has(problem.file) || failing.has(problem.file)) continue;
    const where = problem.column ? `line ${problem.line}, column ${problem.column}` : `line ${problem.line}`;
    failing.set(problem.file, `${where}: ${problem.code}: ${problem.message}`);
  }
  return failing;
}

export async function writeBundle(bundle: CompiledBundle, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'policy.wasm'), bundle.wasm);
  await writeFile(join(outDir, 'catalogue.json'), `${JSON.stringify(bundle.catalogue, null, 2)}\n`);
}
