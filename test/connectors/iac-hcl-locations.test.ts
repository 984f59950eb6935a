import { describe, expect, it } from 'vitest';
import { gitRepository } from '../helpers/action.js';
import { type CliResult, runCli } from '../helpers/cli.js';

/*
 * Where an HCL finding points, and what its messages print (issue 14): minimal reproductions scanned through the
 * CLI with the real rules.
 */

interface Finding {
  ruleId: string;
  key: string;
  location?: { file?: string; line?: number };
}

/** `code` is 3 where a diagnostic leaves the scan incomplete. */
async function scan(files: Record<string, string>, format = 'json', code = 0): Promise<CliResult> {
  const { dir } = await gitRepository(files, {});
  const result = await runCli(['scan', '--repo', '.', '--format', format, '--fail-on', 'none'], { cwd: dir });
  expect(result.code, result.stderr).toBe(code);
  return result;
}

const VOLUME = '{\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n';

describe('HCL finding locations', () => {
  it("point at the resource block's first line after blank lines and comments, with quoted or bare labels", async () => {
    const { stdout } = await scan({
      'quoted.tf': `\n\n\n# one\n// two\n/* three {\n   "four" */\n\n\nresource "aws_ebs_volume" "quoted" ${VOLUME}`,
      'bare-type.tf': `resource aws_ebs_volume "bare_type" ${VOLUME}`,
      'bare.tf': `\n\n  \n\t# a comment\nresource aws_ebs_volume bare ${VOLUME}`,
      'crlf.tf': `\r\n\r\n# windows\r\nresource aws_ebs_volume crlf ${VOLUME.replaceAll('\n', '\r\n')}`,
      'inline.tf': `resource /* a */ aws_ebs_volume /* b */ inline { # {\n  size = 1\n}\n`,
    });
    const report = JSON.parse(stdout) as { violations: Finding[] };
    const found = report.violations
      .filter((v) => v.ruleId === 'DW-AWS-EBS-001')
      .map((v) => [v.key, v.location?.file, v.location?.line]);
    expect(found).toEqual([
      ['aws_ebs_volume.aws_ebs_volume.bare', 'bare.tf', 5],
      ['aws_ebs_volume.aws_ebs_volume.bare_type', 'bare-type.tf', 1],
      ['aws_ebs_volume.aws_ebs_volume.crlf', 'crlf.tf', 4],
      ['aws_ebs_volume.aws_ebs_volume.inline', 'inline.tf', 1],
      ['aws_ebs_volume.aws_ebs_volume.quoted', 'quoted.tf', 10],
    ]);
  });
});

describe('HCL finding messages', () => {
  // Objects and lists where the rules and diagnostics expect strings: each must print as itself or not at all.
  const files = {
    'main.tf': [
      'resource "aws_lb_listener" "object" {\n  protocol   = "HTTPS"\n  ssl_policy = { name = "ELBSecurityPolicy-2016-08" }\n}\n',
      'resource "aws_lb_listener" "list" {\n  protocol   = "HTTPS"\n  ssl_policy = ["ELBSecurityPolicy-2016-08"]\n}\n',
      'resource "azurerm_storage_account" "object" {\n  min_tls_version = { v = "TLS1_0" }\n}\n',
      'resource "aws_ebs_volume" "each" {\n  for_each = { a = { size = 1 } }\n  size     = each.value.size\n  tags     = each.value\n}\n',
      'module "object" {\n  source = { path = "./m" }\n}\n',
      'module "missing" {\n  source = "./nowhere/"\n  input  = { a = [1] }\n}\n',
      'resource "aws_iam_policy" "p" {\n  name   = { a = 1 }\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["*"], Resource = { a = 1 } }] })\n}\n',
    ].join(''),
  };

  it.each(['json', 'table', 'markdown', 'sarif'])('never print [object Object] (%s)', async (format) => {
    const { stdout, stderr } = await scan(files, format, 3);
    expect(stdout).not.toContain('object Object');
    expect(stderr).not.toContain('object Object');
  });

  it('still judge what they can, and name what they cannot read without printing it', async () => {
    const report = JSON.parse((await scan(files, 'json', 3)).stdout) as {
      violations: Finding[];
      scan: { diagnostics: { code: string; message: string; source?: string }[] };
    };
    expect(report.scan.diagnostics.find((d) => d.message.includes('module "object"'))).toEqual({
      level: 'error',
      code: 'iac.invalid',
      message: 'module "object" has a source that is not a literal string; not read',
      source: 'main.tf:17',
    });
    expect(report.violations.map((v) => [v.ruleId, v.key])).toContainEqual([
      'DW-AWS-EBS-001',
      'aws_ebs_volume.aws_ebs_volume.each["a"]',
    ]);
  });
});
