import { existsSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { type LoadedConfig, loadConfigFile } from '../config/load.js';
import { resolveScanSettings, type ScanSettings } from '../config/resolve.js';
import type { CommitTree } from '../connector/types.js';
import { usageError } from '../errors.js';
import { sourcesAtCommit } from '../scan/source-spec.js';
import type { ActionInputs } from './inputs.js';

const DEFAULT_CONFIG = 'driftwarden.yml';

/**
 * Where the Action finds the repository's files: the workspace itself, or the copy of one commit. `workingDir` is
 * the `working-directory` input, relative to the repository root: it says where the config file is, and where
 * the inputs' relative paths start. Every path the scan reports is relative to `root`, the repository root.
 */
export interface ActionTree {
  root: string;
  workingDir: string;
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
): ScanSettings {
  const flags = {
    ...(inputs.state.length ? { state: inputs.state } : {}),
    ...(inputs.live.length ? { live: inputs.live } : {}),
    ...(inputs.failOn ? { 'fail-on': inputs.failOn } : {}),
    ...(inputs.policies.length ? { policies: inputs.policies } : {}),
    ...(inputs.policyBundle.length ? { 'policy-bundle': inputs.policyBundle } : {}),
    ...(inputs.history ? { history: inputs.history } : {}),
    ...(inputs.historyScope ? { 'history-scope': inputs.historyScope } : {}),
    ...(inputs.attribution ? { attribution: inputs.attribution } : {}),
  };
  return resolveScanSettings(flags, loaded, connectors, tree.root, {
    confine: tree.root,
    flagsDir: join(tree.root, tree.workingDir),
  });
}

/**
 * The settings as they read one commit, from its copy (`commit.root`): state, plans and snapshots from the copy,
 * code from git at the commit in the checkout (each connector says how it reads a commit).
 */
export function settingsAtCommit(settings: ScanSettings, commit: CommitTree): ScanSettings {
  return { ...settings, sources: sourcesAtCommit(settings.sources, commit) };
}
