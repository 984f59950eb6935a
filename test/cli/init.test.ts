import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaReference } from '../../src/cli/init-command.js';
import { CONFIG_SCHEMA_PATH, CONFIG_SCHEMA_URL } from '../../src/config/json-schema.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { plan } from '../helpers/plan.js';
import { one, state } from '../helpers/state.js';

const root = join(import.meta.dirname, '../..');
const example = join(root, 'fixtures/example');

/** The example estate without its driftwarden.yml: three states, a live snapshot and a .driftignore. */
function exampleWithoutConfig(): string {
  const dir = tempDir();
  for (const name of ['states', 'live.json', '.driftignore'])
    cpSync(join(example, name), join(dir, name), { recursive: true });
  return dir;
}

const EXAMPLE_CONFIG = `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}
# $schema: ${CONFIG_SCHEMA_URL}
#
# A starting driftwarden.yml, written by \`driftwarden init\` from what it found here. Each key is a
# \`driftwarden scan\` flag of the same meaning (driftwarden scan --help); an editor with the schema above
# completes and explains them. Relative paths are read from this file's folder.
version: 1

# Terraform states (format version 4): 3 files.
state:
  - states/*.tfstate

# The live side: recorded snapshots (driftwarden snapshot).
live:
  - snapshot:live.json

# Drift to leave out, in driftctl's syntax.
ignoreFile: .driftignore

# When to exit 1: any drift, or a policy violation of high severity or above (the default).
failOn: [drift, high]

# Also write a report file, e.g. for \`driftwarden ignore generate --input driftwarden-report.json\`:
# outputs:
#   json: driftwarden-report.json
`;

async function scanJson(cwd: string, args: string[] = []) {
  const result = await runCli(['scan', '--format', 'json', ...args], { cwd });
  return { ...result, report: result.code === 2 ? undefined : JSON.parse(result.stdout) };
}

describe('driftwarden init on the example estate', () => {
  it('writes a config that finds the states, the snapshot and the .driftignore, and scans as the bundled one does', async () => {
    const dir = exampleWithoutConfig();
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('driftwarden: wrote driftwarden.yml; next: driftwarden scan\n');
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toBe(EXAMPLE_CONFIG);

    const mine = await scanJson(dir);
    const bundled = await scanJson(root, ['--config', join(example, 'driftwarden.yml')]);
    expect(mine.code).toBe(1);
    expect(mine.report.scan.complete).toBe(true);
    expect(mine.report.summary).toEqual(bundled.report.summary);
    expect(mine.report.summary).toMatchObject({
      declared: 29,
      live: 26,
      changed: 4,
      missing: 1,
      unmanaged: 2,
    });
    expect(mine.report.drift.map((d: { key: string }) => d.key)).toEqual(
      bundled.report.drift.map((d: { key: string }) => d.key),
    );
  });

  it('never overwrites a driftwarden.yml without --force; --stdout prints and writes nothing', async () => {
    const dir = exampleWithoutConfig();
    writeFileSync(join(dir, 'driftwarden.yml'), 'version: 1\n');
    const refused = await runCli(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'driftwarden: error: driftwarden.yml: it already exists (pass --force to replace it)\n',
    );
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toBe('version: 1\n');

    const printed = await runCli(['init', '--stdout'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(EXAMPLE_CONFIG);
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toBe('version: 1\n');

    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toBe(EXAMPLE_CONFIG);
  });

  it('takes the folder as an argument, and says how to scan with the config from elsewhere', async () => {
    const dir = exampleWithoutConfig();
    const parent = join(dir, '..');
    const name = dir.slice(parent.length + 1);
    const result = await runCli(['init', name], { cwd: parent });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `driftwarden: wrote ${name}/driftwarden.yml; next: driftwarden scan --config ${name}/driftwarden.yml\n`,
    );
    const scan = await scanJson(parent, ['--config', `${name}/driftwarden.yml`]);
    expect(scan.code).toBe(1);
    expect(scan.report.summary.declared).toBe(29);
  });
});

describe('driftwarden init on a repository of code and states', () => {
  const awsState = state([
    one('aws_sqs_queue', 'q', { id: 'q', arn: 'arn:aws:sqs:eu-west-1:111122223333:q', name: 'q' }),
    one('aws_sns_topic', 't', { id: 't', arn: 'arn:aws:sns:us-east-1:111122223333:t', name: 't' }),
  ]);
  const azureState = state([
    one('azurerm_resource_group', 'rg', {
      id: '/subscriptions/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/rg',
      name: 'rg',
      location: 'westeurope',
    }),
  ]);
  const files = {
    'main.tf': [
      'terraform {',
      '  backend "s3" {',
      '    bucket = "acme-tfstate"',
      '    key    = "prod/terraform.tfstate"',
      '    region = "eu-west-1"',
      '  }',
      '}',
      'resource "aws_sqs_queue" "q" {',
      '  name = "q"',
      '}',
      '',
    ].join('\n'),
    'modules/net/net.tf': 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    'cfn/queue.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
    'arm/main.json': JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [],
    }),
    'envs/prod.tfstate': awsState,
    'envs/stage.tfstate': awsState,
    'envs/old.tfstate': state([], 3),
    'azure/a.tfstate': azureState,
    'azure/b.tfstate': azureState,
    'plans/plan.json': plan([{ type: 'aws_sqs_queue', name: 'q', values: { name: 'q' } }]),
    'package.json': '{"name": "not-a-template"}',
    // Terraform's backend settings, not a state; and a dependency folder: neither is read.
    '.terraform/terraform.tfstate': '{"version": 3, "backend": {"type": "s3"}}',
    'node_modules/x/y.tfstate': awsState,
  };

  it('sets what it can read, suggests what needs credentials, and the config scans', async () => {
    const dir = tempDir(files);
    execFileSync('git', ['init', '--quiet'], { cwd: dir });
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'driftwarden: skipped envs/old.tfstate: not a Terraform state of format version 4',
        'driftwarden: wrote driftwarden.yml; next: driftwarden scan',
        '',
      ].join('\n'),
    );
    const text = readFileSync(join(dir, 'driftwarden.yml'), 'utf8');
    const section = (start: string) => text.slice(text.indexOf(start)).split('\n\n')[0];
    // A glob where it reads only good states; the files one by one where a glob would take the bad one too.
    expect(section('# Terraform states')).toBe(
      [
        '# Terraform states (format version 4): 4 files.',
        'state:',
        '  - azure/*.tfstate',
        '  - envs/prod.tfstate',
        '  - envs/stage.tfstate',
      ].join('\n'),
    );
    expect(section('# Terraform JSON plans')).toBe(
      ['# Terraform JSON plans (terraform show -json).', 'plans:', '  - plans/plan.json'].join('\n'),
    );
    expect(section('# Infrastructure code')).toBe(
      [
        '# Infrastructure code: 2 Terraform files, 1 CloudFormation template, 1 ARM template. The policies check it, with findings at file:line.',
        'repo: .',
      ].join('\n'),
    );
    expect(section('# Backend blocks')).toBe(
      [
        "# Backend blocks: with followBackends, each root module's state is also read from where its backend says",
        "# (read-only; it needs the backend's credentials):",
        '#   main.tf:2: s3://acme-tfstate/prod/terraform.tfstate',
        '# followBackends: true',
      ].join('\n'),
    );
    expect(section('# The live side')).toBe(
      [
        "# The live side, to compare with (it needs the cloud's credentials). Without one, the scan checks the",
        '# policies and says drift was not evaluated. Uncomment to compare:',
        '# live:',
        '#   - aws-config:regions=eu-west-1,us-east-1',
        '#   - azure:0b1f6471-1bf0-4dda-aec3-cb9272f09590',
      ].join('\n'),
    );
    expect(text).not.toContain('ignoreFile');
    expect(text).not.toContain('node_modules');
    expect(text).not.toContain('.terraform');

    const scan = await scanJson(dir);
    expect(scan.stderr).not.toMatch(/error/);
    expect([0, 1]).toContain(scan.code);
    expect(scan.report.scan.complete).toBe(true);
    expect(scan.report.scan.sources.map((s: { connector: string }) => s.connector).sort()).toEqual([
      'iac',
      'terraform-plan',
      'terraform-state',
      'terraform-state',
      'terraform-state',
      'terraform-state',
    ]);
  });

  it('a plain folder in no git repository (code copied out of one) gets the same config, and it scans', async () => {
    const dir = tempDir(files);
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toMatch(/^repo: \.$/m);
    const scan = await scanJson(dir);
    expect(scan.report.scan.complete).toBe(true);
    const code = scan.report.scan.sources.find((s: { connector: string }) => s.connector === 'iac');
    expect(code).toMatchObject({ status: 'ok' });
    expect(scan.report.summary.declared).toBeGreaterThan(0);
  });

  it('an empty folder gets a config that loads, with a warning that it names nothing to scan', async () => {
    const dir = tempDir();
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'driftwarden: warning: found no Terraform state, plan or infrastructure code; add `state:` or `repo:` before scanning',
        'driftwarden: wrote driftwarden.yml; next: driftwarden scan',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toContain('#   - aws-config ');
  });

  it('names it cannot carry, files it cannot read and hostile JSON are listed on one line each, never fatal', async () => {
    const dir = tempDir({
      'bad\nname.tfstate': state([]),
      'deep.json': `{"format_version": "1.2", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'empty.tfstate': '',
      'ok.tfstate': state([]),
    });
    const result = await runCli(['init', '--stdout'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      'driftwarden: skipped "bad\\nname.tfstate": the name holds a control character',
      'driftwarden: skipped empty.tfstate: file is empty',
      '',
    ]);
    expect(result.stdout).toContain('state:\n  - ok.tfstate\n');
    expect(existsSync(join(dir, 'driftwarden.yml'))).toBe(false);
  });

  it('a named pipe or a link to a device is refused unopened, so init never hangs on one', async () => {
    const dir = tempDir({ 'ok.tfstate': state([]) });
    execFileSync('mkfifo', [join(dir, 'pipe.tfstate')]);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const result = await runCli(['init', '--stdout'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'driftwarden: skipped pipe.tfstate: is a named pipe (FIFO), expected a regular file',
        'driftwarden: skipped zero.json: is a character device, expected a regular file',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toContain('state:\n  - ok.tfstate\n');
  });

  it('refuses a folder that does not exist and stray arguments, in one line', async () => {
    const dir = tempDir();
    const missing = await runCli(['init', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('driftwarden: error: nowhere: no such folder\n');
    const extra = await runCli(['init', 'a', 'b'], { cwd: dir });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe(
      'driftwarden: usage error: init takes one folder (run "driftwarden init --help")\n',
    );
    const misspelt = await runCli(['init', '--forse'], { cwd: dir });
    expect(misspelt).toMatchObject({ code: 2, stdout: '' });
    expect(misspelt.stderr).toBe(
      'driftwarden: usage error: unknown option --forse (did you mean --force?) (run "driftwarden init --help")\n',
    );
  });
});

describe('the built CLI (npm run build first)', () => {
  it('runs init and ignore generate, which it loads only when asked', () => {
    const dir = exampleWithoutConfig();
    const bin = join(root, 'dist/cli/bin.js');
    const init = spawnSync(process.execPath, [bin, 'init'], { cwd: dir, encoding: 'utf8' });
    expect(init.stderr).toBe('driftwarden: wrote driftwarden.yml; next: driftwarden scan\n');
    expect(init.status).toBe(0);
    expect(readFileSync(join(dir, 'driftwarden.yml'), 'utf8')).toBe(EXAMPLE_CONFIG);
    const scan = spawnSync(process.execPath, [bin, 'scan', '--output', 'json=report.json'], { cwd: dir });
    expect(scan.status).toBe(1);
    const ignore = spawnSync(process.execPath, [bin, 'ignore', 'generate', '-i', 'report.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(ignore.status).toBe(0);
    expect(ignore.stdout).toContain('aws_iam_user.bob-console\n');
  });
});

describe('the schema line init writes', () => {
  it('names a file the package ships', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files.some((entry) => CONFIG_SCHEMA_PATH.startsWith(`${entry}/`))).toBe(true);
    expect(existsSync(join(root, CONFIG_SCHEMA_PATH))).toBe(true);
  });

  it('points at the installed package when it lies inside the folder, and at the published schema otherwise', () => {
    expect(schemaReference('/repo', '/repo/node_modules/driftwarden')).toBe(
      './node_modules/driftwarden/src/model/schemas/config.schema.json',
    );
    expect(schemaReference('/repo', '/usr/lib/node_modules/driftwarden')).toBe(CONFIG_SCHEMA_URL);
    expect(schemaReference('/repo/sub', '/repo/node_modules/driftwarden')).toBe(CONFIG_SCHEMA_URL);
  });
});
