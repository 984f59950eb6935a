import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ScanSettings } from '../config/resolve.js';
import { usageError } from '../errors.js';
import type { Diagnostic } from '../model/report.js';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, WasmPolicyEvaluator } from '../policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir, type PolicyBundle } from '../policy/library.js';
import { packageRoot } from '../util/package-info.js';

/**
 * The bundles a scan runs: the built-in library, prebuilt bundles, and the user's Rego compiled on the fly. A rule
 * id that an earlier bundle already has is skipped with a warning, so ids stay unique in the report.
 */
export async function loadPolicies(
  settings: ScanSettings['policies'],
  env: Readonly<Record<string, string | undefined>>,
  diagnostics: Diagnostic[],
): Promise<WasmPolicyEvaluator | undefined> {
  const options = engineOptionsFromEnv(env);
  const root = packageRoot();
  const bundles: PolicyBundle[] = [];
  if (settings.builtin) bundles.push(await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin'));
  for (const dir of settings.bundles) bundles.push(await loadBundleDir(dir.path, dir.display, dir.display));
  for (const dir of settings.dirs) {
    // Imported for a --policies directory only: the toolchain (opa, child processes, tar and gzip) is no part of a
    // scan that compiles no Rego.
    const { compileUserPolicies } = await import('../policy-toolchain/user-policies.js');
    bundles.push(
      await compileUserPolicies({ dir: dir.path, display: dir.display, env, packageRoot: root }, diagnostics),
    );
  }
  if (bundles.length === 0) return undefined;
  const seen = new Set<string>();
  const unique = bundles.map((bundle) => {
    const rules = bundle.catalogue.rules.filter((rule) => {
      if (!seen.has(rule.id)) {
        seen.add(rule.id);
        return true;
      }
      diagnostics.push({
        level: 'warning',
        code: 'policy.duplicate-rule',
        message: `rule ${rule.id} is already defined by an earlier bundle; this one is skipped`,
        source: join(bundle.name, rule.file),
      });
      return false;
    });
    return { ...bundle, catalogue: { ...bundle.catalogue, rules } };
  });
  const evaluator = new WasmPolicyEvaluator(unique, options);
  evaluator.prepare();
  return evaluator;
}

/** The largest delay a Node timer takes; a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The engine's time ceilings, from DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS and DRIFTWARDEN_POLICY_SCAN_TIMEOUT_MS
 * (defaults 10 s a rule, 120 s for all rules of a scan), and a worker per core, at most two.
 */
export function engineOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Partial<EngineOptions> {
  return {
    ruleTimeoutMs: timeout(env, 'DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS', DEFAULT_ENGINE_OPTIONS.ruleTimeoutMs),
    scanTimeoutMs: timeout(env, 'DRIFTWARDEN_POLICY_SCAN_TIMEOUT_MS', DEFAULT_ENGINE_OPTIONS.scanTimeoutMs),
    workers: Math.max(1, Math.min(DEFAULT_ENGINE_OPTIONS.workers, availableParallelism())),
  };
}

function timeout(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= MAX_TIMEOUT_MS))
    throw usageError(
      `${name}=${text.slice(0, 40)}: expected a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    );
  return value;
}
