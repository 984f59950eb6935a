import { createRequire } from 'node:module';
import type { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/model/mask-secrets.js';
import type { Diagnostic } from '../../src/model/report.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import { type PartRun, runsOfPart } from '../../src/policy/parts.js';
import { encodePolicyInput } from '../../src/policy/policy-input.js';
import { createProgress, epochNow } from '../../src/policy/progress.js';
import type { PlannedRule } from '../../src/policy/rule-outcomes.js';
import { createRuleScheduler, type RuleRun, type RuleScheduler } from '../../src/policy/schedule.js';
import { createPolicyRunner, type RuleJob } from '../../src/policy/worker.js';
import { locateOpaWasm } from '../../src/policy/worker-pool.js';
import { resource } from '../helpers/resource.js';
import { policyEstate } from '../scripts/policy-estate.js';

/**
 * An evaluation whose input comes in parts (the declared side, then the live one) is one evaluation of all of it:
 * the same findings, failures and ceilings as evaluate() of every resource at once.
 */
const bundle = await loadBundleDir(
  new URL('../..', import.meta.url).pathname + BUILTIN_POLICY_DIRS.dist,
  'builtin',
);
const load = createRequire(import.meta.url)('@open-policy-agent/opa-wasm')
  .loadPolicySync as typeof loadPolicySync;

function estate(count: number) {
  const resources = policyEstate(count);
  for (const r of resources) maskSecrets(r);
  normaliseResources(resources);
  return resources;
}

const findings = (outcome: Awaited<ReturnType<WasmPolicyEvaluator['evaluate']>>) =>
  outcome.violations.map((v) => `${v.ruleId} ${v.origin} ${v.key} ${v.path} ${v.message}`);

/** One batch of one unencrypted volume. */
function ebsBatches() {
  const input = encodePolicyInput(
    [resource('aws_ebs_volume', 'vol-1', { encrypted: false })],
    new Set(['aws_ebs_volume']),
    100,
  );
  return (input.get('declared')?.get('aws_ebs_volume') ?? []).map((b) => ({
    buffer: b.buffer,
    offset: b.offset,
    length: b.length,
    resources: b.byKey.size,
  }));
}

describe('an evaluation in parts', () => {
  it('gives the findings of one evaluation of every resource, in the same order', async () => {
    const resources = estate(3_000);
    const declared = resources.filter((r) => r.origin === 'declared');
    const live = resources.filter((r) => r.origin === 'live');
    for (const workers of [1, 2]) {
      const options = { workers, parallelInputBytes: 0 };
      const whole = await new WasmPolicyEvaluator([bundle], options).evaluate([...declared, ...live], []);
      const diagnostics: Diagnostic[] = [];
      const evaluation = new WasmPolicyEvaluator([bundle], options).begin(diagnostics);
      await evaluation.add(declared, true);
      await evaluation.add(live);
      const parts = await evaluation.finish();
      expect(whole.failedRules).toEqual([]);
      expect(parts.failedRules).toEqual([]);
      expect(diagnostics).toEqual([]);
      expect(whole.violations.length).toBeGreaterThan(500);
      expect(findings(parts)).toEqual(findings(whole));
    }
  }, 240_000);
});

describe("a part's jobs", () => {
  const planned = (count: number): PlannedRule[] =>
    bundle.catalogue.rules.slice(0, count).map((rule) => ({ rule, bundle: 0, batches: [] }));
  const job: RuleJob = { bundle: 0, entrypoints: ['a', 'b', 'c'], batches: [] };
  const earlier = (runs: RuleRun[]): Promise<PartRun>[] =>
    runs.map((run) => Promise.resolve({ run, ran: true }));

  it('run only the rules still running, with the time they spent on the parts before', async () => {
    const handed: RuleJob[] = [];
    const scheduler = {
      run: async (given: RuleJob) => {
        handed.push(given);
        return given.entrypoints.map((): RuleRun => ({ kind: 'done', batches: [[]], spentMs: 50 }));
      },
    } as unknown as RuleScheduler;
    const runs = runsOfPart(
      planned(3),
      [{ job, rules: [0, 1, 2], cost: 3 }],
      earlier([
        { kind: 'done', batches: [[['k', 'p', 'm']]], spentMs: 7 },
        { kind: 'failed', error: 'broken' },
        { kind: 'done', batches: [], spentMs: 9 },
      ]),
      scheduler,
    );
    const after = await Promise.all(runs);
    expect(handed).toEqual([{ ...job, entrypoints: ['a', 'c'], spent: [7, 9] }]);
    expect(after.map((part) => part.run)).toEqual([
      { kind: 'done', batches: [[['k', 'p', 'm']], []], spentMs: 50 },
      { kind: 'failed', error: 'broken' },
      { kind: 'done', batches: [[]], spentMs: 50 },
    ]);
  });

  it('a rule not started at the scan ceiling after it ran on an earlier part was stopped, not left out', async () => {
    const scheduler = {
      run: async (given: RuleJob) =>
        given.entrypoints.map((): RuleRun => ({ kind: 'scan-ceiling', started: false })),
    } as unknown as RuleScheduler;
    const [first, second] = await Promise.all(
      runsOfPart(
        planned(2),
        [{ job: { ...job, entrypoints: ['a', 'b'] }, rules: [0, 1], cost: 2 }],
        [
          Promise.resolve({ run: { kind: 'done', batches: [[]], spentMs: 1 }, ran: true }),
          Promise.resolve({ run: { kind: 'done', batches: [], spentMs: 0 }, ran: false }),
        ],
        scheduler,
      ),
    );
    expect(first?.run).toEqual({ kind: 'scan-ceiling', started: true });
    expect(second?.run).toEqual({ kind: 'scan-ceiling', started: false });
  });
});

describe('the queue of a scheduler', () => {
  it('runs a costly job of a later part before the cheaper ones left of an earlier part, bundle by bundle', async () => {
    const batches = ebsBatches();
    const entrypoints = bundle.catalogue.rules
      .filter((r) => r.resourceTypes.includes('aws_ebs_volume'))
      .map((r) => r.entrypoint);
    const module = await WebAssembly.compile(new Uint8Array(bundle.wasm));
    const scheduler = createRuleScheduler({
      setup: {
        modules: [module, module],
        memory: { initial: 64, maximum: 1024 },
        maxFindingsPerResource: 100,
        maxTextLength: 2000,
        recycleBytes: 1 << 30,
      },
      ruleTimeoutMs: 60_000,
      scanTimeoutMs: 120_000,
      workers: 1,
      workerHeapMiB: 64,
      opaWasm: locateOpaWasm(),
      load: async () => load,
    });
    const order: string[] = [];
    const queue = (name: string, bundleIndex: number, cost: number) =>
      scheduler.run({ bundle: bundleIndex, entrypoints, batches }, cost).then(() => order.push(name));
    // The first job is the worker's at once; the others wait in the queue, in the order it gives them.
    const all = [
      queue('first', 0, 1),
      queue('cheap', 0, 1),
      queue('user', 1, 1_000),
      queue('costly', 0, 100),
    ];
    await scheduler.taken();
    await scheduler.close();
    await Promise.all(all);
    expect(order).toEqual(['first', 'costly', 'cheap', 'user']);
  }, 60_000);
});

describe('the time a rule spent on earlier parts', () => {
  it('counts against its ceiling in the worker', async () => {
    const batches = ebsBatches();
    const entrypoint = bundle.catalogue.rules.find((r) =>
      r.resourceTypes.includes('aws_ebs_volume'),
    )?.entrypoint;
    const runner = createPolicyRunner(load, {
      modules: [await WebAssembly.compile(new Uint8Array(bundle.wasm))],
      memory: { initial: 64, maximum: 1024 },
      maxFindingsPerResource: 100,
      maxTextLength: 2000,
      recycleBytes: 1 << 30,
    });
    const watch = () => ({ progress: createProgress(), epoch: epochNow(), ruleTimeoutMs: 60_000 });
    const job = { bundle: 0, entrypoints: [entrypoint ?? ''], batches };
    const fresh = runner.run({ ...job, watch: watch(), spent: [0] });
    const spentUp = runner.run({ ...job, watch: watch(), spent: [60_000] });
    expect(fresh.ok && fresh.rules[0]?.ok).toBe(true);
    expect(fresh.ok && fresh.rules[0]?.ok && fresh.rules[0].spentMs).toBeLessThan(60_000);
    expect(spentUp).toEqual({ ok: true, rules: [{ ok: false, ceiling: true }] });
  });
});
