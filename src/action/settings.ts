import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { loadConfigFile } from '../config/load.js';
import { resolveScanSettings, type ScanSettings } from '../config/resolve.js';
import type { ActionInputs } from './inputs.js';

/** The Action's inputs turned into scan settings, through the same resolution the CLI uses. */
export async function actionSettings(
  inputs: ActionInputs,
  workspace: string,
  overrides: {
    state?: string[];
    plan?: string[];
    live?: string[];
    baseDir?: string;
    repo?: string;
    ref?: string;
  } = {},
): Promise<ScanSettings> {
  const configPath = inputs.config
    ? resolve(workspace, inputs.config)
    : resolve(workspace, 'driftwarden.yml');
  const loaded =
    inputs.config || existsSync(configPath)
      ? await loadConfigFile(configPath, inputs.config ?? 'driftwarden.yml')
      : undefined;
  const flags = {
    ...(inputs.state.length ? { state: inputs.state } : {}),
    ...(inputs.live.length ? { live: inputs.live } : {}),
    ...(inputs.failOn ? { 'fail-on': inputs.failOn } : {}),
    ...(inputs.policies.length ? { policies: inputs.policies } : {}),
    ...(inputs.policyBundle.length ? { 'policy-bundle': inputs.policyBundle } : {}),
    ...(overrides.state ? { state: overrides.state } : {}),
    ...(overrides.plan ? { plan: overrides.plan } : {}),
    ...(overrides.live ? { live: overrides.live } : {}),
    ...(overrides.repo ? { repo: overrides.repo } : {}),
    ...(overrides.ref ? { ref: overrides.ref } : {}),
  };
  return resolveScanSettings(flags, loaded, connectors, overrides.baseDir ?? workspace);
}
