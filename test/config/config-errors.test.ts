import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { keysAt } from '../../src/config/schema-keys.js';
import { didYouMean } from '../../src/util/did-you-mean.js';
import { runCli, tempDir } from '../helpers/cli.js';

async function problemOf(yaml: string): Promise<string> {
  const cwd = tempDir({ 'driftwarden.yml': yaml });
  const error = await loadConfigFile(join(cwd, 'driftwarden.yml'), 'driftwarden.yml').then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('config file problems', () => {
  it('suggests the nearest key for a misspelt one, at any depth, and a flag spelling its key', async () => {
    expect(await problemOf('states: [a.tfstate]\n')).toBe(
      'driftwarden.yml: invalid config: (top level): Unrecognized key: "states" (did you mean "state"?)',
    );
    expect(await problemOf('fail-on: high\nignore-file: x\n')).toBe(
      'driftwarden.yml: invalid config: (top level): Unrecognized key: "fail-on" (did you mean "failOn"?); (top level): Unrecognized key: "ignore-file" (did you mean "ignoreFile"?)',
    );
    expect(await problemOf('waivers:\n  - {rule: X, resource: y, reasn: z}\n')).toBe(
      'driftwarden.yml: invalid config: waivers[0].reason: required field is missing; waivers[0]: Unrecognized key: "reasn" (did you mean "reason"?)',
    );
    expect(await problemOf('outputs: {jsn: r.json}\n')).toBe(
      'driftwarden.yml: invalid config: outputs: Unrecognized key: "jsn" (did you mean "json"?)',
    );
    expect(await problemOf('zzzzzz: 1\n')).toBe(
      'driftwarden.yml: invalid config: (top level): Unrecognized key: "zzzzzz"',
    );
  });

  it('lists every problem, each naming the expected and the actual type', async () => {
    expect(await problemOf('state: 5\nstrict: "yes"\nformat: pdf\nwaivers: {}\nlives: []\n')).toBe(
      'driftwarden.yml: invalid config: state: expected string or array, got number; strict: expected boolean, got string; format: expected one of "table"|"json"|"markdown"|"sarif"|"html"|"junit"; waivers: expected array, got object; (top level): Unrecognized key: "lives" (did you mean "live"?)',
    );
  });

  it('the CLI prints it on one line, exit 2', async () => {
    const cwd = tempDir({ 'driftwarden.yml': 'stat: a.tfstate\n' });
    expect(await runCli(['scan'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'driftwarden: error: driftwarden.yml: invalid config: (top level): Unrecognized key: "stat" (did you mean "state"?)\n',
    });
  });

  it('knows the keys of each object in the schema', () => {
    expect(keysAt(configSchema, [])).toContain('followBackends');
    expect(keysAt(configSchema, ['waivers', 3])).toEqual(['rule', 'resource', 'reason', 'expires']);
    expect(keysAt(configSchema, ['state'])).toBeUndefined();
    expect(keysAt(configSchema, ['__proto__'])).toBeUndefined();
  });
});

describe('did you mean', () => {
  it('folds case, - and _, takes a prefix, a swap or a near word, and nothing far', () => {
    const flags = ['state', 'plan', 'repo', 'fail-on', 'policies', 'policy-bundle'];
    expect(didYouMean('FAIL_ON', flags)).toBe('fail-on');
    expect(didYouMean('polic', flags)).toBe('policies');
    expect(didYouMean('sttae', flags)).toBe('state');
    expect(didYouMean('rpo', flags)).toBe('repo');
    expect(didYouMean('pwsh', ['bash', 'zsh', 'fish'])).toBeUndefined();
    expect(didYouMean('', flags)).toBeUndefined();
  });
});

describe('code given as a state or plan', () => {
  it.each([
    [['--state', 'main.tf'], '--state main.tf: looks like HCL (Terraform code), not a state'],
    [['--state', 'infra/*.tf'], '--state infra/*.tf: looks like HCL (Terraform code), not a state'],
    [
      ['--state', 'stack.tf.json'],
      '--state stack.tf.json: looks like Terraform code in JSON syntax, not a state',
    ],
    [
      ['--plan', 'prod.tfvars'],
      '--plan prod.tfvars: looks like Terraform variables (tfvars), not a JSON plan',
    ],
  ])('%j says so and points at --repo', async (args, message) => {
    const result = await runCli(['scan', ...args], { cwd: tempDir() });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `driftwarden: usage error: ${message}; code is read with --repo <folder>, e.g. --repo .\n`,
    });
  });

  it('names the config key when the file gives it', async () => {
    const cwd = tempDir({ 'driftwarden.yml': 'state: [main.tf]\n' });
    expect((await runCli(['scan'], { cwd })).stderr).toContain('usage error: state main.tf: looks like HCL');
  });
});
