import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/scan/exit-code.js';
import { packageRoot } from '../../src/util/package-info.js';
import { runCli } from '../helpers/cli.js';
import { gitApply, gitRepo, readText } from '../helpers/git-apply.js';

const root = packageRoot();

/** A git repository with the example estate and its code (fixtures/fix), as a user's checkout would be. */
function estate(): string {
  return gitRepo({}, (dir) => {
    for (const fixture of ['fixtures/example', 'fixtures/fix'])
      cpSync(join(root, fixture), join(dir, fixture), { recursive: true });
  });
}

const SCAN = ['--config', 'fixtures/example/driftwarden.yml'];
const CODE = ['--code', 'fixtures/fix/storage', '--code', 'fixtures/fix/iam'];

describe('driftwarden fix', () => {
  it('scans the example estate and prints, per changed resource, the patch or why not, and the applies', async () => {
    const cwd = estate();
    const result = await runCli(['fix', ...SCAN, ...CODE], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.clean);
    const [summary, patch] = result.stdout.split('\ndiff --git');
    expect(summary).toBe(
      [
        'aws_iam_policy.deploy (fixtures/fix/iam/main.tf:3)',
        '  not patched: policy.Statement[0].Action[3] (line 6): the value is a function call (such as jsonencode)',
        '  revert: terraform apply -target=aws_iam_policy.deploy',
        'module.buckets.aws_s3_bucket.this["data"]',
        '  not patched: versioning.enabled: the resource is declared in a module: its values come from the module code shared by every call, or from the module inputs',
        `  revert: terraform apply -target='module.buckets.aws_s3_bucket_versioning.this["data"]'`,
        'module.network.aws_security_group.app',
        '  not patched: ingress[0]: the resource is declared in a module: its values come from the module code shared by every call, or from the module inputs',
        '  revert: terraform apply -target=module.network.aws_security_group.app',
        'aws_sqs_queue.payments_events (fixtures/fix/storage/main.tf:37)',
        '  accept: patch tags.team (line 46)',
        '          then terraform apply -refresh-only -target=aws_sqs_queue.payments_events',
        '  revert: terraform apply -target=aws_sqs_queue.payments_events',
        'The patch changes 1 file: write it with --patch <file> (or --format patch) and apply it with git apply.',
        '',
      ].join('\n'),
    );
    expect(patch).toContain('-    team = "payments"\n+    team = "platform"\n');
  });

  it('--patch writes the diff, which git apply --check takes in the checkout; --report reads a saved scan', async () => {
    const cwd = estate();
    const scanned = await runCli(['scan', ...SCAN, '--output', 'json=report.json', '--fail-on', 'none'], {
      cwd,
    });
    expect(scanned.code).toBe(EXIT.clean);
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as {
      drift: { address?: string; parts?: string[] }[];
    };
    // The data bucket's sub-resources, as state folds them in: what fix targets for its versioning.
    expect(
      report.drift.find((entry) => entry.address === 'module.buckets.aws_s3_bucket.this["data"]')?.parts,
    ).toEqual([
      'module.buckets.aws_s3_bucket_policy.data',
      'module.buckets.aws_s3_bucket_public_access_block.this["data"]',
      'module.buckets.aws_s3_bucket_server_side_encryption_configuration.this["data"]',
      'module.buckets.aws_s3_bucket_versioning.this["data"]',
    ]);
    const result = await runCli(
      ['fix', '--report', 'report.json', ...CODE, '--patch', 'fix.patch', '--format', 'json'],
      {
        cwd,
      },
    );
    expect(result.code, result.stderr).toBe(EXIT.clean);
    const written = readFileSync(join(cwd, 'fix.patch'), 'utf8');
    const json = JSON.parse(result.stdout) as {
      patch: string;
      proposals: { attributes: { patched: boolean }[] }[];
    };
    expect(json.patch).toBe(written);
    expect(json.proposals.map((p) => p.attributes.map((a) => a.patched))).toEqual([
      [false],
      [false],
      [false],
      [true],
    ]);
    expect(gitApply(cwd, written)).toBeUndefined();
    expect(readText(cwd, 'fixtures/fix/storage/main.tf')).toContain('    team = "platform"\n');
    expect(
      (await runCli(['fix', '--report', 'report.json', ...CODE, '--patch', 'fix.patch'], { cwd })).stderr,
    ).toContain('fix.patch');
  });

  it('names the files from the top of the git work tree, so that git apply takes the patch from a subdirectory', async () => {
    const top = estate();
    const cwd = join(top, 'fixtures/fix');
    const result = await runCli(
      ['fix', '--config', '../example/driftwarden.yml', '--code', 'storage', '--format', 'patch'],
      {
        cwd,
      },
    );
    expect(result.code, result.stderr).toBe(EXIT.clean);
    expect(result.stdout.split('\n')[0]).toBe(
      'diff --git a/fixtures/fix/storage/main.tf b/fixtures/fix/storage/main.tf',
    );
    expect(gitApply(cwd, result.stdout)).toBeUndefined();
    expect(readText(cwd, 'storage/main.tf')).toContain('    team = "platform"\n');
  });

  it('names a file it cannot read and still patches the others; refuses code outside the directory', async () => {
    const cwd = estate();
    writeFileSync(join(cwd, 'fixtures/fix/storage/broken.tf'), 'resource "x" "y" {\n  a = [\n');
    writeFileSync(join(cwd, 'fixtures/fix/storage/extra.tf.json'), '{}');
    const result = await runCli(['fix', ...SCAN, ...CODE, '--format', 'patch'], { cwd });
    expect(result.code).toBe(EXIT.clean);
    expect(result.stderr).toBe(
      [
        'driftwarden: warning: fixtures/fix/storage/extra.tf.json: Terraform JSON syntax is not patched',
        'driftwarden: warning: fixtures/fix/storage/broken.tf:2: a "[" is not closed, not patched',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toContain('+    team = "platform"');
    const empty = await runCli(['fix', ...SCAN, '--code', 'fixtures/example'], { cwd });
    expect([empty.code, empty.stderr]).toEqual([
      EXIT.clean,
      'driftwarden: warning: --code fixtures/example holds no .tf files\n',
    ]);
    expect(empty.stdout).toContain(
      '  not patched: tags.team: no resource block with this address in the code that was read\n',
    );
    const outside = await runCli(['fix', ...SCAN, '--code', '..'], { cwd });
    expect([outside.code, outside.stderr]).toEqual([
      EXIT.error,
      "driftwarden: usage error: --code .. is outside the git work tree, where the patch's paths start\n",
    ]);
    const both = await runCli(['fix', '--report', 'r.json', ...SCAN], { cwd });
    expect(both.stderr).toBe(
      'driftwarden: usage error: fix takes --report or scan options, not both (run "driftwarden fix --help")\n',
    );
  });
});
