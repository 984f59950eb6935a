import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { parseScanArguments } from '../../src/cli/args.js';
import { wantsDebug } from '../../src/cli/env-flags.js';
import { envNameOf, SCAN_OPTIONS } from '../../src/config/options.js';
import { resolveScanSettings } from '../../src/config/resolve.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

const parse = (argv: string[], env: Record<string, string> = {}) => parseScanArguments(argv, env);

function estate(extra: Record<string, string> = {}) {
  return tempDir({
    'prod.tfstate': state([one('aws_s3_bucket', 'gone', { id: 'gone', bucket: 'gone' })]),
    'live.json': snapshot([], ['aws_s3_bucket']),
    ...extra,
  });
}

describe('scan arguments: short aliases, misspellings, positionals', () => {
  it('takes the short aliases of the common flags', () => {
    const flags = parse(
      ['-s', 'a.tfstate', '-s', 'b.tfstate', '-l', 'snapshot:x.json', '-f', 'json', '-o'].concat([
        'sarif=r.sarif',
        '-r',
        '.',
        '-c',
        'dw.yml',
        '-i',
        'rules',
        '-b',
        'old.json',
        '-d',
        '-p',
        'p.json',
      ]),
    );
    expect(flags).toEqual({
      state: ['a.tfstate', 'b.tfstate'],
      live: ['snapshot:x.json'],
      format: 'json',
      output: ['sarif=r.sarif'],
      repo: '.',
      config: 'dw.yml',
      'ignore-file': 'rules',
      baseline: 'old.json',
      debug: true,
      plan: ['p.json'],
    });
    expect(parse(['-h'])).toEqual({ help: true });
  });

  it('names the nearest flag for a misspelt one', () => {
    expect(() => parse(['--stat', 'a.tfstate'])).toThrow(
      'unknown option --stat (did you mean --state?) (run "driftwarden scan --help")',
    );
    expect(() => parse(['--fail_on', 'high'])).toThrow('unknown option --fail_on (did you mean --fail-on?)');
    expect(() => parse(['--policy-bundles', 'b'])).toThrow('(did you mean --policy-bundle?)');
    expect(() => parse(['--frobnicate'])).toThrow(
      /^unknown option --frobnicate \(run "driftwarden scan --help"\)$/,
    );
    expect(() => parse(['-x'])).toThrow(/^unknown option -x \(run/);
  });

  it("says what driftctl's --to becomes, and refuses positional arguments", () => {
    expect(() => parse(['--to', 'aws+tf'])).toThrow(
      'driftwarden reads live sources with --live <connector>:<spec>',
    );
    expect(() => parse(['prod.tfstate'])).toThrow(
      'unexpected argument "prod.tfstate": scan takes only options',
    );
  });

  it('still refuses a flag without its value, with the scan help', () => {
    expect(() => parse(['--state'])).toThrow(
      'Option \'-s, --state <value>\' argument missing (run "driftwarden scan --help")',
    );
  });
});

describe('scan arguments: DRIFTWARDEN_<FLAG> environment variables', () => {
  it('names one variable per flag, all distinct, none for --help', () => {
    const names = SCAN_OPTIONS.map(envNameOf);
    expect(names).toContain('DRIFTWARDEN_FAIL_ON');
    expect(names).toContain('DRIFTWARDEN_NO_BUILTIN_POLICIES');
    expect(names.filter((name) => name === undefined)).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fills each flag not given, one value a line for repeatable flags; a flag on the line wins', () => {
    const env = {
      DRIFTWARDEN_STATE: 'a.tfstate\n\n b.tfstate \n',
      DRIFTWARDEN_LIVE: 'aws-config:regions=eu-west-1,us-east-1',
      DRIFTWARDEN_FORMAT: 'json',
      DRIFTWARDEN_STRICT: 'TRUE',
      DRIFTWARDEN_FOLLOW_BACKENDS: '0',
      DRIFTWARDEN_FAIL_ON: '',
    };
    expect(parse([], env)).toEqual({
      state: ['a.tfstate', 'b.tfstate'],
      live: ['aws-config:regions=eu-west-1,us-east-1'],
      format: 'json',
      strict: true,
      'follow-backends': false,
    });
    expect(parse(['--format', 'sarif', '-s', 'c.tfstate'], env)).toMatchObject({
      state: ['c.tfstate'],
      format: 'sarif',
    });
  });

  it('a false boolean variable wins over the config file, as a flag would', () => {
    const flags = parse([], { DRIFTWARDEN_NO_BUILTIN_POLICIES: 'false', DRIFTWARDEN_STATE: 'a.tfstate' });
    const loaded = { config: { builtinPolicies: false }, baseDir: '/tmp', path: 'driftwarden.yml' };
    expect(resolveScanSettings(flags, loaded, connectors, '/tmp').policies.builtin).toBe(true);
    expect(resolveScanSettings(parse(['-s', 'a.tfstate']), loaded, connectors, '/tmp').policies.builtin).toBe(
      false,
    );
    expect(parse(['--help'], { DRIFTWARDEN_STRICT: 'maybe' })).toEqual({ help: true });
  });

  it('refuses a boolean variable that is not true or false, naming it', () => {
    expect(() => parse([], { DRIFTWARDEN_STRICT: 'maybe' })).toThrow(
      'DRIFTWARDEN_STRICT=maybe: expected true or false (or 1, 0, yes, no)',
    );
  });

  it('turns on debugging from --debug, -d or DRIFTWARDEN_DEBUG', () => {
    expect(wantsDebug(['scan', '-d'], {})).toBe(true);
    expect(wantsDebug(['scan'], { DRIFTWARDEN_DEBUG: 'yes' })).toBe(true);
    expect(wantsDebug(['scan'], { DRIFTWARDEN_DEBUG: 'false' })).toBe(false);
    expect(wantsDebug(['scan'], {})).toBe(false);
  });

  it('a malformed DRIFTWARDEN_DEBUG is one usage error of the command, not a crash before it', async () => {
    expect(wantsDebug(['scan'], { DRIFTWARDEN_DEBUG: 'maybe' })).toBe(false);
    const result = await runCli(['scan', '--state', 'none.tfstate'], { env: { DRIFTWARDEN_DEBUG: 'maybe' } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'driftwarden: usage error: DRIFTWARDEN_DEBUG=maybe: expected true or false (or 1, 0, yes, no)\n',
    });
  });

  it('precedence: flag over DRIFTWARDEN_ variable over config file over default', async () => {
    const cwd = estate({
      'driftwarden.yml': 'state: prod.tfstate\nlive: [snapshot:live.json]\nformat: markdown\n',
    });
    const fromConfig = await runCli(['scan'], { cwd });
    expect(fromConfig.stdout).toMatch(/^#/);
    const env = { DRIFTWARDEN_FORMAT: 'json', DRIFTWARDEN_FAIL_ON: 'none' };
    const fromEnv = await runCli(['scan'], { cwd, env });
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout).drift[0].key).toBe('aws_s3_bucket.gone');
    const fromFlag = await runCli(['scan', '--format', 'table', '--fail-on', 'drift'], { cwd, env });
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stdout).toMatch(/missing\s+aws_s3_bucket\s+gone/);
    const noConfig = estate();
    const defaults = await runCli(['scan'], {
      cwd: noConfig,
      env: { DRIFTWARDEN_STATE: 'prod.tfstate', DRIFTWARDEN_LIVE: 'snapshot:live.json' },
    });
    expect(defaults.code).toBe(1);
    expect(defaults.stdout).toMatch(/missing\s+aws_s3_bucket\s+gone/);
  });
});

describe("scan arguments: driftctl's spellings", () => {
  it('reads --from tfstate:// and tfstate+s3:// as --state, comma-separated or repeated, and -f tfstate://', () => {
    expect(parse(['--from', 'tfstate://a.tfstate,tfstate+s3://bucket/env/prod.tfstate']).state).toEqual([
      'a.tfstate',
      's3://bucket/env/prod.tfstate',
    ]);
    expect(
      parse(['-s', 'x.tfstate', '--from', 'tfstate://states/*.tfstate', '-f', 'tfstate://b.tfstate']),
    ).toEqual({
      state: ['x.tfstate', 'states/*.tfstate', 'b.tfstate'],
    });
  });

  it('reads tfstate+azurerm:// with the account from AZURE_STORAGE_ACCOUNT, as driftctl does', () => {
    expect(
      parse(['--from', 'tfstate+azurerm://tfstate/prod.tfstate'], { AZURE_STORAGE_ACCOUNT: 'acct' }).state,
    ).toEqual(['azurerm://acct/tfstate/prod.tfstate']);
    expect(() => parse(['--from', 'tfstate+azurerm://tfstate/prod.tfstate'])).toThrow(
      '--from tfstate+azurerm://tfstate/prod.tfstate: set AZURE_STORAGE_ACCOUNT, as driftctl needs, or give --state azurerm://<account>/tfstate/prod.tfstate',
    );
  });

  it('says what to do for the backends it does not read, bucket globs and other sources', () => {
    expect(() => parse(['--from', 'tfstate+gs://b/k.tfstate'])).toThrow(
      'driftwarden does not read gs states; run "terraform state pull > state.tfstate" and give --state state.tfstate',
    );
    expect(() => parse(['--from', 'tfstate+s3://b/states/*.tfstate'])).toThrow(
      'globs in bucket keys are not read',
    );
    expect(() => parse(['--from', 'main.tf'])).toThrow("expected driftctl's tfstate://<path>");
    expect(() => parse(['--from', 'tfstate://'])).toThrow('--from tfstate://: names no state');
  });

  it('takes --driftignore for --ignore-file, once', () => {
    expect(parse(['--driftignore', '.driftignore.prod'])).toEqual({ 'ignore-file': '.driftignore.prod' });
    expect(() => parse(['--driftignore', 'a', '--ignore-file', 'b'])).toThrow(
      '--ignore-file and --driftignore are the same option; give it once',
    );
  });

  it('runs a driftctl command line: --from, --driftignore, --output json:// and console://', async () => {
    const cwd = estate({ '.driftignore.ci': 'aws_s3_bucket.gone\n' });
    const argv = ['scan', '--from', 'tfstate://prod.tfstate', '--live', 'snapshot:live.json'];
    const result = await runCli([...argv, '--output', 'json://out/drift.json', '--output', 'console://'], {
      cwd,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/missing\s+aws_s3_bucket\s+gone/);
    expect(JSON.parse(readFileSync(join(cwd, 'out/drift.json'), 'utf8')).drift[0].key).toBe(
      'aws_s3_bucket.gone',
    );
    expect(existsSync(join(cwd, 'console'))).toBe(false);
    const ignored = await runCli([...argv, '--driftignore', '.driftignore.ci'], { cwd });
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain('No drift found');
    const bad = await runCli([...argv, '--output', 'plan://plan.json'], { cwd });
    expect(bad.stderr).toBe(
      'driftwarden: usage error: --output plan: unknown format (known: table, json, markdown, sarif, html, junit)\n',
    );
  });
});
