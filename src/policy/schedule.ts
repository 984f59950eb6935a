import type { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { withFastSprintf } from './host-builtins.js';
import { createProgress, epochNow } from './progress.js';
import { type CompactFinding, createPolicyRunner, type RuleJob, type RunnerSetup } from './worker.js';
import { type SlotOutcome, WorkerSlot } from './worker-pool.js';

/** What became of one rule. */
export type RuleRun =
  /** `spentMs`: its time evaluating (see RuleJob.spent). */
  | { kind: 'done'; batches: CompactFinding[][]; spentMs: number }
  | { kind: 'failed'; error: string }
  /** Stopped at its own ceiling. */
  | { kind: 'rule-ceiling' }
  /** Stopped at (started) or not started before (not started) the ceiling for all rules. */
  | { kind: 'scan-ceiling'; started: boolean };

export interface ScheduleOptions {
  setup: RunnerSetup;
  ruleTimeoutMs: number;
  scanTimeoutMs: number;
  workers: number;
  workerHeapMiB: number;
  /** opa-wasm for the workers; undefined runs every rule on this thread (see locateOpaWasm). */
  opaWasm: string | undefined;
  /**
   * opa-wasm's loader for this thread, called only when there is no worker: where the workers run the rules, this
   * thread never loads opa-wasm (tens of milliseconds of CommonJS files, yaml among them, before the first job).
   */
  load: () => Promise<typeof loadPolicySync>;
  /** Called once every worker has its first job (or has none), or, on this thread, once the rules have run. */
  started?: () => void;
}

/** Rules of one job still to run: indexes into its entrypoints. */
interface Pending {
  job: Queued;
  rules: number[];
  /** Queued by it, the costliest first (see RuleScheduler.run); a job's rules run again go first. */
  cost: number;
}

/** A job handed to the scheduler, its rules' outcomes so far, and who waits for them. */
interface Queued {
  job: RuleJob;
  outcomes: RuleRun[];
  done: (outcomes: RuleRun[]) => void;
}

/**
 * Jobs handed over while the workers run (an evaluation whose input comes in parts, engine.ts): each rule under its
 * ceiling and all of them under the scan's, counted from when the scheduler was created.
 */
export interface RuleScheduler {
  /**
   * Queues a job after those of earlier bundles and before those of its bundle that cost less (`cost`, in any unit:
   * the engine gives rules times bytes), so that a costly job of a later part does not wait behind the small ones
   * left of an earlier part; resolves with its rules' outcomes, in the order of its entrypoints, once each is known.
   */
  run(job: RuleJob, cost?: number): Promise<RuleRun[]>;
  /**
   * Resolves once every queued job a worker can take has been sent to one (or, on this thread, has run), so that the
   * caller's own work next does not keep the workers waiting for their jobs.
   */
  taken(): Promise<void>;
  /** Lets up to this many workers run side by side from now on (the input grew past what one serves). */
  grow(workers: number): void;
  /** No more jobs: resolves once the queued ones have run and the workers are released. */
  close(): Promise<void>;
  /** Drops the jobs not started and stops the workers (the caller failed): nothing is left running. */
  cancel(): Promise<void>;
}

/**
 * Runs the jobs (undefined: rules with nothing to read) on a small pool of workers, each rule under its ceiling and
 * all of them under the scan's, and gives each job's rules' outcomes in the order of its entrypoints. A rule past its
 * ceiling, or on which its worker crashed, is stopped alone: the job's other rules run again on a fresh worker.
 */
export async function runRules(
  jobs: readonly (RuleJob | undefined)[],
  options: ScheduleOptions,
): Promise<RuleRun[][]> {
  const scheduler = createRuleScheduler(options);
  const runs = jobs.map((job) => (job ? scheduler.run(job) : Promise.resolve([])));
  await scheduler.taken();
  options.started?.();
  await scheduler.close();
  return Promise.all(runs);
}

export function createRuleScheduler(options: ScheduleOptions): RuleScheduler {
  const deadline = performance.now() + options.scanTimeoutMs;
  const { opaWasm } = options;
  if (opaWasm === undefined) return onThisThread(deadline, options);
  const queue: Pending[] = [];
  const slots: WorkerSlot[] = [];
  const loops: Promise<void>[] = [];
  let workers = Math.max(1, options.workers);
  let busy = 0;
  let sending = 0;
  let closed = false;
  let cancelled = false;
  let wake: (() => void) | undefined;
  let waiting: Promise<void> | undefined;
  let takenWaiters: (() => void)[] = [];
  const signal = () => {
    wake?.();
    wake = undefined;
    waiting = undefined;
  };
  const nextSignal = () => {
    waiting ??= new Promise((resolve) => {
      wake = resolve;
    });
    return waiting;
  };
  const isTaken = () => sending === 0 && (queue.length === 0 || busy >= slots.length);
  const checkTaken = () => {
    if (!isTaken()) return;
    const waiters = takenWaiters;
    takenWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const serve = async (slot: WorkerSlot) => {
    for (;;) {
      const pending = queue.shift();
      if (!pending) {
        checkTaken();
        if (closed) return;
        await nextSignal();
        continue;
      }
      sending++;
      const { job, outcomes } = pending.job;
      const started = await slot.start(deadline - performance.now());
      const left = deadline - performance.now();
      if (started.kind !== 'ready' || left <= 0 || cancelled) {
        if (started.kind === 'failed')
          for (const rule of pending.rules) outcomes[rule] = { kind: 'failed', error: started.error };
        sending--;
        pending.job.done(outcomes);
        continue;
      }
      const watch = { progress: createProgress(), epoch: epochNow(), ruleTimeoutMs: options.ruleTimeoutMs };
      const entrypoints = pending.rules.map((rule) => job.entrypoints[rule] ?? '');
      const spent = job.spent ? { spent: pending.rules.map((rule) => job.spent?.[rule] ?? 0) } : {};
      const run = slot.run({ ...job, entrypoints, watch, ...spent }, left);
      sending--;
      busy++;
      checkTaken();
      const outcome = await run;
      busy--;
      const again = cancelled ? [] : record(outcome, pending.rules, outcomes);
      if (again.length > 0) queue.unshift({ ...pending, rules: again });
      else pending.job.done(outcomes);
    }
  };
  const addSlots = () => {
    while (slots.length < workers && slots.length < busy + sending + queue.length) {
      const slot = new WorkerSlot({ setup: options.setup, heapMiB: options.workerHeapMiB, opaWasm });
      slots.push(slot);
      loops.push(serve(slot));
    }
  };
  const finish = async () => {
    closed = true;
    signal();
    await Promise.all(loops);
    await Promise.all(slots.map((slot) => (cancelled ? slot.stop() : slot.release())));
    checkTaken();
  };
  return {
    run(job, cost = 0) {
      return new Promise((done) => {
        const outcomes: RuleRun[] = job.entrypoints.map(() => ({ kind: 'scan-ceiling', started: false }));
        if (closed || job.entrypoints.length === 0) return done(outcomes);
        // Bundles in their order (the built-in rules first, whatever a user's rule does), then the costliest first.
        const at = queue.findIndex(
          (pending) =>
            pending.job.job.bundle > job.bundle ||
            (pending.job.job.bundle === job.bundle && pending.cost < cost),
        );
        const pending = { job: { job, outcomes, done }, rules: job.entrypoints.map((_, rule) => rule), cost };
        queue.splice(at < 0 ? queue.length : at, 0, pending);
        addSlots();
        signal();
      });
    },
    async taken() {
      // A turn of the event loop first: jobs queued from promise callbacks (engine.ts) are queued by then.
      await new Promise((resolve) => setImmediate(resolve));
      if (isTaken()) return;
      await new Promise<void>((resolve) => takenWaiters.push(resolve));
    },
    grow(count) {
      workers = Math.max(workers, count);
      // After the jobs queued from promise callbacks (engine.ts): a new worker's first job is the costliest of them.
      setImmediate(addSlots);
    },
    close: finish,
    async cancel() {
      cancelled = true;
      for (const pending of queue.splice(0)) pending.job.done(pending.job.outcomes);
      await Promise.all(slots.map((slot) => slot.stop()));
      await finish();
    },
  };
}

/**
 * Records what a run of `rules` (indexes into the job's entrypoints, in the order they were sent) means for each,
 * and returns those to run again: the others of a job stopped at one rule's ceiling or crashed on one rule.
 */
function record(outcome: SlotOutcome, rules: readonly number[], outcomes: RuleRun[]): number[] {
  if (outcome.kind === 'result') {
    const { result } = outcome;
    rules.forEach((rule, index) => {
      const ran = result.ok ? result.rules[index] : { ok: false as const, error: result.error };
      outcomes[rule] = !ran
        ? { kind: 'failed', error: 'the evaluation worker returned no result for the rule' }
        : ran.ok
          ? { kind: 'done', batches: ran.batches, spentMs: ran.spentMs }
          : 'ceiling' in ran
            ? { kind: 'rule-ceiling' }
            : { kind: 'failed', error: ran.error };
    });
    return [];
  }
  const { rule: at, batch } = outcome.progress;
  const culprit = rules[at];
  if (outcome.kind === 'timeout' && outcome.ceiling === 'scan') {
    // Rules run batch by batch: after the first batch every rule of the job has started.
    rules.forEach((rule, index) => {
      outcomes[rule] = { kind: 'scan-ceiling', started: batch > 0 || index <= at };
    });
    return [];
  }
  if (culprit === undefined) {
    const error = outcome.kind === 'crashed' ? outcome.error : 'the evaluation worker stopped';
    for (const rule of rules) outcomes[rule] = { kind: 'failed', error };
    return [];
  }
  outcomes[culprit] =
    outcome.kind === 'crashed' ? { kind: 'failed', error: outcome.error } : { kind: 'rule-ceiling' };
  return rules.filter((rule) => rule !== culprit);
}

/** Without a worker nothing can interrupt a rule; the scan's ceiling is still checked between jobs. */
function onThisThread(deadline: number, options: ScheduleOptions): RuleScheduler {
  let runner: ReturnType<typeof createPolicyRunner> | undefined;
  let closed = false;
  return {
    async run(job) {
      const outcomes: RuleRun[] = job.entrypoints.map(() => ({ kind: 'scan-ceiling', started: false }));
      if (closed || performance.now() >= deadline) return outcomes;
      runner ??= createPolicyRunner(withFastSprintf(await options.load()), options.setup);
      const rules = job.entrypoints.map((_, rule) => rule);
      record({ kind: 'result', result: runner.run(job) }, rules, outcomes);
      return outcomes;
    },
    taken: async () => {},
    grow: () => {},
    close: async () => {
      closed = true;
    },
    cancel: async () => {
      closed = true;
    },
  };
}
