import type { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { withFastSprintf } from './host-builtins.js';
import { createProgress, epochNow } from './progress.js';
import { type CompactFinding, createPolicyRunner, type RuleJob, type RunnerSetup } from './worker.js';
import { type SlotOutcome, WorkerSlot } from './worker-pool.js';

/** What became of one rule. */
export type RuleRun =
  | { kind: 'done'; batches: CompactFinding[][] }
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
  job: number;
  rules: number[];
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
  const runs: RuleRun[][] = jobs.map((job) =>
    (job?.entrypoints ?? []).map(() => ({ kind: 'scan-ceiling', started: false })),
  );
  const deadline = performance.now() + options.scanTimeoutMs;
  const { opaWasm } = options;
  if (opaWasm === undefined) {
    const ran = runOnThisThread(jobs, runs, deadline, options, await options.load());
    options.started?.();
    return ran;
  }
  const queue: Pending[] = jobs.flatMap((job, index) =>
    job && job.entrypoints.length > 0 ? [{ job: index, rules: job.entrypoints.map((_, rule) => rule) }] : [],
  );
  const slots = Array.from(
    { length: Math.max(1, Math.min(options.workers, queue.length)) },
    () => new WorkerSlot({ setup: options.setup, heapMiB: options.workerHeapMiB, opaWasm }),
  );
  let starting = slots.length;
  const serve = async (slot: WorkerSlot) => {
    let first = true;
    const running = () => {
      if (first && --starting === 0) options.started?.();
      first = false;
    };
    for (let pending = queue.shift(); pending; pending = queue.shift()) {
      const job = jobs[pending.job];
      const outcomes = runs[pending.job];
      if (!job || !outcomes) continue;
      const started = await slot.start(deadline - performance.now());
      if (started.kind !== 'ready') {
        if (started.kind === 'failed')
          for (const rule of pending.rules) outcomes[rule] = { kind: 'failed', error: started.error };
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) continue;
      const watch = { progress: createProgress(), epoch: epochNow(), ruleTimeoutMs: options.ruleTimeoutMs };
      const entrypoints = pending.rules.map((rule) => job.entrypoints[rule] ?? '');
      const run = slot.run({ ...job, entrypoints, watch }, left);
      running();
      const again = record(await run, pending.rules, outcomes);
      if (again.length > 0) queue.unshift({ job: pending.job, rules: again });
    }
    running();
  };
  try {
    await Promise.all(slots.map(serve));
  } finally {
    await Promise.all(slots.map((slot) => slot.release()));
  }
  return runs;
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
          ? { kind: 'done', batches: ran.batches }
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
function runOnThisThread(
  jobs: readonly (RuleJob | undefined)[],
  runs: RuleRun[][],
  deadline: number,
  options: ScheduleOptions,
  load: typeof loadPolicySync,
): RuleRun[][] {
  const runner = createPolicyRunner(withFastSprintf(load), options.setup);
  jobs.forEach((job, index) => {
    const outcomes = runs[index];
    if (!job || !outcomes || performance.now() >= deadline) return;
    const rules = job.entrypoints.map((_, rule) => rule);
    record({ kind: 'result', result: runner.run(job) }, rules, outcomes);
  });
  return runs;
}
