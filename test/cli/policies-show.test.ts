import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { packageRoot } from '../../src/util/package-info.js';
import { runCli } from '../helpers/cli.js';

const built = JSON.parse(readFileSync(join(packageRoot(), 'policies/dist/catalogue.json'), 'utf8')) as {
  rules: CatalogueRule[];
};
const admin = built.rules.find((rule) => rule.id === 'DW-AWS-IAM-001');

describe('driftwarden policies show <id>', () => {
  it('prints the rule: what it judges, its forms, controls, equivalents, remediation and references', async () => {
    const result = await runCli(['policies', 'show', 'DW-AWS-IAM-001']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'DW-AWS-IAM-001  critical  iam',
      'IAM policy grants full administrative access',
      '',
    ]);
    expect(result.stdout).toContain(`\n${admin?.description}\n`);
    expect(result.stdout).toContain(`\nResource types: ${admin?.resourceTypes.join(', ')}\n`);
    expect(result.stdout).toContain('\nRead from:      aws-config, cloudformation, terraform\n');
    expect(result.stdout).toContain('\nControls:       CIS-AWS-1.16\n');
    expect(result.stdout).toContain(
      '\nCheckov:        CKV_AWS_62, CKV_AWS_1\nTrivy:          AVD-AWS-0057\n',
    );
    expect(result.stdout).toContain('\nRule file:      policies/rules/aws/iam/admin_access.rego\n');
    expect(result.stdout).toContain(
      '\nRemediation:\n    data "aws_iam_policy_document" "app" {\n      statement {\n        actions   = ["s3:GetObject"]\n',
    );
    expect(result.stdout.endsWith(`\nReferences:\n    ${admin?.relatedResources[0]}\n`)).toBe(true);
  });

  it('finds the id whatever its case, and prints it as JSON on request', async () => {
    expect((await runCli(['policies', 'show', 'dw-aws-iam-001'])).stdout.split('\n')[0]).toBe(
      'DW-AWS-IAM-001  critical  iam',
    );
    const json = await runCli(['policies', 'show', 'DW-AWS-IAM-001', '--format', 'json']);
    const { entrypoint: _entrypoint, ...expected } = admin ?? ({} as CatalogueRule);
    expect(JSON.parse(json.stdout)).toEqual(expected);
  });

  it('an unknown id is a usage error that suggests the nearest one', async () => {
    const result = await runCli(['policies', 'show', 'DW-AWS-IAM-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `no rule "DW-AWS-IAM-01" (did you mean DW-AWS-IAM-001?); "driftwarden policies list" lists the ${built.rules.length} rules`,
    );
    const far = await runCli(['policies', 'show', 'nothing-like-it']);
    expect(far.stderr).toContain(
      `no rule "nothing-like-it"; "driftwarden policies list" lists the ${built.rules.length} rules`,
    );
  });

  it('a misspelt flag names the nearest one, for show and list alike', async () => {
    for (const args of [['show', 'DW-AWS-IAM-001'], ['list']]) {
      const result = await runCli(['policies', ...args, '--formt', 'json']);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(
        'driftwarden: usage error: unknown option --formt (did you mean --format?) (run "driftwarden policies --help")\n',
      );
    }
  });

  it('needs exactly one id, and says so', async () => {
    for (const args of [[], ['DW-AWS-IAM-001', 'DW-AWS-IAM-002']]) {
      const result = await runCli(['policies', 'show', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'policies show needs one rule id, e.g. driftwarden policies show DW-AWS-IAM-001',
      );
    }
    expect((await runCli(['policies', 'show', 'DW-AWS-IAM-001', '--format', 'yaml'])).stderr).toContain(
      '--format yaml: use text or json',
    );
  });

  it('is in the policies help', async () => {
    const help = await runCli(['policies', '--help']);
    expect(help.stdout).toContain('  driftwarden policies show <id> [--format text|json]');
  });
});
