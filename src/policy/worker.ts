import type { LoadedPolicy, loadPolicySync } from '@open-policy-agent/opa-wasm';
import { withFastSprintf } from './host-builtins.js';

/**
 * The code that evaluates rules, in an evaluation worker (node:worker_threads) or, where no worker can start, on
 * the main thread. opa-wasm implements some builtins (regex.split, sprintf) in JavaScript, where nothing in the
 * thread can interrupt them; a worker can be terminated from outside, which is what the time ceilings need.
 *
 * The worker runs `policyWorkerSource()`, built from the functions below (and `withFastSprintf`) with
 * Function.prototype.toString, so that it needs no file beside the module: the sources run under vitest, tsc's
 * output and esbuild bundles alike. These functions therefore use only their parameters and globals, never an
 * import or a module-level name.
 */

/** One batch of a rule's input, in shared memory (see policy-input.ts). */
export interface JobBatch {
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
  resources: number;
}

/**
 * Rules of one bundle that read the same batches. Each batch is parsed into the Wasm heap once and every rule is
 * evaluated on it, rather than each rule parsing every batch again.
 */
export interface RuleJob {
  /** Index of the rules' bundle in `RunnerSetup.modules`. */
  bundle: number;
  entrypoints: string[];
  batches: JobBatch[];
  /**
   * Where the worker says which rule it is evaluating and until when that rule may run (progress.ts), so that the
   * main thread can stop that rule alone. Absent on the main thread, where nothing can stop a rule.
   */
  watch?: { progress: SharedArrayBuffer; epoch: number; ruleTimeoutMs: number };
  /**
   * Each rule's time already spent on earlier batches of the same evaluation (input given in parts, engine.ts), which
   * counts against its ceiling here too. Absent: none.
   */
  spent?: number[];
}

/** A finding as the main thread receives it: each field the string the rule gave, or null. */
export type CompactFinding = [key: string | null, path: string | null, message: string | null];

/** One rule of a job: its findings batch by batch, or why it has none. */
export type RuleResult =
  /** `spentMs`: its time evaluating, the job's `spent` for it included. */
  | { ok: true; batches: CompactFinding[][]; spentMs: number }
  | { ok: false; error: string }
  /**
   * Ran past its ceiling and finished before the main thread looked (it may have been busy classifying): the worker
   * tells, so that a rule's ceiling does not depend on how soon the main thread checks it.
   */
  | { ok: false; ceiling: true };

/** The rules' results in the order of the job's entrypoints, or why none ran. */
export type JobResult = { ok: true; rules: RuleResult[] } | { ok: false; error: string };

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

/** The OPA Wasm ABI exports the runner calls (https://www.openpolicyagent.org/docs/wasm, "Exports"). */
interface OpaExports {
  opa_heap_ptr_get(): number;
  opa_heap_ptr_set(addr: number): void;
  opa_malloc(size: number): number;
  opa_json_parse(addr: number, size: number): number;
  opa_json_dump(addr: number): number;
  opa_eval_ctx_new(): number;
  opa_eval_ctx_set_input(ctx: number, addr: number): void;
  opa_eval_ctx_set_data(ctx: number, addr: number): void;
  opa_eval_ctx_set_entrypoint(ctx: number, entrypoint: number): void;
  opa_eval_ctx_get_result(ctx: number): number;
  eval(ctx: number): number;
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
  const decoder = new TextDecoder();
  const exportsOf = (policy: LoadedPolicy): OpaExports => {
    const source = policy.wasmInstance as { instance?: WebAssembly.Instance; exports?: unknown };
    return (source.instance?.exports ?? source.exports) as unknown as OpaExports;
  };
  // What LoadedPolicy.evaluate does, split in two: the input is parsed once below the heap pointer each evaluation
  // starts from, as opa-wasm does with data (setData), and each rule is then evaluated on it.
  const parse = (policy: LoadedPolicy, batch: JobBatch): { input: number; heap: number } => {
    const wasm = exportsOf(policy);
    wasm.opa_heap_ptr_set(policy.dataHeapPtr);
    const raw = wasm.opa_malloc(batch.length);
    new Uint8Array(policy.mem.buffer).set(new Uint8Array(batch.buffer, batch.offset, batch.length), raw);
    const input = wasm.opa_json_parse(raw, batch.length);
    if (input === 0) throw new Error('the policy engine could not parse the input batch');
    return { input, heap: wasm.opa_heap_ptr_get() };
  };
  const evaluate = (policy: LoadedPolicy, parsed: { input: number; heap: number }, entrypoint: string) => {
    const id = (policy.entrypoints as Record<string, unknown>)[entrypoint];
    if (typeof id !== 'number') throw `entrypoint ${entrypoint} is not valid in this instance`;
    const wasm = exportsOf(policy);
    wasm.opa_heap_ptr_set(parsed.heap);
    const context = wasm.opa_eval_ctx_new();
    wasm.opa_eval_ctx_set_input(context, parsed.input);
    wasm.opa_eval_ctx_set_data(context, policy.dataAddr);
    wasm.opa_eval_ctx_set_entrypoint(context, id);
    wasm.eval(context);
    const dumped = wasm.opa_json_dump(wasm.opa_eval_ctx_get_result(context));
    const memory = new Uint8Array(policy.mem.buffer);
    const end = memory.indexOf(0, dumped);
    return JSON.parse(decoder.decode(memory.subarray(dumped, end < 0 ? memory.length : end))) as
      | { result?: unknown }[]
      | undefined;
  };
  // The findings of one evaluation, or why they cannot be trusted.
  const findingsOf = (results: { result?: unknown }[] | undefined, entrypoint: string, resources: number) => {
    const result = results?.[0]?.result;
    if (result === undefined) return [];
    if (!Array.isArray(result))
      return `entrypoint ${entrypoint} returned ${result === null ? 'null' : typeof result}, expected a set of findings`;
    const limit = Math.max(1, resources) * setup.maxFindingsPerResource;
    if (result.length > limit)
      return `returned ${result.length} findings for ${resources} resource${resources === 1 ? '' : 's'}, more than ${setup.maxFindingsPerResource} a resource`;
    return result.map((finding: { key?: unknown; path?: unknown; message?: unknown } | null) => [
      typeof finding?.key === 'string' ? finding.key : null,
      text(finding?.path),
      text(finding?.message),
    ]) as CompactFinding[];
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
      // progress.ts reads these cells: a sequence number (odd while they change), the rule being evaluated (-1 for
      // none), the batch, and the time (ms after the job's epoch) past which that rule has run over its ceiling.
      const cells = job.watch ? new Int32Array(job.watch.progress) : undefined;
      const now = () => performance.timeOrigin + performance.now() - (job.watch?.epoch ?? 0);
      const mark = (rule: number, batch: number, deadline: number) => {
        if (!cells) return;
        Atomics.add(cells, 0, 1);
        Atomics.store(cells, 1, rule);
        Atomics.store(cells, 2, batch);
        Atomics.store(cells, 3, Math.min(2 ** 31 - 1, Math.ceil(deadline)));
        Atomics.add(cells, 0, 1);
      };
      const rules: RuleResult[] = job.entrypoints.map(() => ({ ok: true, batches: [], spentMs: 0 }));
      const spent = job.entrypoints.map((_, rule) => job.spent?.[rule] ?? 0);
      const ceiling = job.watch?.ruleTimeoutMs ?? 0;
      job.batches.forEach((batch, index) => {
        let parsed: { input: number; heap: number } | undefined;
        job.entrypoints.forEach((entrypoint, rule) => {
          const done = rules[rule];
          if (!done?.ok) return;
          try {
            const policy = instance(job.bundle);
            mark(-1, index, 0);
            parsed ??= parse(policy, batch);
            const started = now();
            mark(rule, index, started + ceiling - (spent[rule] ?? 0));
            const results = evaluate(policy, parsed, entrypoint);
            spent[rule] = (spent[rule] ?? 0) + now() - started;
            mark(-1, index, 0);
            if (ceiling > 0 && (spent[rule] ?? 0) > ceiling) {
              rules[rule] = { ok: false, ceiling: true };
              return;
            }
            const findings = findingsOf(results, entrypoint, batch.resources);
            if (typeof findings === 'string') rules[rule] = { ok: false, error: findings };
            else done.batches.push(findings);
          } catch (error) {
            // A trap can leave the instance's heap in any state: the next rule starts on a fresh one.
            instances.delete(job.bundle);
            parsed = undefined;
            rules[rule] = { ok: false, error: describe(error) };
          }
        });
      });
      mark(-1, job.batches.length, 0);
      rules.forEach((done, rule) => {
        if (done.ok) done.spentMs = spent[rule] ?? 0;
      });
      const used = instances.get(job.bundle);
      if (used && used.mem.buffer.byteLength > setup.recycleBytes) instances.delete(job.bundle);
      return { ok: true, rules };
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
function workerMain(
  require: (id: string) => unknown,
  create: typeof createPolicyRunner,
  fast: typeof withFastSprintf,
): void {
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
      runner = create(fast(opa.loadPolicySync), message.setup);
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
  return `'use strict';\n(${workerMain.toString()})(require, (${createPolicyRunner.toString()}), (${withFastSprintf.toString()}));\n`;
}
