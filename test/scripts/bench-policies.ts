/**
 * `npm run bench:policies`: the whole built-in rule library over a generated estate of 10k resources, evaluated
 * in-process with opa-wasm (at several batch sizes) and, in the same run, by `opa eval` (OPA's Go evaluator) on the
 * same policies and the same input. Both are timed end to end; both must find the same violations.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { maskSecrets } from '../../src/model/mask-secrets.js';
import type { Diagnostic } from '../../src/model/report.js';
import type { Resource } from '../../src/model/resource.js';
import { loadCatalogue } from '../../src/model/types/index.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { DEFAULT_ENGINE_OPTIONS, WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import { findOpa } from '../../src/policy-toolchain/opa.js';
import { packageRoot } from '../../src/util/package-info.js';
import { policyEstate } from './policy-estate.js';

const root = packageRoot();
const size = Number(process.env.BENCH_RESOURCES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  // The policy estate holds azurerm resources too, whose types load on demand (src/model/types/index.ts).
  await loadCatalogue();
  const opa = await findOpa(process.env, root);
  if (!opa) throw new Error('opa not found: npm run opa:install');
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, opa ${opa.version}`,
  );
  const fresh = (): Resource[] => {
    const resources = policyEstate(size);
    for (const r of resources) maskSecrets(r);
    normaliseResources(resources);
    return resources;
  };
  const resources = fresh();
  const bundle = await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin');
  console.log(
    `${resources.length} resources of ${new Set(resources.map((r) => r.type)).size} types, ${bundle.catalogue.rules.length} rules\n`,
  );

  // Warm up V8 and the Wasm compiler once, so the first batch size measured is not penalised.
  await new WasmPolicyEvaluator([bundle]).evaluate(resources, []);
  const results: Record<string, { ms: number; found: number; set: string[] }> = {};
  for (const batchSize of (process.env.BENCH_BATCHES ?? '1,25,50,100,500,2000,whole')
    .split(',')
    .map((b) => (b === 'whole' ? Number.MAX_SAFE_INTEGER : Number(b)))) {
    const times: number[] = [];
    let found = 0;
    let set: string[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const evaluator = new WasmPolicyEvaluator([bundle], { batchSize });
      const diagnostics: Diagnostic[] = [];
      const outcome = await evaluator.evaluate(resources, diagnostics);
      times.push(performance.now() - started);
      found = outcome.violations.length;
      set = outcome.violations.map((v) => `${v.origin} ${v.ruleId} ${v.key} ${v.path ?? ''}`).sort();
      if (outcome.failedRules.length > 0) throw new Error(JSON.stringify(outcome.failedRules));
    }
    const label = batchSize === Number.MAX_SAFE_INTEGER ? 'whole type' : `${batchSize}`;
    results[label] = { ms: median(times), found, set };
    console.log(
      `opa-wasm in-process, batch ${label.padEnd(10)} median ${median(times).toFixed(0).padStart(6)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')}), ${found} violations`,
    );
  }

  // The same input for opa eval: every resource, grouped by type, as the rules read it.
  const dir = mkdtempSync(join(tmpdir(), 'driftwarden-bench-policies-'));
  try {
    const evalTimes: number[] = [];
    let evalFound = 0;
    const evalSet: string[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      for (const origin of ['declared', 'live'] as const) {
        const byType: Record<string, unknown[]> = {};
        for (const r of resources.filter((x) => x.origin === origin)) {
          const list = byType[r.type] ?? [];
          byType[r.type] = list;
          list.push({
            key: r.key,
            type: r.type,
            id: r.id,
            provider: r.provider,
            origin: r.origin,
            attributes: r.attributes,
          });
        }
        const inputPath = join(dir, `input-${origin}.json`);
        writeFileSync(inputPath, JSON.stringify({ resources: byType }));
        const out = execFileSync(
          opa.path,
          [
            'eval',
            '--format',
            'json',
            '-d',
            BUILTIN_POLICY_DIRS.lib,
            '-d',
            BUILTIN_POLICY_DIRS.rules,
            '-i',
            inputPath,
            '[f | some f in data.driftwarden.rules[_][_][_].deny]',
          ],
          { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' },
        );
        const parsed = JSON.parse(out) as {
          result: { expressions: { value: { ruleId: string; key: string; path: string }[] }[] }[];
        };
        const findings = parsed.result[0]?.expressions[0]?.value ?? [];
        if (run === 0) {
          evalFound += findings.length;
          for (const f of findings) evalSet.push(`${origin} ${f.ruleId} ${f.key} ${f.path}`);
        }
      }
      evalTimes.push(performance.now() - started);
    }
    console.log(
      `opa eval (Go, topdown)        median ${median(evalTimes).toFixed(0).padStart(6)} ms over ${runs} runs (${evalTimes.map((t) => t.toFixed(0)).join(', ')}), ${evalFound} violations`,
    );
    const best = Object.entries(results).sort((a, b) => a[1].ms - b[1].ms)[0];
    if (best) {
      console.log(
        `\nfastest wasm batching: ${best[0]} (${best[1].ms.toFixed(0)} ms); opa eval / wasm = ${(median(evalTimes) / best[1].ms).toFixed(1)}x`,
      );
      const chosen = results[String(DEFAULT_ENGINE_OPTIONS.batchSize)];
      if (chosen) {
        console.log(
          `default batching (${DEFAULT_ENGINE_OPTIONS.batchSize}): opa eval / wasm = ${(median(evalTimes) / chosen.ms).toFixed(1)}x`,
        );
      }
      const same = JSON.stringify(best[1].set) === JSON.stringify(evalSet.sort());
      if (!same) {
        console.log(`MISMATCH: wasm found ${best[1].found}, opa eval found ${evalFound}`);
        process.exitCode = 1;
      } else console.log(`the same ${evalFound} violations (rule, resource, path, origin) found by both`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
