/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, state } from '../helpers/state.js';

/*
 * Shapes found in real repositories (issue 14), each as a minimal reproduction scanned through the CLI with the
 * real rules: what the code says is judged, and what it leaves unknown is never a violation.
 */

interface Finding {
  ruleId: string;
  key: string;
  message: string;
  location?: { file?: string; line?: number };
}

interface Report {
  scan: {
    complete: boolean;
    diagnostics: { level: string; code: string; message: string; source?: string }[];
  };
  violations: Finding[];
}

async function scan(files: Record<string, string>, extra: string[] = []): Promise<Report> {
  const dir = tempDir(files);
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('code');
  const result = await runCli(['scan', '--repo', '.', '--format', 'json', '--fail-on', 'none', ...extra], {
    cwd: dir,
  });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const found = (report: Report, rule: string) =>
  report.violations.filter((v) => v.ruleId === rule).map((v) => [v.key, v.location?.file, v.location?.line]);

const ADMIN_POLICY = 'jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })';
const admin = (name: string, count: string) =>
  `resource "aws_iam_policy" "${name}" {\n  count  = ${count}\n  name   = "${name}"\n  policy = ${ADMIN_POLICY}\n}\n`;

describe('count and for_each', () => {
  it('an unknown count has unknown instances: never judged, named at the block; a known 0 has none', async () => {
    const report = await scan({
      'main.tf': [
        'variable "create" {}\n',
        'variable "off" {\n  default = false\n}\n',
        'variable "on" {\n  default = true\n}\n',
        admin('later', 'var.create ? 1 : 0'), //     line 8
        admin('off', 'var.off ? 1 : 0'),
        admin('on', 'var.on ? 1 : 0'), //            line 18
        'resource "aws_iam_policy" "each" {\n  for_each = var.create ? toset(["a"]) : toset([])\n  name     = "each"\n  policy   = ',
        `${ADMIN_POLICY}\n}\n`,
        'module "disabled" {\n  source = "./mod"\n  create = false\n}\n',
        'module "enabled" {\n  source = "./mod"\n}\n',
      ].join(''),
      'mod/main.tf': `variable "create" {\n  default = true\n}\n${admin('this', 'var.create ? 1 : 0')}`,
    });
    expect(found(report, 'DW-AWS-IAM-001')).toEqual([
      ['aws_iam_policy.aws_iam_policy.on[0]', 'main.tf', 18],
      ['aws_iam_policy.module.enabled.aws_iam_policy.this[0]', 'mod/main.tf', 4],
    ]);
    expect(report.scan.diagnostics.filter((d) => d.code === 'iac.unknown-instances')).toEqual([
      {
        level: 'info',
        code: 'iac.unknown-instances',
        message:
          'for_each of aws_iam_policy.each is not known before apply, so how many instances it has (perhaps none) is unknown; they are not checked',
        source: 'main.tf:23',
      },
      {
        level: 'info',
        code: 'iac.unknown-instances',
        message:
          'count of aws_iam_policy.later is not known before apply, so how many instances it has (perhaps none) is unknown; they are not checked',
        source: 'main.tf:8',
      },
    ]);
    expect(report.scan.complete).toBe(true);
  });
});

describe('dynamic blocks', () => {
  const table = (name: string, forEach: string) =>
    `resource "aws_dynamodb_table" "${name}" {\n  name     = "${name}"\n  hash_key = "id"\n  dynamic "server_side_encryption" {\n    for_each = ${forEach}\n    content {\n      enabled     = true\n      kms_key_arn = server_side_encryption.value\n    }\n  }\n}\n`;

  it('expand into the blocks they produce when for_each is known; an unknown for_each is an unknown block, not none', async () => {
    const report = await scan({
      'main.tf': [
        'variable "key" {}\n',
        table('configured', '["arn:aws:kms:eu-west-1:111122223333:key/1"]'), // line 2
        table('none', '[]'), //                                                  line 13
        table('later', 'var.key == null ? [] : [var.key]'),
      ].join(''),
    });
    expect(found(report, 'DW-AWS-DYNAMODB-001')).toEqual([
      ['aws_dynamodb_table.aws_dynamodb_table.none', 'main.tf', 13],
    ]);
  });
});

describe('template directives', () => {
  it('%{ if } and %{ for } are evaluated when their inputs are known: a policy built by them is judged', async () => {
    const policy = (name: string, condition: string) =>
      `resource "aws_iam_policy" "${name}" {\n  name   = "${name}"\n  policy = <<-EOT\n    {"Statement": [\n    %{~ for action in var.actions ~}\n      {"Effect": "Allow", "Action": "${'$'}{action}", "Resource": "%{ if ${condition} }*%{ else }arn:aws:s3:::logs%{ endif }"},\n    %{~ endfor ~}\n      {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}\n    ]}\n  EOT\n}\n`;
    const report = await scan({
      'main.tf': [
        'variable "actions" {\n  default = ["*"]\n}\n',
        'variable "wide" {\n  default = true\n}\n',
        'variable "later" {}\n',
        policy('wide', 'var.wide'), //              line 8
        policy('narrow', '!var.wide'),
        policy('later', 'var.later'),
      ].join(''),
    });
    expect(found(report, 'DW-AWS-IAM-001')).toEqual([['aws_iam_policy.aws_iam_policy.wide', 'main.tf', 8]]);
  });
});

describe('Terraform JSON syntax', () => {
  it('*.tf.json is read as Terraform, with ${} expressions, and judged at the file and line of the resource', async () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const report = await scan({
      'iam.tf.json': `{\n  "variable": { "name": { "default": "admin" } },\n  "resource": {\n    "aws_iam_policy": {\n      "admin": {\n        "name": "\${var.name}",\n        "policy": ${JSON.stringify(policy)}\n      }\n    }\n  }\n}\n`,
    });
    expect(found(report, 'DW-AWS-IAM-001')).toEqual([
      ['aws_iam_policy.aws_iam_policy.admin', 'iam.tf.json', 5],
    ]);
  });
});

describe('several root modules', () => {
  const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const hcl = `resource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = ${JSON.stringify(JSON.stringify(ADMIN))}\n}\n`;
  const STATE = state([
    one('aws_iam_policy', 'admin', {
      id: 'arn:aws:iam::111122223333:policy/admin',
      arn: 'arn:aws:iam::111122223333:policy/admin',
      name: 'admin',
      policy: JSON.stringify(ADMIN),
    }),
  ]);

  it('each root has its own address prefix: two roots that declare the same address are two resources', async () => {
    const report = await scan({ 'envs/a/main.tf': hcl, 'envs/b/main.tf': hcl, 'main.tf': hcl });
    expect(found(report, 'DW-AWS-IAM-001')).toEqual([
      ['aws_iam_policy.(envs/a).aws_iam_policy.admin', 'envs/a/main.tf', 1],
      ['aws_iam_policy.(envs/b).aws_iam_policy.admin', 'envs/b/main.tf', 1],
      ['aws_iam_policy.aws_iam_policy.admin', 'main.tf', 1],
    ]);
  });

  it('a single root in a subfolder still pairs with its state by address; two roots with that address do not', async () => {
    const paired = await scan({ 'infra/main.tf': hcl, 'prod.tfstate': STATE }, ['--state', 'prod.tfstate']);
    expect(found(paired, 'DW-AWS-IAM-001')).toEqual([
      ['aws_iam_policy.arn:aws:iam::111122223333:policy/admin', 'infra/main.tf', 1],
    ]);
    const two = await scan({ 'a/main.tf': hcl, 'b/main.tf': hcl, 'prod.tfstate': STATE }, [
      '--state',
      'prod.tfstate',
    ]);
    expect(found(two, 'DW-AWS-IAM-001').map(([key]) => key)).toEqual([
      'aws_iam_policy.(a).aws_iam_policy.admin',
      'aws_iam_policy.(b).aws_iam_policy.admin',
      'aws_iam_policy.arn:aws:iam::111122223333:policy/admin',
    ]);
    expect(two.scan.diagnostics.map((d) => d.code)).toContain('code.address-ambiguous');
  });
});
