import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { actionSettings, loadActionConfig } from '../../src/action/settings.js';
import { DEFAULT_FAIL_ON, type ScanSettings } from '../../src/config/resolve.js';
import { localFilesOf } from '../../src/scan/source-spec.js';
import { tempDir } from '../helpers/cli.js';

/**
 * Every input that has a config key resolves one way (README: "Settings resolve one way"): the input when given,
 * else the config file's key, else the documented default. An input replaces the key; it is never merged with it.
 * Input paths start at working-directory, config paths at the config file; both are named from the repository root.
 */
const CONFIG = [
  'state: [config.tfstate]',
  'live: [snapshot:config-live.json]',
  'failOn: none',
  'policies: [config-rules]',
  'policyBundles: [config.tar.gz]',
].join('\n');

interface Resolved {
  state: string[];
  live: string[];
  failOn: string[];
  policies: string[];
  policyBundle: string[];
}

function resolved(settings: ScanSettings, root: string): Resolved {
  const files = (side: 'declared' | 'live') =>
    settings.sources
      .filter((source) => source.side === side)
      .flatMap((source) => localFilesOf(source).map((file) => relative(root, file)));
  const paths = (list: { path: string }[]) => list.map((entry) => relative(root, entry.path));
  return {
    state: files('declared'),
    live: files('live'),
    failOn: settings.failOn,
    policies: paths(settings.policies.dirs),
    policyBundle: paths(settings.policies.bundles),
  };
}

const FROM_CONFIG: Resolved = {
  state: ['infra/config.tfstate'],
  live: ['infra/config-live.json'],
  failOn: ['none'],
  policies: ['infra/config-rules'],
  policyBundle: ['infra/config.tar.gz'],
};
const FROM_INPUTS: Resolved = {
  state: ['infra/input.tfstate'],
  live: ['infra/input-live.json'],
  failOn: ['critical'],
  policies: ['infra/input-rules'],
  policyBundle: ['infra/input.tar.gz'],
};
const INPUTS: Record<keyof Resolved, [string, string]> = {
  state: ['INPUT_STATE', 'input.tfstate'],
  live: ['INPUT_LIVE', 'snapshot:input-live.json'],
  failOn: ['INPUT_FAIL-ON', 'critical'],
  policies: ['INPUT_POLICIES', 'input-rules'],
  policyBundle: ['INPUT_POLICY-BUNDLE', 'input.tar.gz'],
};

/** A config file without the keys under test: code to scan, so that there is something to scan. */
const NO_KEYS = 'repo: .\n';

async function settingsFor(config: string, env: Record<string, string>): Promise<Resolved> {
  const root = tempDir({ 'infra/driftwarden.yml': config });
  const inputs = readInputs({ 'INPUT_WORKING-DIRECTORY': 'infra', ...env });
  const tree = { root, workingDir: 'infra' };
  return resolved(actionSettings(inputs, tree, await loadActionConfig(inputs, tree)), root);
}

describe('Action inputs over the config file', () => {
  it.each(Object.keys(INPUTS) as (keyof Resolved)[])(
    '%s: the input when given, else the config key, else the default',
    async (name) => {
      const [variable, value] = INPUTS[name];
      const both = await settingsFor(CONFIG, { [variable]: value });
      // The input replaces the key, and only its own: every other setting still comes from the config.
      expect(both).toEqual({ ...FROM_CONFIG, [name]: FROM_INPUTS[name] });
      expect((await settingsFor(CONFIG, {}))[name]).toEqual(FROM_CONFIG[name]);
      expect((await settingsFor(NO_KEYS, { [variable]: value }))[name]).toEqual(FROM_INPUTS[name]);
      const defaults: Resolved = {
        state: [],
        live: [],
        failOn: DEFAULT_FAIL_ON,
        policies: [],
        policyBundle: [],
      };
      expect((await settingsFor(NO_KEYS, {}))[name]).toEqual(defaults[name]);
    },
  );

  it('a list input replaces the whole config list, in the order given', async () => {
    const config = 'state: [a.tfstate, b.tfstate]\npolicies: [r1, r2]\n';
    const result = await settingsFor(config, {
      INPUT_STATE: 'c.tfstate\nd.tfstate',
      INPUT_POLICIES: 'r3, r4',
    });
    expect(result.state).toEqual(['infra/c.tfstate', 'infra/d.tfstate']);
    expect(result.policies).toEqual(['infra/r3', 'infra/r4']);
  });
});

describe('the attribution input', () => {
  async function calls(config: string, env: Record<string, string>): Promise<number> {
    const root = tempDir({ 'infra/driftwarden.yml': config });
    const inputs = readInputs({ 'INPUT_WORKING-DIRECTORY': 'infra', ...env });
    const tree = { root, workingDir: 'infra' };
    return actionSettings(inputs, tree, await loadActionConfig(inputs, tree)).attributionCalls;
  }

  it('is parsed as --attribution is, and wins over the config key, which still counts without it', async () => {
    expect(await calls(NO_KEYS, {})).toBe(0);
    expect(await calls(NO_KEYS, { INPUT_ATTRIBUTION: 'on' })).toBe(25);
    expect(await calls(NO_KEYS, { INPUT_ATTRIBUTION: ' 40 ' })).toBe(40);
    expect(await calls(`${NO_KEYS}attribution: 100\n`, {})).toBe(100);
    expect(await calls(`${NO_KEYS}attribution: 100\n`, { INPUT_ATTRIBUTION: 'off' })).toBe(0);
    expect(await calls(`${NO_KEYS}attribution: false\n`, { INPUT_ATTRIBUTION: '7' })).toBe(7);
    // An empty input is no input (the runner sets INPUT_ATTRIBUTION to '' when the workflow leaves it out).
    expect(await calls(`${NO_KEYS}attribution: true\n`, { INPUT_ATTRIBUTION: '' })).toBe(25);
  });

  it('refuses what --attribution refuses, with one usage error', async () => {
    await expect(calls(NO_KEYS, { INPUT_ATTRIBUTION: '5000' })).rejects.toThrow(
      /attribution 5000: expected on, off, or the most look-up calls per scan \(0 to 1000\)/,
    );
    await expect(calls(NO_KEYS, { INPUT_ATTRIBUTION: 'yes' })).rejects.toThrow(/attribution yes: expected/);
  });
});
