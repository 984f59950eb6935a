import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/model/mask-secrets.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { withFastSprintf } from '../../src/policy/host-builtins.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import { encodePolicyInput } from '../../src/policy/policy-input.js';
import { createPolicyRunner, type JobResult, type RuleJob } from '../../src/policy/worker.js';
import { resource } from '../helpers/resource.js';
import { policyEstate } from '../scripts/policy-estate.js';

/**
 * The runner parses each batch into the Wasm heap once and evaluates every rule of a job on it. These tests hold it
 * to what opa-wasm's own LoadedPolicy.evaluate gives when each rule parses each batch itself.
 */
const root = join(import.meta.dirname, '../..');
const load = createRequire(import.meta.url)('@open-policy-agent/opa-wasm')
  .loadPolicySync as typeof loadPolicySync;
const bundle = await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin');

function estate(count: number) {
  const resources = policyEstate(count);
  for (const r of resources) maskSecrets(r);
  normaliseResources(resources);
  return resources;
}

describe('rules evaluated on a batch parsed once', () => {
  it('find exactly what each rule finds parsing each batch itself, on every built-in rule', async () => {
    const resources = estate(800);
    const types = new Set(bundle.catalogue.rules.flatMap((rule) => rule.resourceTypes));
    const input = encodePolicyInput(resources, types, 25);
    const policy = load(new Uint8Array(bundle.wasm), { initial: 64, maximum: 4096 });
    const expected: string[] = [];
    for (const rule of bundle.catalogue.rules) {
      for (const origin of ['declared', 'live'] as const) {
        for (const batch of rule.resourceTypes.flatMap((type) => input.get(origin)?.get(type) ?? [])) {
          const copy = new Uint8Array(batch.length);
          copy.set(new Uint8Array(batch.buffer, batch.offset, batch.length));
          const result = policy.evaluate(copy.buffer, rule.entrypoint)[0]?.result as {
            key: string;
            path: string;
          }[];
          for (const finding of result) expected.push(`${rule.id} ${origin} ${finding.key} ${finding.path}`);
        }
      }
    }
    const outcome = await new WasmPolicyEvaluator([bundle], { batchSize: 25 }).evaluate(resources, []);
    expect(outcome.failedRules).toEqual([]);
    const found = outcome.violations.map(
      (v) => `${v.ruleId} ${v.origin === 'declared' ? 'declared' : 'live'} ${v.key} ${v.path}`,
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(found.sort()).toEqual(expected.sort());
  }, 120_000);

  it('sprintf answered without opa-wasm gives every finding, message included, exactly as opa-wasm does', async () => {
    const jobs = jobsByTypes(estate(400));
    const setup = {
      modules: [await WebAssembly.compile(new Uint8Array(bundle.wasm))],
      memory: { initial: 64, maximum: 4096 },
      maxFindingsPerResource: 100,
      maxTextLength: 2000,
      recycleBytes: 1 << 30,
    };
    const generic = createPolicyRunner(load, setup);
    const fast = createPolicyRunner(withFastSprintf(load), setup);
    let findings = 0;
    for (const job of jobs) {
      const expected = untimed(generic.run(job));
      expect(untimed(fast.run(job))).toEqual(expected);
      if (expected.ok) for (const rule of expected.rules) if (rule.ok) findings += rule.batches.flat().length;
    }
    expect(findings).toBeGreaterThan(100);
  }, 120_000);

  it('every sprintf the library calls is answered beside opa-wasm, its string and integer arguments read from the heap', async () => {
    const jobs = jobsByTypes(estate(400));
    const setup = {
      modules: [await WebAssembly.compile(new Uint8Array(bundle.wasm))],
      memory: { initial: 64, maximum: 4096 },
      maxFindingsPerResource: 100,
      maxTextLength: 2000,
      recycleBytes: 1 << 30,
    };
    const viaBridge = { calls: 0 };
    const viaFast = { calls: 0 };
    const generic = createPolicyRunner(countingBridge(load, viaBridge), setup);
    const fast = createPolicyRunner(withFastSprintf(countingBridge(load, viaFast)), setup);
    let findings = 0;
    for (const job of jobs) {
      const expected = untimed(generic.run(job));
      expect(untimed(fast.run(job))).toEqual(expected);
      if (expected.ok) for (const rule of expected.rules) if (rule.ok) findings += rule.batches.flat().length;
    }
    expect(findings).toBeGreaterThan(100);
    // Every two-argument builtin the library calls on this estate is sprintf (glob.match takes three).
    // The library builds statement paths with concat and format_int (native in the module): what is left is the
    // messages' sprintf, about one call per finding.
    expect(viaBridge.calls).toBeGreaterThan(50);
    expect(viaFast.calls).toBe(0);
  }, 120_000);

  it('a rule that throws leaves the job: the instance is replaced and the rules after it run on the batch parsed again', async () => {
    const resources = [
      resource('aws_ebs_volume', 'vol-1', { encrypted: false, size: 8 }),
      resource('aws_ebs_volume', 'vol-2', { encrypted: true, size: 8 }),
    ];
    const input = encodePolicyInput(resources, new Set(['aws_ebs_volume']), 100);
    const batches = (input.get('declared')?.get('aws_ebs_volume') ?? []).map((b) => ({
      buffer: b.buffer,
      offset: b.offset,
      length: b.length,
      resources: b.byKey.size,
    }));
    const rules = bundle.catalogue.rules.filter((rule) => rule.resourceTypes.includes('aws_ebs_volume'));
    const runner = createPolicyRunner(load, {
      modules: [await WebAssembly.compile(new Uint8Array(bundle.wasm))],
      memory: { initial: 64, maximum: 1024 },
      maxFindingsPerResource: 100,
      maxTextLength: 2000,
      recycleBytes: 1 << 30,
    });
    const entrypoints = rules.map((rule) => rule.entrypoint);
    const alone = untimed(runner.run({ bundle: 0, entrypoints, batches }));
    const withBroken = untimed(
      runner.run({
        bundle: 0,
        entrypoints: ['no/such/entrypoint', ...entrypoints],
        batches,
      }),
    );
    expect(alone.ok && alone.rules.some((rule) => rule.ok && rule.batches.flat().length > 0)).toBe(true);
    expect(withBroken).toEqual({
      ok: true,
      rules: [
        { ok: false, error: 'entrypoint no/such/entrypoint is not valid in this instance' },
        ...(alone.ok ? alone.rules : []),
      ],
    });
  });
});

/** A job's result without the time each rule took, which differs from run to run. */
function untimed(result: JobResult): JobResult {
  if (!result.ok) return result;
  return { ...result, rules: result.rules.map((rule) => (rule.ok ? { ...rule, spentMs: 0 } : rule)) };
}

/** The built-in rules as jobs of the rules that read the same types, on batches of 50. */
function jobsByTypes(resources: ReturnType<typeof estate>): RuleJob[] {
  const input = encodePolicyInput(
    resources,
    new Set(bundle.catalogue.rules.flatMap((r) => r.resourceTypes)),
    50,
  );
  const jobs = new Map<string, RuleJob>();
  for (const rule of bundle.catalogue.rules) {
    const key = rule.resourceTypes.join(' ');
    const job = jobs.get(key) ?? {
      bundle: 0,
      entrypoints: [],
      batches: (['declared', 'live'] as const)
        .flatMap((origin) => rule.resourceTypes.flatMap((type) => input.get(origin)?.get(type) ?? []))
        .map((b) => ({ buffer: b.buffer, offset: b.offset, length: b.length, resources: b.byKey.size })),
    };
    job.entrypoints.push(rule.entrypoint);
    jobs.set(key, job);
  }
  return [...jobs.values()];
}

/** opa-wasm's loader, counting the calls of two-argument builtins (sprintf among them) that reach its JSON bridge. */
function countingBridge(loader: typeof loadPolicySync, count: { calls: number }): typeof loadPolicySync {
  return (module, memory, builtins) => {
    const Instance = WebAssembly.Instance;
    // A function, not an arrow: opa-wasm calls it with `new`.
    const counting = function (this: unknown, compiled: WebAssembly.Module, imports: WebAssembly.Imports) {
      const env = imports.env as Record<string, unknown>;
      const bridge = env.opa_builtin2 as (...args: number[]) => number;
      env.opa_builtin2 = (...args: number[]) => {
        count.calls++;
        return bridge(...args);
      };
      return new Instance(compiled, imports);
    };
    WebAssembly.Instance = counting as unknown as typeof WebAssembly.Instance;
    try {
      return loader(module, memory, builtins);
    } finally {
      WebAssembly.Instance = Instance;
    }
  };
}
