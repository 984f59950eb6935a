import type { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { type CompactFinding, createPolicyRunner, type RuleJob, type RunnerSetup } from './worker.js';
import { WorkerSlot } from './worker-pool.js';

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
  /** opa-wasm's loader for this thread, used only when there is no worker. */
  load: typeof loadPolicySync;
}

/**
 * Runs the jobs (undefined: a rule with nothing to read) on a small pool of workers, each rule under its ceiling
 * and all of them under the scan's. The outcomes are in the order of the jobs, whatever order they finish in.
 */
export async function runRules(
  jobs: readonly (RuleJob | undefined)[],
  options: ScheduleOptions,
): Promise<RuleRun[]> {
  const runs: RuleRun[] = jobs.map(() => ({ kind: 'scan-ceiling', started: false }));
  const deadline = performance.now() + options.scanTimeoutMs;
  const { opaWasm } = options;
  if (opaWasm === undefined) return runOnThisThread(jobs, runs, deadline, options);
  const slots = Array.from(
    { length: Math.max(1, Math.min(options.workers, jobs.length)) },
    () => new WorkerSlot({ setup: options.setup, heapMiB: options.workerHeapMiB, opaWasm }),
  );
  let next = 0;
  const serve = async (slot: WorkerSlot) => {
    for (let index = next++; index < jobs.length; index = next++) {
      const job = jobs[index];
      if (!job) {
        runs[index] = { kind: 'done', batches: [] };
        continue;
      }
      const started = await slot.start(deadline - performance.now());
      if (started.kind !== 'ready') {
        if (started.kind === 'failed') runs[index] = { kind: 'failed', error: started.error };
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) continue;
      const limitedByScan = left < options.ruleTimeoutMs;
      const outcome = await slot.run(job, limitedByScan ? left : options.ruleTimeoutMs);
      if (outcome.kind === 'timeout')
        runs[index] = limitedByScan ? { kind: 'scan-ceiling', started: true } : { kind: 'rule-ceiling' };
      else if (outcome.kind === 'crashed') runs[index] = { kind: 'failed', error: outcome.error };
      else if (outcome.result.ok) runs[index] = { kind: 'done', batches: outcome.result.batches };
      else runs[index] = { kind: 'failed', error: outcome.result.error };
    }
  };
  try {
    await Promise.all(slots.map(serve));
  } finally {
    await Promise.all(slots.map((slot) => slot.release()));
  }
  return runs;
}

/** Without a worker nothing can interrupt a rule; the scan's ceiling is still checked between rules. */
function runOnThisThread(
  jobs: readonly (RuleJob | undefined)[],
  runs: RuleRun[],
  deadline: number,
  options: ScheduleOptions,
): RuleRun[] {
  const runner = createPolicyRunner(options.load, options.setup);
  jobs.forEach((job, index) => {
    if (!job) runs[index] = { kind: 'done', batches: [] };
    else if (performance.now() < deadline) {
      const result = runner.run(job);
      runs[index] = result.ok
        ? { kind: 'done', batches: result.batches }
        : { kind: 'failed', error: result.error };
    }
  });
  return runs;
}
