import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { inputError, usageError } from '../errors.js';
import type { Diagnostic } from '../model/report.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir, type PolicyBundle } from '../policy/library.js';
import { compileBundle, writeBundle } from './compile.js';
import { findOpa, OPA_INSTALL_HINT } from './opa.js';
import { regoSources, sourceHash } from './source-hash.js';

export interface UserPolicyRequest {
  dir: string;
  display: string;
  env: Readonly<Record<string, string | undefined>>;
  packageRoot: string;
}

/**
 * Compiles a directory of the user's Rego with the opa on PATH, against driftwarden's lib and capabilities, and
 * caches the bundle by content hash so an unchanged directory is compiled once. A file that does not compile is
 * left out with a diagnostic naming it; the other rules still run.
 */
export async function compileUserPolicies(
  request: UserPolicyRequest,
  diagnostics: Diagnostic[],
): Promise<PolicyBundle> {
  const info = await stat(request.dir).catch(() => undefined);
  if (!info?.isDirectory()) throw inputError(request.display, 'no such directory of policies');
  const cwd = resolve(request.dir);
  const libDir = join(request.packageRoot, BUILTIN_POLICY_DIRS.lib);
  const capabilitiesPath = join(request.packageRoot, BUILTIN_POLICY_DIRS.capabilities);
  const files = await regoSources([cwd, libDir], cwd);
  // Keyed by the sources and capabilities only, so that a cached bundle serves even where opa is not installed.
  const hash = await sourceHash(files, cwd, await readFile(capabilitiesPath, 'utf8'), 'any');
  const cacheDir = join(cacheRoot(request.env), hash.slice(0, 32));
  if (existsSync(join(cacheDir, 'catalogue.json'))) return loadBundleDir(cacheDir, request.display);
  const opa = await findOpa(request.env, request.packageRoot);
  if (!opa) {
    throw usageError(
      `--policies ${request.display}: compiling Rego needs opa, which was not found. Install it with ${OPA_INSTALL_HINT}, ` +
        'or pass a prebuilt bundle with --policy-bundle (build one with `driftwarden policies build`)',
    );
  }
  const bundle = await compileBundle({
    opa,
    cwd,
    ruleDirs: [cwd],
    libDirs: [libDir],
    capabilitiesPath,
    tolerant: true,
  });
  for (const diagnostic of bundle.diagnostics) {
    diagnostics.push({
      ...diagnostic,
      source: diagnostic.source ? join(request.display, diagnostic.source) : request.display,
    });
  }
  if (bundle.diagnostics.length === 0) {
    // The compiled module holds the rules' string literals, which may be secrets: the cache is the user's alone.
    await mkdir(cacheDir, { recursive: true, mode: 0o700 });
    await writeBundle(bundle, cacheDir);
  }
  return { name: request.display, catalogue: bundle.catalogue, wasm: bundle.wasm };
}

function cacheRoot(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'driftwarden', 'policies');
}
