import { join } from 'node:path';
import type { ScanSettings } from '../config/resolve.js';
import type { Diagnostic } from '../model/report.js';
import { WasmPolicyEvaluator } from '../policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir, type PolicyBundle } from '../policy/library.js';
import { compileUserPolicies } from '../policy/user-policies.js';
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
  const root = packageRoot();
  const bundles: PolicyBundle[] = [];
  if (settings.builtin) bundles.push(await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin'));
  for (const dir of settings.bundles) bundles.push(await loadBundleDir(dir.path, dir.display, dir.display));
  for (const dir of settings.dirs) {
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
  return new WasmPolicyEvaluator(unique);
}
