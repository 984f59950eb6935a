import { execFile, execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOpa } from '../../src/policy-toolchain/opa.js';
import { packageRoot } from '../../src/util/package-info.js';
import { tempDir } from '../helpers/cli.js';
import { type Installed, packAndInstall } from '../helpers/pack.js';
import { userRule } from '../helpers/rego.js';

/**
 * The published package, as a user gets it: `npm pack` (with its prepack build), then the tarball installed into
 * an empty folder and globally, and every command the README documents run from those installs, away from the
 * repository. With opa (which .ci/run installs and requires through DRIFTWARDEN_REQUIRE_OPA=1) `--policies` and
 * `policies build` compile a user's rules; without it they must say how to get opa, never crash.
 */
const root = packageRoot();
const opa = await findOpa(process.env, root);
const opaRequired = process.env.DRIFTWARDEN_REQUIRE_OPA === '1';

let installed: Installed;

beforeAll(async () => {
  installed = await packAndInstall();
}, 300_000);

// Two installs of the dependencies: removing them takes a while on a loaded machine.
afterAll(() => installed?.cleanup(), 300_000);

const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(bin: string, args: readonly string[], cwd: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: cwd,
    XDG_CACHE_HOME: join(cwd, '.cache'),
    NO_COLOR: '1',
    ...(opa ? { DRIFTWARDEN_OPA: opa.path } : {}),
  };
  try {
    const { stdout, stderr } = await run(bin, [...args], { cwd, env, maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the packed tarball', () => {
  it('holds the built code, the policy toolchain inputs, the LICENSE and nothing that points elsewhere', () => {
    const files = installed.pack.files;
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/cli/bin.js',
        'dist/src/cli/bin.js',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'policies/dist/policy.wasm',
        'policies/dist/catalogue.json',
        'policies/capabilities.json',
        'policies/build/wasm-builtins.json',
        'policies/lib/result.rego',
        'src/model/schemas/report.schema.json',
      ]),
    );
    const libShipped = files.filter((file) => file.startsWith('policies/lib/'));
    const libInRepo = readdirSync(join(root, 'policies/lib')).filter((file) => !file.endsWith('_test.rego'));
    expect(libShipped).toEqual(libInRepo.map((file) => `policies/lib/${file}`).sort());
    // Source maps would point at src/**/*.ts, which is not shipped; the Action's code ships as its bundle only.
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('dist/src/action/'))).toEqual([]);
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('dist/test/') || file.startsWith('fixtures/'))).toEqual([]);
    const license = readFileSync(join(installed.localPackage, 'LICENSE'), 'utf8');
    expect(license).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  it('names its repository, homepage and bug tracker, and runs no script when installed', () => {
    const manifest = JSON.parse(readFileSync(join(installed.localPackage, 'package.json'), 'utf8'));
    expect(manifest.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/driftwarden/driftwarden.git',
    });
    expect(manifest.homepage).toBe('https://github.com/driftwarden/driftwarden#readme');
    // The CLI is the esbuild bundle (test/scripts/bundle-cli.ts), whose chunks ship with it.
    expect(manifest.bin).toEqual({ driftwarden: 'dist/cli/bin.js' });
    for (const bin of [installed.localBin, installed.globalBin])
      expect(realpathSync(bin)).toMatch(/\/node_modules\/driftwarden\/dist\/cli\/bin\.js$/);
    expect(installed.pack.files.filter((file) => file.startsWith('dist/cli/chunks/')).length).toBeGreaterThan(
      0,
    );
    expect(manifest.bugs).toEqual({ url: 'https://github.com/driftwarden/driftwarden/issues' });
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => installTime.includes(name))).toEqual([]);
    expect(manifest.scripts.prepack).toBeDefined();
  });

  it('installs from the runtime dependencies alone, without what only the bundled Action uses', () => {
    // The registry holds the runtime part of package-lock.json only: a devDependency the CLI needed would be asked
    // for and refused there, and the install above would have failed.
    expect(installed.refused).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed.localPackage, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).not.toContain('@octokit/rest');
    const compiled = readdirSync(join(installed.localPackage, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .filter((file) =>
        readFileSync(join(installed.localPackage, 'dist', file), 'utf8').includes('@octokit/'),
      );
    expect(compiled).toEqual([]);
  });
});

/** An installed CLI: the command on PATH and the package folder it runs from. */
interface Target {
  bin: string;
  packageDir: string;
}

/** The example estate and a user rule, copied out of the repository. */
function workspace(): string {
  const cwd = tempDir({
    'rules/tagged.rego': userRule('USER-S3-001', 'true', {
      path: 'tags',
      message: 'a bucket for the user rule',
    }),
  });
  cpSync(join(root, 'fixtures/example'), cwd, { recursive: true });
  return cwd;
}

/** A plan and a folder of HCL in a Git repository, with no driftwarden.yml to pick up. */
function codeWorkspace(): string {
  const cwd = tempDir({
    'code/main.tf':
      'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 10\n}\n',
  });
  cpSync(join(root, 'fixtures/terraform-plan/plan.json'), join(cwd, 'plan.json'));
  execFileSync('git', ['init', '--quiet'], { cwd });
  return cwd;
}

/** fixtures/example/README.md's expected summary. */
const EXAMPLE_SUMMARY = { declared: 29, live: 26, managed: 24, changed: 4, missing: 1, unmanaged: 2 };
/** The user rule finds every bucket: 3 declared, and 4 live (the hand-made acme-prod-tmp-export too). */
const USER_RULE_FINDINGS = 7;

async function scanJson(target: Target, cwd: string, args: readonly string[]) {
  const result = await cli(target.bin, ['scan', ...args, '--format', 'json', '--fail-on', 'none'], cwd);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function ruleIds(report: { violations: { ruleId: string }[] }): string[] {
  return [...new Set(report.violations.map((violation) => violation.ruleId))].sort();
}

/** Each command of the README's CLI reference, by its first words, with runs that show it works installed. */
const COMMANDS: Record<string, (target: Target, cwd: string) => Promise<void>> = {
  '--version': async (target, cwd) => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(await cli(target.bin, ['--version'], cwd)).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
  },
  help: async (target, cwd) => {
    for (const args of [['help'], ['help', 'scan'], ['scan', '--help']]) {
      const result = await cli(target.bin, args, cwd);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('driftwarden scan');
    }
  },
  connectors: async (target, cwd) => {
    const result = await cli(target.bin, ['connectors'], cwd);
    expect(result.code, result.stderr).toBe(0);
    for (const id of ['terraform-state', 'terraform-plan', 'snapshot', 'aws-config', 'azure', 'iac'])
      expect(result.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  },
  types: async (target, cwd) => {
    const result = await cli(target.bin, ['types', '--format', 'json', '--provider', 'aws'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('"aws_s3_bucket"');
    expect(result.stdout).not.toContain('"azurerm_');
  },
  snapshot: async (target, cwd) => {
    const args = ['snapshot', '--live', 'snapshot:live.json', '--output', 'again.json'];
    const recorded = await cli(target.bin, args, cwd);
    expect(recorded.code, recorded.stderr).toBe(0);
    const report = await scanJson(target, cwd, [
      '--state',
      'states/*.tfstate',
      '--live',
      'snapshot:again.json',
    ]);
    expect(report.summary).toMatchObject(EXAMPLE_SUMMARY);
  },
  codify: async (target, cwd) => {
    const result = await cli(target.bin, ['codify', '--config', 'driftwarden.yml'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'import {\n  to = aws_s3_bucket.acme_prod_tmp_export\n  id = "acme-prod-tmp-export"\n}',
    );
  },
  scan: async (target, cwd) => {
    const table = await cli(target.bin, ['scan', '--config', 'driftwarden.yml'], cwd);
    expect(table.code, table.stderr).toBe(1);
    expect(table.stdout).toContain('Drift found in 7 resources');
    const formats = ['sarif', 'html', 'markdown', 'junit'];
    const outputs = formats.flatMap((format) => ['--output', `${format}=out/report.${format}`]);
    const report = await scanJson(target, cwd, ['--config', 'driftwarden.yml', ...outputs]);
    expect(report.summary).toMatchObject(EXAMPLE_SUMMARY);
    expect(report.violations).toHaveLength(12);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(formats.map((format) => `report.${format}`).sort());
    const elsewhere = codeWorkspace();
    const plan = await scanJson(target, elsewhere, ['--plan', 'plan.json']);
    expect(plan.scan.sources.map((source: { connector: string }) => source.connector)).toEqual([
      'terraform-plan',
    ]);
    // HCL is parsed by @cdktf/hcl2json's WebAssembly, which must load from the installed package.
    const code = await scanJson(target, elsewhere, ['--repo', 'code']);
    expect(code.violations.map((v: { ruleId: string; location: unknown }) => [v.ruleId, v.location])).toEqual(
      [['DW-AWS-EBS-001', { file: 'code/main.tf', line: 1 }]],
    );
    // A prebuilt bundle (the installed library's own) in place of the built-in rules finds the same.
    cpSync(join(target.packageDir, 'policies/dist'), join(cwd, 'prebuilt'), { recursive: true });
    const bundled = ['--config', 'driftwarden.yml', '--no-builtin-policies', '--policy-bundle', 'prebuilt'];
    expect((await scanJson(target, cwd, bundled)).violations).toEqual(report.violations);
    await userPolicies(target, cwd, report);
  },
  init: async (target, cwd) => {
    // The example's own driftwarden.yml is there: init refuses to overwrite it, and --stdout prints a new one.
    expect((await cli(target.bin, ['init'], cwd)).code).toBe(2);
    const result = await cli(target.bin, ['init', '--stdout'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('# yaml-language-server: $schema=');
    expect(result.stdout).toMatch(/^state:\n {2}- states\/\*\.tfstate$/m);
  },
  'ignore generate': async (target, cwd) => {
    await cli(target.bin, ['scan', '--config', 'driftwarden.yml', '--output', 'json=report.json'], cwd);
    const result = await cli(target.bin, ['ignore', 'generate', '-i', 'report.json'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^aws_s3_bucket\.acme-prod-tmp-export$/m);
  },
  notify: async (target, cwd) => {
    await cli(target.bin, ['scan', '--config', 'driftwarden.yml', '--output', 'json=now.json'], cwd);
    writeFileSync(
      join(cwd, 'before.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(cwd, 'now.json'), 'utf8')), drift: [] }),
    );
    const result = await cli(target.bin, ['notify', '-r', 'now.json', '-p', 'before.json', '--dry-run'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).slack.text).toBe('driftwarden: 7 new findings');
  },
  merge: async (target, cwd) => {
    await cli(target.bin, ['scan', '--config', 'driftwarden.yml', '--output', 'json=run.json'], cwd);
    const result = await cli(target.bin, ['merge', 'run.json', 'run.json'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).summary).toMatchObject(EXAMPLE_SUMMARY);
  },
  fix: async (target, cwd) => {
    const result = await cli(target.bin, ['fix', '--config', 'driftwarden.yml'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  revert: terraform apply -target=aws_sqs_queue.payments_events\n');
  },
  history: async (target, cwd) => {
    await cli(target.bin, ['scan', '--config', 'driftwarden.yml', '--history', 'sqlite:history.db'], cwd);
    const result = await cli(
      target.bin,
      ['history', '--history', 'sqlite:history.db', '--format', 'json'],
      cwd,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).scans).toHaveLength(1);
  },
  completion: async (target, cwd) => {
    const result = await cli(target.bin, ['completion', 'bash'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('complete -o bashdefault -o default -F _driftwarden driftwarden');
  },
  'policies list': async (target, cwd) => {
    const result = await cli(target.bin, ['policies', 'list', '--format', 'json'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const catalogue = JSON.parse(readFileSync(join(root, 'policies/dist/catalogue.json'), 'utf8'));
    expect(JSON.parse(result.stdout)).toHaveLength(catalogue.rules.length);
  },
  'policies show': async (target, cwd) => {
    const result = await cli(target.bin, ['policies', 'show', 'dw-aws-iam-006'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^DW-AWS-IAM-006\b/);
    expect(result.stdout).toContain('iam:PassRole');
  },
  'policies build': async (target, cwd) => {
    const result = await cli(target.bin, ['policies', 'build', '--rules', 'rules', '--out', 'built'], cwd);
    if (!opa) {
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(
        /^driftwarden: usage error: policies build needs opa, which was not found/,
      );
      return;
    }
    expect(result).toEqual({ code: 0, stdout: 'built 1 rules into built\n', stderr: '' });
    const args = ['--config', 'driftwarden.yml', '--no-builtin-policies', '--policy-bundle', 'built'];
    const report = await scanJson(target, cwd, args);
    expect(ruleIds(report)).toEqual(['USER-S3-001']);
    expect(report.violations).toHaveLength(USER_RULE_FINDINGS);
  },
};

/** `--policies` compiles the user's rules against the shipped policies/lib and capabilities.json. */
async function userPolicies(target: Target, cwd: string, builtin: { violations: { ruleId: string }[] }) {
  const args = ['scan', '--config', 'driftwarden.yml', '--policies', 'rules', '--format', 'json'];
  const result = await cli(target.bin, [...args, '--fail-on', 'none'], cwd);
  if (!opa) {
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^driftwarden: usage error: --policies rules: compiling Rego needs opa/);
    return;
  }
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report.scan.diagnostics.filter((d: { level: string }) => d.level !== 'info')).toEqual([]);
  expect(ruleIds(report)).toEqual([...ruleIds(builtin), 'USER-S3-001'].sort());
  const user = report.violations.filter((v: { ruleId: string }) => v.ruleId === 'USER-S3-001');
  expect(user).toHaveLength(USER_RULE_FINDINGS);
}

/** The commands of the README's CLI reference block, by their first words (`policies list`, `--version`). */
function documentedCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## CLI reference'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return [...block.matchAll(/^driftwarden ((?:[a-z-]+)(?: [a-z]+)?)/gm)].map(([, words]) => {
    const [first = '', second] = (words ?? '').split(' ');
    return first in COMMANDS || !second ? first : `${first} ${second}`;
  });
}

describe('every documented command runs from the installed package', () => {
  it('covers each command of the README CLI reference', () => {
    const documented = documentedCommands();
    expect(documented.length).toBeGreaterThan(5);
    expect(documented.filter((command) => !(command in COMMANDS))).toEqual([]);
  });

  it('opa is here where it is required', () => {
    expect(opaRequired ? opa?.path : 'not required').toBeTruthy();
  });

  for (const place of ['in an empty folder', 'globally'] as const) {
    describe(`installed ${place}`, () => {
      for (const [command, check] of Object.entries(COMMANDS)) {
        it(`driftwarden ${command}`, async () => {
          const target =
            place === 'globally'
              ? { bin: installed.globalBin, packageDir: installed.globalPackage }
              : { bin: installed.localBin, packageDir: installed.localPackage };
          await check(target, workspace());
        }, 120_000);
      }
    });
  }
});
