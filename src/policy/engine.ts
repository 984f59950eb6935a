import type * as opa from '@open-policy-agent/opa-wasm';
import type { Diagnostic } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { inTurns } from '../util/turns.js';
import type { CatalogueRule } from './catalogue.js';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './engine-options.js';
import type { PolicyBundle } from './library.js';
import { mergedPlan, type PartRun, runsOfPart } from './parts.js';
import { encodeInSteps, type PolicyInput, type SeenKeys } from './policy-input.js';
import { type PlannedRule, reportRuns } from './rule-outcomes.js';
import { createRuleScheduler, type RuleScheduler } from './schedule.js';
import type { PolicyEvaluation, PolicyEvaluator, PolicyOutcome } from './types.js';
import type { RuleJob } from './worker.js';
import { cores, locateOpaWasm, prewarm } from './worker-pool.js';

const PAGE = 64 * 1024;
/** A job reading less than this is never cut in two (see jobsOf). */
const SPLIT_JOB_BYTES = 1024 * 1024;

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions };

/** More findings than this for one resource is a broken rule, not a finding. */
const MAX_FINDINGS_PER_RESOURCE = 100;
const MAX_FINDING_TEXT = 2_000;

/**
 * Evaluates compiled rule bundles on evaluation workers. Each rule is its own Wasm entrypoint and sees only the
 * resource types it declares, in batches, one origin at a time (so that a finding's key names one resource). A rule
 * that fails (memory exhausted, past its time ceiling, broken findings) is reported and the other rules still run.
 */
export class WasmPolicyEvaluator implements PolicyEvaluator {
  private readonly bundles: readonly PolicyBundle[];
  private readonly options: EngineOptions;
  private modules: Promise<(WebAssembly.Module | Error)[]> | undefined;

  constructor(bundles: readonly PolicyBundle[], options: Partial<EngineOptions> = {}) {
    this.bundles = bundles;
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  }

  get rules(): CatalogueRule[] {
    return this.bundles.flatMap((bundle) => bundle.catalogue.rules);
  }

  /**
   * Compiles the bundles and starts the evaluation workers now, ahead of evaluate(), so that their start-up overlaps
   * with reading the sources. Optional; nothing is left running that would keep the process alive.
   */
  prepare(): void {
    void this.compile();
    const opaWasm = locateOpaWasm();
    if (opaWasm) prewarm(1, this.options.workerHeapMiB, opaWasm);
  }

  async evaluate(
    resources: readonly Resource[],
    diagnostics: Diagnostic[],
    started?: () => void,
  ): Promise<PolicyOutcome> {
    const evaluation = this.begin(diagnostics);
    try {
      await evaluation.add(resources);
    } catch (error) {
      await evaluation.cancel();
      throw error;
    }
    started?.();
    return evaluation.finish();
  }

  /**
   * An evaluation whose input comes in parts (the declared side, then the live one): the rules start on the first
   * part's batches while the caller reads and normalises the next. Each rule's findings, failures and ceilings are
   * those of one evaluation of all the parts: a rule runs on a part once it has run on the earlier ones, with the
   * time it spent there counted against its ceiling, and not at all after it failed.
   */
  begin(diagnostics: Diagnostic[]): PolicyEvaluation {
    const types = new Set(this.rules.flatMap((rule) => rule.resourceTypes));
    const seen: SeenKeys = new Map();
    const parts: { planned: PlannedRule[]; runs: Promise<PartRun>[] }[] = [];
    let scheduler: RuleScheduler | undefined;
    let bytes = 0;
    const opaWasm = locateOpaWasm();
    if (opaWasm === undefined) {
      diagnostics.push({
        level: 'warning',
        code: 'policy.no-ceiling',
        message:
          'rules ran on the main thread without time ceilings: the evaluation worker needs @open-policy-agent/opa-wasm, which was not found',
      });
    }
    const schedulerFor = async (modules: readonly (WebAssembly.Module | Error)[]) =>
      createRuleScheduler({
        setup: {
          modules: modules.map((module) => (module instanceof Error ? placeholderModule() : module)),
          memory: this.memory(),
          maxFindingsPerResource: MAX_FINDINGS_PER_RESOURCE,
          maxTextLength: MAX_FINDING_TEXT,
          recycleBytes: 128 * 1024 * 1024,
        },
        ruleTimeoutMs: this.options.ruleTimeoutMs,
        scanTimeoutMs: this.options.scanTimeoutMs,
        workers: 1,
        workerHeapMiB: this.options.workerHeapMiB,
        opaWasm,
        // Imported only when the rules run on this thread (no worker), so that neither a command that runs none
        // (`--help`, `policies list`) nor a scan whose rules run on the workers loads it here.
        load: async () => loadPolicySyncOf(await import('@open-policy-agent/opa-wasm')),
      });
    return {
      add: async (resources, more = false) => {
        const modules = await this.compile();
        // In turns: the rules of the parts before run meanwhile, and their workers wait for their next jobs.
        const input = await inTurns(encodeInSteps(resources, types, this.options.batchSize, seen));
        const planned = this.plan(input, modules);
        scheduler ??= await schedulerFor(modules);
        bytes += inputBytes(planned);
        const workers = bytes < this.options.parallelInputBytes ? 1 : this.options.workers;
        // While the caller prepares the next part, it keeps a core of its own: this part's rules take the others.
        const beside = more ? Math.max(1, Math.min(workers, cores() - 1)) : workers;
        scheduler.grow(beside);
        // The workers the next part adds start now, idle, so that they are ready when it comes.
        if (opaWasm && beside < workers) prewarm(workers - beside, this.options.workerHeapMiB, opaWasm);
        const earlier = parts.at(-1)?.runs;
        parts.push({ planned, runs: runsOfPart(planned, jobsOf(planned, workers), earlier, scheduler) });
        await scheduler.taken();
      },
      finish: async () => {
        let runs: PartRun[];
        try {
          runs = await Promise.all(parts.at(-1)?.runs ?? []);
        } finally {
          // Also when a part's run failed: the workers are released, and the process can exit.
          await scheduler?.close();
        }
        const planned = mergedPlan(parts.map((part) => part.planned));
        const reported = reportRuns(
          planned,
          runs.map((run) => run.run),
          this.options,
          diagnostics,
        );
        const equivalents = new Map(this.rules.map((rule) => [rule.id, rule.equivalents]));
        return { ...reported, rules: this.rules.length, equivalents };
      },
      cancel: async () => {
        await scheduler?.cancel();
      },
    };
  }

  private plan(input: PolicyInput, modules: readonly (WebAssembly.Module | Error)[]): PlannedRule[] {
    return this.bundles.flatMap((bundle, index) => {
      const module = modules[index];
      const unavailable =
        module instanceof Error
          ? `the bundle's policy.wasm is not a WebAssembly module this runtime accepts: ${module.message}`
          : undefined;
      return bundle.catalogue.rules.map((rule) => ({
        rule,
        bundle: index,
        batches: (['declared', 'live'] as const).flatMap((origin) =>
          rule.resourceTypes.flatMap((type) => input.get(origin)?.get(type) ?? []),
        ),
        ...(unavailable ? { unavailable } : {}),
      }));
    });
  }

  /** Compiled once per evaluator; a worker instantiates the compiled module without compiling it again. */
  private compile(): Promise<(WebAssembly.Module | Error)[]> {
    this.modules ??= Promise.all(
      this.bundles.map((bundle) =>
        WebAssembly.compile(new Uint8Array(bundle.wasm)).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        ),
      ),
    );
    return this.modules;
  }

  private memory(): { initial: number; maximum: number } {
    const maximum = Math.max(2, Math.floor((this.options.memoryLimitMiB * 1024 * 1024) / PAGE));
    return { initial: Math.min(maximum, 64), maximum };
  }
}

/** The bytes of input all rules read, each batch counted once. */
function inputBytes(planned: readonly PlannedRule[]): number {
  const buffers = new Set(planned.flatMap((item) => item.batches.map((batch) => batch.buffer)));
  let total = 0;
  for (const buffer of buffers) total += buffer.byteLength;
  return total;
}

/**
 * The rules of one bundle that read the same batches (the same types) make one job, whose batches each worker
 * parses once for all of them. Bundles go in their order (the built-in rules first, whatever a user's rule does);
 * within a bundle the largest jobs (rules times bytes) go first, so that two workers end close together.
 * `rules` are the jobs' rules as indexes into `planned`; a rule with nothing to read, or whose bundle did not
 * compile, is in no job. With several workers a large job is cut into jobs of its rules, each at most half a worker's
 * share by rules times bytes, which the largest-first order then evens out: rules differ several times in cost per
 * byte (at 100k resources the 23 IAM rules, which walk every statement, were 60% of the evaluation on one worker).
 * Each part parses the batches again; below SPLIT_JOB_BYTES that costs more than it saves.
 */
function jobsOf(
  planned: readonly PlannedRule[],
  workers: number,
): { job: RuleJob; rules: number[]; cost: number }[] {
  const groups = new Map<string, { job: RuleJob; rules: number[]; bytes: number }>();
  planned.forEach((item, index) => {
    if (item.unavailable || item.batches.length === 0) return;
    const key = `${item.bundle} ${item.rule.resourceTypes.join(' ')}`;
    const group = groups.get(key);
    if (group) {
      group.job.entrypoints.push(item.rule.entrypoint);
      group.rules.push(index);
      return;
    }
    const batches = item.batches.map(({ buffer, offset, length, byKey }) => ({
      buffer,
      offset,
      length,
      resources: byKey.size,
    }));
    const bytes = batches.reduce((sum, batch) => sum + batch.length, 0);
    groups.set(key, {
      job: { bundle: item.bundle, entrypoints: [item.rule.entrypoint], batches },
      rules: [index],
      bytes,
    });
  });
  const whole = [...groups.values()];
  const share = whole.reduce((sum, group) => sum + group.rules.length * group.bytes, 0) / workers;
  return whole
    .flatMap((group) => {
      const cost = group.rules.length * group.bytes;
      if (workers < 2 || group.bytes < SPLIT_JOB_BYTES || cost <= share / 2) return [group];
      const parts = Math.min(group.rules.length, Math.ceil(cost / (share / 2)));
      const size = Math.ceil(group.rules.length / parts);
      return Array.from({ length: parts }, (_, part) => {
        const at = part * size;
        const entrypoints = group.job.entrypoints.slice(at, at + size);
        return {
          job: { ...group.job, entrypoints },
          rules: group.rules.slice(at, at + size),
          bytes: group.bytes,
        };
      });
    })
    .map((group) => ({ job: group.job, rules: group.rules, cost: group.rules.length * group.bytes }))
    .sort((a, b) => a.job.bundle - b.job.bundle || b.cost - a.cost);
}

/**
 * opa-wasm's ES module entry exports only loadPolicy, though its types declare loadPolicySync too: Node gives the
 * CommonJS exports as `default`, bundlers and vitest as named exports as well.
 */
function loadPolicySyncOf(module: typeof opa): typeof opa.loadPolicySync {
  const fromDefault = (module as { default?: { loadPolicySync?: typeof opa.loadPolicySync } }).default;
  return fromDefault?.loadPolicySync ?? module.loadPolicySync;
}

/** The smallest valid module, standing in for a bundle that did not compile (its rules never run). */
function placeholderModule(): WebAssembly.Module {
  return new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
}
