import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { type LoadedConfig, loadConfigFile } from '../config/load.js';
import { isInside, resolveScanSettings, type ScanSettings } from '../config/resolve.js';
import { usageError } from '../errors.js';
import type { ActionInputs } from './inputs.js';

const DEFAULT_CONFIG = 'driftwarden.yml';

/**
 * Where the Action finds the repository's files: the workspace itself, or the copy of one commit. `workingDir` is
 * the `working-directory` input, relative to the repository root: it says where the config file is, and nothing
 * else. Every path the scan reports is relative to `root`, the repository root.
 */
export interface ActionTree {
  root: string;
  workingDir: string;
  /** The checkout, when `root` is a commit's copy: code is read from git there. */
  checkout?: string;
}

/** The `working-directory` input as a repository-relative path; one that leaves the repository is refused. */
export function workingDirOf(inputs: ActionInputs): string {
  const dir = posix.normalize(inputs.workingDirectory.replaceAll('\\', '/'));
  if (isAbsolute(dir) || dir === '..' || dir.startsWith('../'))
    throw usageError(
      `working-directory ${inputs.workingDirectory}: must be a directory inside the repository`,
    );
  return dir === '.' ? '' : dir.replace(/\/$/, '');
}

/** The config file's path relative to the repository root: `config`, or `driftwarden.yml`, in the working directory. */
export function configPathOf(inputs: ActionInputs): string {
  const path = posix.normalize(posix.join(workingDirOf(inputs), inputs.config ?? DEFAULT_CONFIG));
  if (isAbsolute(path) || path === '..' || path.startsWith('../'))
    throw usageError(`config ${inputs.config}: must be a file inside the repository`);
  return path;
}

/** The config file in the tree, when there is one (a `config` input that names no file is an error). */
export async function loadActionConfig(
  inputs: ActionInputs,
  tree: ActionTree,
): Promise<LoadedConfig | undefined> {
  const rel = configPathOf(inputs);
  const path = join(tree.root, rel);
  if (!inputs.config && !existsSync(path)) return undefined;
  return loadConfigFile(path, rel);
}

/**
 * The Action's inputs over the config file, through the same resolution the CLI uses: an input replaces the file's
 * key, and a key absent from both takes the documented default. Input paths are relative to the working directory,
 * config paths to the config file's directory, and every one must stay inside the repository.
 */
export function actionSettings(
  inputs: ActionInputs,
  tree: ActionTree,
  loaded: LoadedConfig | undefined,
  overrides: { repo?: string; ref?: string } = {},
): ScanSettings {
  const dir = join(tree.root, tree.workingDir);
  const local = (path: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : resolve(dir, path));
  const liveSpec = (spec: string) =>
    spec.startsWith('snapshot:') ? `snapshot:${resolve(dir, spec.slice(9))}` : spec;
  const flags = {
    ...(inputs.state.length ? { state: inputs.state.map(local) } : {}),
    ...(inputs.live.length ? { live: inputs.live.map(liveSpec) } : {}),
    ...(inputs.failOn ? { 'fail-on': inputs.failOn } : {}),
    ...(inputs.policies.length ? { policies: inputs.policies.map(local) } : {}),
    ...(inputs.policyBundle.length ? { 'policy-bundle': inputs.policyBundle.map(local) } : {}),
    ...(overrides.repo ? { repo: overrides.repo } : {}),
    ...(overrides.ref ? { ref: overrides.ref } : {}),
  };
  return resolveScanSettings(flags, loaded, connectors, tree.root, {
    confine: tree.root,
    confineRepo: tree.checkout ?? tree.root,
  });
}

/**
 * The repository the config's `repo` names, as a path relative to the repository root (`.` for the root), or
 * undefined when it names none or a remote one. Code is read from git at each commit, never from a copy.
 */
export function codeRepoOf(loaded: LoadedConfig | undefined, tree: ActionTree): string | undefined {
  const repo = loaded?.config.repo;
  if (repo === undefined || /:\/\/|^[\w.-]+@[\w.-]+:/.test(repo)) return undefined;
  const absolute = resolve(loaded?.baseDir ?? tree.root, repo);
  if (!isInside(tree.root, absolute)) throw usageError(`repo ${repo}: leaves the repository`);
  return relative(tree.root, absolute) || '.';
}
