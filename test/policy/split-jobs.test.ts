import { describe, expect, it, vi } from 'vitest';
import { maskSecrets } from '../../src/model/mask-secrets.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import type { RuleJob } from '../../src/policy/worker.js';
import { policyEstate } from '../scripts/policy-estate.js';

/** The jobs each evaluation handed its scheduler, in order. */
const handed: RuleJob[][] = [];

vi.mock('../../src/policy/schedule.js', async (original) => {
  const actual = await original<typeof import('../../src/policy/schedule.js')>();
  return {
    ...actual,
    createRuleScheduler: (options: Parameters<typeof actual.createRuleScheduler>[0]) => {
      const scheduler = actual.createRuleScheduler(options);
      const jobs: RuleJob[] = [];
      handed.push(jobs);
      return {
        ...scheduler,
        run: (job: RuleJob) => {
          jobs.push(job);
          return scheduler.run(job);
        },
      };
    },
  };
});

/**
 * With two workers, a job whose rules read more than 1 MiB and cost more than half a worker's share is cut into
 * jobs of its rules, each parsing the same batches (engine.ts, jobsOf): the findings must be those of the job whole.
 */
const bundle = await loadBundleDir(
  new URL('../..', import.meta.url).pathname + BUILTIN_POLICY_DIRS.dist,
  'builtin',
);

function estate(count: number) {
  const resources = policyEstate(count);
  for (const r of resources) maskSecrets(r);
  normaliseResources(resources);
  return resources;
}

const bytesOf = (job: RuleJob) => job.batches.reduce((sum, batch) => sum + batch.length, 0);
const findings = (outcome: Awaited<ReturnType<WasmPolicyEvaluator['evaluate']>>) =>
  outcome.violations.map((v) => `${v.ruleId} ${v.origin} ${v.key} ${v.path} ${v.message}`).sort();

describe('a large job cut across the workers', () => {
  it('gives the findings of the job run whole, messages included', async () => {
    const resources = estate(24_000);
    const jobsOf = () => handed.at(-1) ?? [];

    const whole = await new WasmPolicyEvaluator([bundle], { workers: 1 }).evaluate(resources, []);
    const unsplit = jobsOf();
    const cut = await new WasmPolicyEvaluator([bundle], { workers: 2, parallelInputBytes: 0 }).evaluate(
      resources,
      [],
    );
    const split = jobsOf();

    // A job of the run on one worker reading over 1 MiB is, on two, several jobs of its rules on its batches.
    // Each evaluation encodes its own batches: they are told apart by their lengths.
    const batchesOf = (job: RuleJob) => job.batches.map((batch) => batch.length).join(' ');
    const cutJobs = unsplit
      .filter((job) => bytesOf(job) > 1024 * 1024)
      .map((job) =>
        split.filter(
          (part) =>
            batchesOf(part) === batchesOf(job) &&
            part.entrypoints.every((entrypoint) => job.entrypoints.includes(entrypoint)),
        ),
      )
      .filter((parts) => parts.length > 1);
    expect(cutJobs.length).toBeGreaterThan(0);
    expect(split.length).toBeGreaterThan(unsplit.length);

    expect(whole.failedRules).toEqual([]);
    expect(cut.failedRules).toEqual([]);
    expect(whole.violations.length).toBeGreaterThan(1000);
    expect(findings(cut)).toEqual(findings(whole));
  }, 240_000);
});
