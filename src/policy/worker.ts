import type { LoadedPolicy, loadPolicySync } from '@open-policy-agent/opa-wasm';

/**
 * The code that evaluates rules, in an evaluation worker (node:worker_threads) or, where no worker can start, on
 * the main thread. opa-wasm implements some builtins (regex.split, sprintf) in JavaScript, where nothing in the
 * thread can interrupt them; a worker can be terminated from outside, which is what the time ceilings need.
 *
 * The worker runs `policyWorkerSource()`, built from the functions below with Function.prototype.toString, so that
 * it needs no file beside the module: the sources run under vitest, tsc's output and esbuild bundles alike. Both
 * functions therefore use only their parameters and globals, never an import or a module-level name.
 */

/** One batch of a rule's input, in shared memory (see policy-input.ts). */
export interface JobBatch {
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
  resources: number;
}

export interface RuleJob {
  /** Index of the rule's bundle in `RunnerSetup.modules`. */
  bundle: number;
  entrypoint: string;
  batches: JobBatch[];
}

/** A finding as the main thread receives it: each field the string the rule gave, or null. */
export type CompactFinding = [key: string | null, path: string | null, message: string | null];

export type JobResult = { ok: true; batches: CompactFinding[][] } | { ok: false; error: string };

export interface RunnerSetup {
  modules: WebAssembly.Module[];
  memory: { initial: number; maximum: number };
  /** A rule returning more findings than this per resource of a batch is broken; its findings are unknown. */
  maxFindingsPerResource: number;
  /** A message or path longer than this is cut, so that one finding cannot fill the report (a key never is). */
  maxTextLength: number;
  /** An instance whose memory a rule grew past this is dropped, so the next rule starts small again. */
  recycleBytes: number;
}

export interface PolicyRunner {
  /** Instantiates every bundle now, so that the first rule's time is its own. */
  prepare(): void;
  run(job: RuleJob): JobResult;
}

export function createPolicyRunner(load: typeof loadPolicySync, setup: RunnerSetup): PolicyRunner {
  const instances = new Map<number, LoadedPolicy>();
  const instance = (bundle: number): LoadedPolicy => {
    const existing = instances.get(bundle);
    if (existing) return existing;
    const module = setup.modules[bundle];
    if (!module) throw new Error(`no bundle ${bundle}`);
    const created = load(module, { initial: setup.memory.initial, maximum: setup.memory.maximum });
    instances.set(bundle, created);
    return created;
  };
  const text = (value: unknown): string | null => {
    if (typeof value !== 'string') return null;
    return value.length > setup.maxTextLength ? `${value.slice(0, setup.maxTextLength)}…` : value;
  };
  // opa-wasm throws Errors, strings (opa_abort) and plain objects with a message (a missing builtin).
  const describe = (error: unknown): string => {
    const message = (error as { message?: unknown } | null)?.message;
    const text = typeof error === 'string' ? error : typeof message === 'string' ? message : String(error);
    return text.split('\n')[0] ?? '';
  };
  return {
    prepare() {
      setup.modules.forEach((_, bundle) => {
        try {
          instance(bundle);
        } catch {
          // reported by the first rule of that bundle
        }
      });
    },
    run(job) {
      try {
        const policy = instance(job.bundle);
        const batches: CompactFinding[][] = [];
        for (const batch of job.batches) {
          const input = new Uint8Array(batch.length);
          input.set(new Uint8Array(batch.buffer, batch.offset, batch.length));
          const results = policy.evaluate(input.buffer, job.entrypoint) as { result?: unknown }[] | undefined;
          const result = results?.[0]?.result;
          if (result === undefined) {
            batches.push([]);
            continue;
          }
          if (!Array.isArray(result)) {
            return {
              ok: false,
              error: `entrypoint ${job.entrypoint} returned ${result === null ? 'null' : typeof result}, expected a set of findings`,
            };
          }
          const limit = Math.max(1, batch.resources) * setup.maxFindingsPerResource;
          if (result.length > limit) {
            return {
              ok: false,
              error: `returned ${result.length} findings for ${batch.resources} resource${batch.resources === 1 ? '' : 's'}, more than ${setup.maxFindingsPerResource} a resource`,
            };
          }
          batches.push(
            result.map((finding: { key?: unknown; path?: unknown; message?: unknown } | null) => [
              typeof finding?.key === 'string' ? finding.key : null,
              text(finding?.path),
              text(finding?.message),
            ]),
          );
        }
        if (policy.mem.buffer.byteLength > setup.recycleBytes) instances.delete(job.bundle);
        return { ok: true, batches };
      } catch (error) {
        instances.delete(job.bundle);
        return { ok: false, error: describe(error) };
      }
    },
  };
}

/** Messages to a worker: a setup (the bundles of one evaluation), a job, or a reset before it waits idle. */
export type ToWorker =
  | { kind: 'setup'; setup: RunnerSetup }
  | { kind: 'job'; id: number; job: RuleJob }
  | { kind: 'reset' };

export type FromWorker = { kind: 'ready' } | { kind: 'result'; id: number; result: JobResult };

/**
 * The worker's entry: load opa-wasm from the path the main thread resolved (workerData), then serve. A worker
 * outlives one evaluation: it is reset and kept idle for the next, since starting one costs more than most rules.
 */
function workerMain(require: (id: string) => unknown, create: typeof createPolicyRunner): void {
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const port = threads.parentPort;
  if (!port) return;
  const opa = require(threads.workerData.opaWasm as string) as { loadPolicySync: typeof loadPolicySync };
  // A rule's print() reaches console.log, and a worker's console is the process's stdout, where the report goes.
  // (A worker's own stdio streams, the other way to catch it, keep the process alive even when it is unreferenced.)
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = () => {};
  // sprintf pads with String.prototype.repeat, so `sprintf("%0400000000d", [1])` builds 400 MB in one call, and
  // copies of it, before the heap limit can end the worker. Nothing a rule needs repeats that far; this realm is ours.
  const repeat = String.prototype.repeat;
  const maxRepeat = 8 * 1024 * 1024;
  String.prototype.repeat = function (this: string, count: number) {
    if (String(this).length * Number(count) > maxRepeat)
      throw new RangeError(
        `a string of ${String(this).length * Number(count)} characters is past the ${maxRepeat} a rule may build`,
      );
    return repeat.call(this, count);
  };
  let runner: PolicyRunner | undefined;
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'setup') {
      runner = create(opa.loadPolicySync, message.setup);
      runner.prepare();
      port.postMessage({ kind: 'ready' } satisfies FromWorker);
    } else if (message.kind === 'reset') {
      runner = undefined;
    } else {
      const result: JobResult = runner
        ? runner.run(message.job)
        : { ok: false, error: 'the evaluation worker has no bundles' };
      port.postMessage({ kind: 'result', id: message.id, result } satisfies FromWorker);
    }
  });
}

export function policyWorkerSource(): string {
  return `'use strict';\n(${workerMain.toString()})(require, (${createPolicyRunner.toString()}));\n`;
}
