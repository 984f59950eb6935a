import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { fmtCheck, tofuPath, tofuRequired, validateImports } from '../helpers/tofu.js';

const root = join(import.meta.dirname, '../..');
const config = join(root, 'fixtures/example/driftwarden.yml');

/** What the README shows for the example estate (fixtures/example/README.md: two unmanaged resources). */
const EXAMPLE = `# driftwarden codify: import blocks for 2 unmanaged resources.
# Review them, then let Terraform write their configuration: terraform plan -generate-config-out=generated.tf

# aws: aws_iam_user (1)
import {
  to = aws_iam_user.bob_console
  id = "bob-console"
}

# aws: aws_s3_bucket (1)
import {
  to = aws_s3_bucket.acme_prod_tmp_export
  id = "acme-prod-tmp-export"
}
`;

describe('driftwarden codify', () => {
  it("writes the example estate's import blocks", async () => {
    const result = await runCli(['codify', '--config', config]);
    expect(result).toEqual({
      code: 0,
      stdout: EXAMPLE,
      stderr: 'driftwarden: 2 import blocks for the unmanaged resources of the scan\n',
    });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`For the example estate:\n\n\`\`\`hcl\n${EXAMPLE}\`\`\``);
  });

  it('writes the same blocks from a JSON report of the scan', async () => {
    const dir = tempDir();
    const report = join(dir, 'report.json');
    await runCli(['scan', '--config', config, '--output', `json=${report}`, '--fail-on', 'none']);
    const result = await runCli(['codify', '--report', report]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(EXAMPLE);
  });

  it('writes resource blocks from the live attributes with --with-config', async () => {
    const result = await runCli(['codify', '--config', config, '--with-config']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`resource "aws_s3_bucket" "acme_prod_tmp_export" {
  bucket = "acme-prod-tmp-export"
  tags = {
    "CreatedBy" = "jane.doe"
    "Purpose"   = "one-off customer export"
  }

  # left out (set by the cloud): arn, region
  # left out (a resource of its own in Terraform): public_access_block, server_side_encryption_configuration, versioning
}`);
    expect(result.stdout).toContain(`resource "aws_iam_user" "bob_console" {
  name = "bob-console"
  path = "/"

  # left out (set by the cloud): arn, unique_id
}`);
  });

  it('writes to --out, and never over an existing file without --force', async () => {
    const dir = tempDir({ 'imports.tf': 'keep me\n' });
    const out = join(dir, 'imports.tf');
    const refused = await runCli(['codify', '--config', config, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('it already exists (pass --force to replace it)');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    const written = await runCli(['codify', '--config', config, '--out', out, '--force']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(EXAMPLE);
  });

  it('refuses --with-config on a report, scan-only flags, and a scan without a live source', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.json'), '{}');
    const withReport = await runCli(['codify', '--report', join(dir, 'r.json'), '--with-config']);
    expect(withReport.code).toBe(2);
    expect(withReport.stderr).toContain(
      '--with-config needs the live attributes, which a report does not hold',
    );
    const format = await runCli(['codify', '--config', config, '--format', 'json']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format is a scan option codify does not take');
    const short = await runCli(['codify', '--config', config, '-o', 'json=x.json']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain(
      '--output is a scan option codify does not take (the HCL goes to stdout, or to --out <file>)',
    );
    const noLive = await runCli(['codify', '--state', join(root, 'fixtures/example/states/*.tfstate')]);
    expect(noLive.code).toBe(2);
    expect(noLive.stderr).toContain('codify needs a live source');
  });

  it('writes no block for what an incomplete scan cannot call unmanaged, and exits 3', async () => {
    const dir = tempDir({ 'broken.tfstate': '{"version": 4, "resources": [' });
    const states = join(root, 'fixtures/example/states/*.tfstate');
    const live = `snapshot:${join(root, 'fixtures/example/live.json')}`;
    const result = await runCli([
      'codify',
      '--state',
      states,
      '--state',
      join(dir, 'broken.tfstate'),
      '--live',
      live,
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('# driftwarden codify: no unmanaged resource to import.\n');
    expect(result.stderr).toContain(
      'the scan is incomplete: live resources whose declaration could not be read are unknown',
    );
  });

  it('names the report file that is not a report', async () => {
    const dir = tempDir({ 'bad.json': '{"drift": 1}' });
    const result = await runCli(['codify', '--report', join(dir, 'bad.json')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json');
    expect(result.stderr).toContain('not a driftwarden JSON report');
  });

  it.skipIf(!tofuPath && !tofuRequired)('writes configuration OpenTofu validates and formats', async () => {
    expect(validateImports(EXAMPLE).valid).toBe(true);
    const withConfig = await runCli(['codify', '--config', config, '--with-config']);
    expect(fmtCheck(withConfig.stdout)).toMatchObject({ status: 0, stdout: '' });
  });
});
