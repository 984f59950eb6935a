import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Progress, readProgress, sinceEpoch, steadyProgress } from './progress.js';
import {
  type FromWorker,
  type JobResult,
  policyWorkerSource,
  type RuleJob,
  type RunnerSetup,
  type ToWorker,
} from './worker.js';

/**
 * What became of a job sent to a worker. A job stopped at a ceiling, or whose worker crashed, says where its worker
 * was (progress.ts): which rule (for a job without a progress cell, or between rules, -1) and which batch.
 */
export type SlotOutcome =
  | { kind: 'result'; result: JobResult }
  | { kind: 'timeout'; ceiling: 'rule' | 'scan'; progress: Progress }
  | { kind: 'crashed'; error: string; progress: Progress };

export interface SlotOptions {
  setup: RunnerSetup;
  /** The worker's JavaScript heap limit. */
  heapMiB: number;
  /** The file the worker loads opa-wasm from (see locateOpaWasm). */
  opaWasm: string;
}

/** A terminated worker that does not exit within this is left behind rather than waited for. */
const TERMINATE_GRACE_MS = 2_000;
/** Healthy workers kept for the next evaluation, unreferenced (they never keep the process alive). */
const MAX_IDLE = 2;
/** How soon a job between two rules (or mid-write) is looked at again: a rule's ceiling is known once it starts. */
const BETWEEN_RULES_POLL_MS = 20;
const NO_PROGRESS: Progress = { rule: -1, batch: 0, deadline: 0 };

/**
 * Where a worker loads opa-wasm from: a bundle that inlines its dependencies (the GitHub Action) ships a
 * self-contained CommonJS build as `opa-wasm.cjs` beside itself; otherwise the installed package. Undefined when
 * neither is there, and rules are then evaluated on the main thread, without time ceilings.
 */
export function locateOpaWasm(): string | undefined {
  const beside = fileURLToPath(new URL('./opa-wasm.cjs', import.meta.url));
  if (existsSync(beside)) return beside;
  try {
    return createRequire(import.meta.url).resolve('@open-policy-agent/opa-wasm');
  } catch {
    return undefined;
  }
}

/** The cores this process may run on: the main thread and the evaluation workers share them. */
export function cores(): number {
  return availableParallelism();
}

/**
 * Starts workers ahead of their first job (while the sources are read, say), into the idle ones: a worker costs tens
 * of milliseconds to start, more than most rules take. Idle workers never keep the process alive.
 */
export function prewarm(count: number, heapMiB: number, opaWasm: string): void {
  const matching = () => idle.filter((t) => t.alive && t.heapMiB === heapMiB && t.opaWasm === opaWasm).length;
  while (matching() < count && idle.length < MAX_IDLE) {
    const thread = spawn(heapMiB, opaWasm);
    thread.worker.unref();
    idle.push(thread);
  }
}

type WorkerEvent =
  | { kind: 'message'; message: FromWorker }
  | { kind: 'error'; error: unknown }
  | { kind: 'exit'; code: number }
  | { kind: 'timeout' };

interface Thread {
  worker: Worker;
  heapMiB: number;
  opaWasm: string;
  listener: ((event: WorkerEvent) => void) | undefined;
  alive: boolean;
}

const idle: Thread[] = [];

/**
 * One evaluation worker for one evaluation: taken from the idle ones or started, and started again after it was
 * stopped. It runs one job at a time; a job past its time is ended by terminating the worker, which interrupts even
 * a regular expression mid-match.
 */
export class WorkerSlot {
  private thread: Thread | undefined;
  private ready = false;
  private nextId = 0;
  private readonly options: SlotOptions;

  constructor(options: SlotOptions) {
    this.options = options;
  }

  /** Readies a worker with this evaluation's bundles. Its start-up is not counted against any rule. */
  async start(
    timeoutMs: number,
  ): Promise<{ kind: 'ready' } | { kind: 'timeout' } | { kind: 'failed'; error: string }> {
    if (this.thread?.alive && this.ready) return { kind: 'ready' };
    let thread: Thread;
    try {
      thread = this.thread?.alive ? this.thread : this.acquire();
    } catch (error) {
      return { kind: 'failed', error: `the evaluation worker could not start: ${describe(error)}` };
    }
    this.thread = thread;
    const waiting = this.wait(thread, timeoutMs, (message) => message.kind === 'ready');
    post(thread, { kind: 'setup', setup: this.options.setup });
    const event = await waiting;
    if (event.kind === 'message') {
      this.ready = true;
      return { kind: 'ready' };
    }
    await this.stop();
    if (event.kind === 'timeout') return { kind: 'timeout' };
    return { kind: 'failed', error: `the evaluation worker could not start: ${this.describe(event)}` };
  }

  /**
   * Runs a job until it is done, one of its rules runs past the deadline the worker gave it (a job with a progress
   * cell, `job.watch`), or the scan's time left runs out, whichever comes first.
   */
  async run(job: RuleJob, scanLeftMs: number): Promise<SlotOutcome> {
    const thread = this.thread;
    const progress = () => (job.watch ? readProgress(job.watch.progress) : NO_PROGRESS);
    if (!thread?.alive || !this.ready)
      return { kind: 'crashed', error: 'the evaluation worker is not running', progress: NO_PROGRESS };
    const id = this.nextId++;
    const scanDeadline = performance.now() + scanLeftMs;
    let ceiling: 'rule' | 'scan' = 'scan';
    let stoppedAt: Progress | undefined;
    const next = (): number | undefined => {
      const left = scanDeadline - performance.now();
      if (left <= 0 || !job.watch) return left > 0 ? left : undefined;
      const now = steadyProgress(job.watch.progress);
      if (now === undefined || now.rule < 0) return Math.min(left, BETWEEN_RULES_POLL_MS);
      const over = now.deadline - sinceEpoch(job.watch.epoch);
      if (over > 0) return Math.min(left, over);
      ceiling = 'rule';
      stoppedAt = now;
      return undefined;
    };
    const waiting = this.wait(thread, next, (message) => message.kind === 'result' && message.id === id);
    post(thread, { kind: 'job', id, job });
    const event = await waiting;
    if (event.kind === 'message' && event.message.kind === 'result')
      return { kind: 'result', result: event.message.result };
    await this.stop();
    if (event.kind === 'timeout') return { kind: 'timeout', ceiling, progress: stoppedAt ?? progress() };
    return { kind: 'crashed', error: this.describe(event), progress: progress() };
  }

  /** Done with this evaluation: a healthy worker is reset and kept idle, any other is terminated. */
  async release(): Promise<void> {
    const thread = this.thread;
    if (!thread?.alive || !this.ready || idle.length >= MAX_IDLE) return this.stop();
    this.thread = undefined;
    this.ready = false;
    post(thread, { kind: 'reset' });
    thread.worker.unref();
    idle.push(thread);
  }

  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    this.ready = false;
    if (!thread) return;
    thread.alive = false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      thread.worker.terminate().catch(() => 0),
      new Promise((done) => {
        timer = setTimeout(done, TERMINATE_GRACE_MS);
      }),
    ]);
    clearTimeout(timer);
  }

  private acquire(): Thread {
    const { heapMiB, opaWasm } = this.options;
    const index = idle.findIndex((t) => t.alive && t.heapMiB === heapMiB && t.opaWasm === opaWasm);
    if (index >= 0) {
      const [thread] = idle.splice(index, 1);
      if (thread) {
        thread.worker.ref();
        return thread;
      }
    }
    return spawn(heapMiB, opaWasm);
  }

  /** Waits for a message; `timeout` is a time, or says each time it is asked how much longer (undefined: no more). */
  private wait(
    thread: Thread,
    timeout: number | (() => number | undefined),
    accept: (message: FromWorker) => boolean,
  ): Promise<WorkerEvent> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (event: WorkerEvent) => {
        clearTimeout(timer);
        thread.listener = undefined;
        resolve(event);
      };
      const arm = () => {
        const left = typeof timeout === 'number' ? timeout : timeout();
        if (left === undefined) finish({ kind: 'timeout' });
        else
          timer = setTimeout(
            typeof timeout === 'number' ? () => finish({ kind: 'timeout' }) : arm,
            Math.max(0, left),
          );
      };
      thread.listener = (event) => {
        if (event.kind === 'message' && !accept(event.message)) return;
        finish(event);
      };
      arm();
    });
  }

  private describe(event: WorkerEvent): string {
    if (event.kind === 'exit') return `the evaluation worker exited (code ${event.code})`;
    if (event.kind !== 'error') return 'the evaluation worker stopped';
    const error = event.error as { code?: unknown } | undefined;
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return `exhausted the evaluation worker's heap limit (${this.options.heapMiB} MiB)`;
    return describe(event.error);
  }
}

function spawn(heapMiB: number, opaWasm: string): Thread {
  const worker = new Worker(policyWorkerSource(), {
    eval: true,
    workerData: { opaWasm },
    resourceLimits: { maxOldGenerationSizeMb: heapMiB },
  });
  const thread: Thread = { worker, heapMiB, opaWasm, listener: undefined, alive: true };
  worker.on('message', (message: FromWorker) => thread.listener?.({ kind: 'message', message }));
  worker.on('error', (error) => {
    thread.alive = false;
    thread.listener?.({ kind: 'error', error });
  });
  worker.on('exit', (code) => {
    thread.alive = false;
    const index = idle.indexOf(thread);
    if (index >= 0) idle.splice(index, 1);
    thread.listener?.({ kind: 'exit', code });
  });
  return thread;
}

function post(thread: Thread, message: ToWorker): void {
  thread.worker.postMessage(message);
}

function describe(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message ?? error;
  return String(message).split('\n')[0] ?? 'unknown error';
}
