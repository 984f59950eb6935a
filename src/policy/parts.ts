import type { PlannedRule } from './rule-outcomes.js';
import type { RuleRun, RuleScheduler } from './schedule.js';
import type { RuleJob } from './worker.js';

/** A rule's run over the parts of an evaluation so far; `ran`: it was evaluated on at least one batch. */
export interface PartRun {
  run: RuleRun;
  ran: boolean;
}

const NOTHING: PartRun = { run: { kind: 'done', batches: [], spentMs: 0 }, ran: false };

/**
 * Queues one part's jobs, each once its rules have run on the earlier parts (`earlier`, by rule), with only the
 * rules still running: a rule that failed or ran past a ceiling there is not run again, and the time it spent there
 * counts against its ceiling here. Each rule's run over the parts so far, by rule; a rule in no job of this part
 * (nothing of its types here) keeps its run on the earlier parts.
 */
export function runsOfPart(
  planned: readonly PlannedRule[],
  jobs: readonly { job: RuleJob; rules: number[]; cost: number }[],
  earlier: readonly Promise<PartRun>[] | undefined,
  scheduler: RuleScheduler,
): Promise<PartRun>[] {
  const runs = planned.map((_, index) => earlier?.[index] ?? Promise.resolve(NOTHING));
  for (const { job, rules, cost } of jobs) {
    const outcome = Promise.all(rules.map((rule) => runs[rule] ?? NOTHING)).then(async (before) => {
      const going = rules.flatMap((_, at) => (before[at]?.run.kind === 'done' ? [at] : []));
      if (going.length === 0) return before;
      const ran = await scheduler.run(
        {
          ...job,
          entrypoints: going.map((at) => job.entrypoints[at] ?? ''),
          spent: going.map((at) => spentOf(before[at])),
        },
        (cost * going.length) / rules.length,
      );
      const after = [...before];
      going.forEach((at, index) => {
        const run = ran[index];
        const prior = before[at];
        if (run && prior) after[at] = joined(prior, run);
      });
      return after;
    });
    rules.forEach((rule, at) => {
      runs[rule] = outcome.then((list) => list[at] ?? NOTHING);
    });
  }
  return runs;
}

/** Each rule with its batches of every part, in order, as the runs join their findings. */
export function mergedPlan(parts: readonly (readonly PlannedRule[])[]): PlannedRule[] {
  const [first = [], ...rest] = parts;
  return first.map((rule, index) => ({
    ...rule,
    batches: [...rule.batches, ...rest.flatMap((part) => part[index]?.batches ?? [])],
  }));
}

function spentOf(part: PartRun | undefined): number {
  return part?.run.kind === 'done' ? part.run.spentMs : 0;
}

/** A rule's run on the earlier parts (done) followed by its run on this one. */
function joined(before: PartRun, run: RuleRun): PartRun {
  if (before.run.kind !== 'done') return before;
  if (run.kind === 'done')
    return { run: { ...run, batches: [...before.run.batches, ...run.batches] }, ran: true };
  // Not started on this part, but it ran on an earlier one: it was stopped, not left out.
  if (run.kind === 'scan-ceiling' && !run.started && before.ran)
    return { run: { kind: 'scan-ceiling', started: true }, ran: true };
  return { run, ran: before.ran || run.kind !== 'scan-ceiling' || run.started };
}
