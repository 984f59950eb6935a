/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const fixtures = join(import.meta.dirname, '../../fixtures/iac');

/** A real repository made from the fixtures, with a first commit; returns its directory and commit. */
async function repository(
  from: string[],
): Promise<{ dir: string; git: ReturnType<typeof simpleGit>; first: string }> {
  const dir = tempDir();
  for (const part of from) cpSync(join(fixtures, part), join(dir, part), { recursive: true });
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('first');
  return { dir, git, first: (await git.revparse(['HEAD'])).trim() };
}

/** A report location as `file:line`, whether the report gives it as text or as `{file, line}`. */
function where(location: unknown): string | undefined {
  if (typeof location === 'string' || location === undefined) return location;
  const { file, uri, line } = location as { file?: string; uri?: string; line?: number };
  return line === undefined ? (file ?? uri) : `${file ?? uri}:${line}`;
}

interface V {
  ruleId: string;
  key: string;
  location?: unknown;
  path?: string;
  message?: string;
  waiver?: { source: string; reason: string };
}

async function scan(dir: string, extra: string[] = []) {
  const result = await runCli(['scan', '--repo', dir, '--format', 'json', '--fail-on', 'none', ...extra], {
    cwd: dir,
  });
  return { ...result, report: JSON.parse(result.stdout) };
}

describe('Terraform HCL from a Git repository', () => {
  it('reads modules (with count and for_each), variables, locals, jsonencode and policy documents, at file:line', async () => {
    const { dir } = await repository(['terraform']);
    const { report, code } = await scan(dir);
    expect(code).toBe(0);
    const found = (report.violations as V[]).map((v) => [v.ruleId, v.key, where(v.location)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['DW-AWS-IAM-001', 'aws_iam_policy.(terraform).aws_iam_policy.admin', 'terraform/main.tf:30'],
        [
          'DW-AWS-IAM-006',
          'aws_iam_role_policy.(terraform).aws_iam_role_policy.deploy',
          'terraform/main.tf:49',
        ],
        ['DW-AWS-EBS-001', 'aws_ebs_volume.(terraform).aws_ebs_volume.data[0]', 'terraform/main.tf:62'],
        ['DW-AWS-EBS-001', 'aws_ebs_volume.(terraform).aws_ebs_volume.data[1]', 'terraform/main.tf:62'],
      ]),
    );
    // The buckets of the module are named from the variables, and their encryption sub-resource folded in: S3-004
    // names the AWS-managed key the sub-resource's SSE-KMS uses, not a missing configuration.
    expect(
      (report.violations as V[]).filter((v) => v.ruleId === 'DW-AWS-S3-004').map((v) => [v.key, v.message]),
    ).toEqual(
      [
        'aws_s3_bucket.(terraform).module.storage.aws_s3_bucket.this["artifacts"]',
        'aws_s3_bucket.(terraform).module.storage.aws_s3_bucket.this["logs"]',
      ].map((key) => [
        key,
        'bucket default encryption is SSE-KMS with the AWS-managed key aws/s3, not a customer-managed KMS key',
      ]),
    );
    expect(report.scan.sources[0]).toMatchObject({ connector: 'iac', status: 'ok', resources: 9 });
    // Code knows no cloud ids: it is checked by the policies and not paired for drift.
    expect(report.summary.declared).toBe(0);
  });

  it('honours an inline waiver comment above the block: waived, listed, never dropped', async () => {
    const { dir } = await repository(['terraform']);
    const { report } = await scan(dir);
    expect((report.waived as V[]).map((v) => [v.ruleId, v.key, v.waiver?.source, v.waiver?.reason])).toEqual([
      [
        'DW-AWS-EBS-001',
        'aws_ebs_volume.(terraform).aws_ebs_volume.scratch',
        'terraform/main.tf:55',
        'scratch disk for the batch job, destroyed nightly',
      ],
    ]);
  });

  it('reads the code at a ref without touching the working tree: a base and a head side by side', async () => {
    const { dir, git, first } = await repository(['terraform']);
    await git.checkoutLocalBranch('feature');
    writeFileSync(
      join(dir, 'terraform/more.tf'),
      'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n',
    );
    await git.add('.').commit('head');
    writeFileSync(
      join(dir, 'terraform/uncommitted.tf'),
      'resource "aws_sqs_queue" "q" {\n  name = "q"\n  sqs_managed_sse_enabled = false\n}\n',
    );
    const base = await scan(dir, ['--ref', first]);
    const head = await scan(dir, ['--ref', 'feature']);
    const tree = await scan(dir);
    const keys = (r: { violations: V[] }) => new Set(r.violations.map((v) => v.key));
    expect(keys(base.report).has('aws_sns_topic.(terraform).aws_sns_topic.alerts')).toBe(false);
    expect(keys(head.report).has('aws_sns_topic.(terraform).aws_sns_topic.alerts')).toBe(true);
    expect(keys(head.report).has('aws_sqs_queue.(terraform).aws_sqs_queue.q')).toBe(false);
    expect(keys(tree.report).has('aws_sqs_queue.(terraform).aws_sqs_queue.q')).toBe(true);
    expect(base.report.scan.sources[0].location).toBe(`${dir}@${first}`);
  });

  it('bad files are named and skipped; the rest of the repository is still scanned', async () => {
    const { dir, git } = await repository(['terraform']);
    writeFileSync(join(dir, 'terraform/broken.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = \n');
    writeFileSync(join(dir, 'terraform/binary.tf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    symlinkSync('/etc/passwd', join(dir, 'terraform/escape.tf'));
    await git.add('.').commit('bad');
    const { report, code } = await scan(dir);
    expect(code).toBe(3);
    const problems: string[] = report.scan.sources[0].problems;
    expect(problems.some((p) => p.startsWith('terraform/broken.tf') && p.includes('cannot parse HCL'))).toBe(
      true,
    );
    expect(problems).toContain('terraform/binary.tf: binary content; skipped');
    expect(problems).toContain(
      'terraform/escape.tf: symbolic link leads outside the repository; not followed',
    );
    expect((report.violations as V[]).some((v) => v.ruleId === 'DW-AWS-IAM-001')).toBe(true);
  });

  it('a path that is no folder is a one-line error', async () => {
    const result = await runCli(['scan', '--repo', 'nowhere', '--format', 'json'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('driftwarden: error: nowhere: no such folder\n');
  });
});

describe('Terraform, CloudFormation and ARM in one repository', () => {
  /** The fixtures of all three formats, less the deliberately broken ARM files. */
  async function mixed() {
    const made = await repository(['terraform', 'cloudformation', 'arm']);
    await made.git.rm(['arm/malformed.json', 'arm/not-arm.json']);
    await made.git.commit('only the good templates');
    return made;
  }

  it('the same rule fires on each format, at file:line, and the same waiver comment works in each', async () => {
    const { dir } = await mixed();
    const { report, code, stdout } = await scan(dir);
    expect(code).toBe(0);
    const at = (list: V[], ruleId: string) =>
      list
        .filter((v) => v.ruleId === ruleId)
        .map((v) => where(v.location))
        .sort();
    // The wildcard IAM rule, from HCL and from a CloudFormation managed policy; its Azure twin from a role definition.
    expect(at(report.violations, 'DW-AWS-IAM-001')).toEqual([
      'cloudformation/orders.yaml:22',
      'terraform/main.tf:30',
    ]);
    expect(at(report.violations, 'DW-AZ-IAM-001')).toEqual(['arm/platform.json:15']);
    // An unencrypted volume waived by a comment, in HCL and in YAML; a storage account waived in ARM JSON.
    expect(at(report.waived, 'DW-AWS-EBS-001')).toEqual([
      'cloudformation/orders.yaml:71',
      'terraform/main.tf:56',
    ]);
    expect(at(report.waived, 'DW-AZ-STORAGE-001')).toEqual(['arm/storage.json:42']);
    // SQL transparent data encryption switched off by a nested ARM child resource.
    expect(at(report.violations, 'DW-AZ-SQL-001')).toEqual(['arm/platform.json:73']);
    // The CloudFormation bucket policy names its bucket by Ref; it folds into the bucket, so the secure-transport
    // rule sees the policy and stays quiet, while the bucket's default SSE-S3 (no customer-managed key) is reported.
    expect(at(report.violations, 'DW-AWS-S3-003')).not.toContain('cloudformation/orders.yaml:35');
    expect(at(report.violations, 'DW-AWS-S3-004')).toContain('cloudformation/orders.yaml:35');
    // 49: platform.json's two inline security rules are resources of their own too, as ARM deploys them; orders.yaml's
    // log group and function are read since the catalogue maps AWS::Logs::LogGroup and AWS::Lambda::Function.
    expect(report.scan.sources[0]).toMatchObject({ connector: 'iac', status: 'ok', resources: 49 });
    // Passwords written in the templates (a literal, a NoEcho default, a securestring default) never appear.
    for (const secret of [
      'PLANTED-rds-Passw0rd-7731',
      'PLANTED-cluster-Secret-4410',
      'PLANTED-sql-Password1!',
    ])
      expect(stdout).not.toContain(secret);
  });

  it('a broken template of one format is named; the others are still checked and the scan is incomplete', async () => {
    const { dir, git } = await mixed();
    writeFileSync(
      join(dir, 'cloudformation/broken.yaml'),
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n   Bad: [\n',
    );
    cpSync(join(fixtures, 'arm/malformed.json'), join(dir, 'arm/malformed.json'));
    await git.add('.').commit('broken');
    const { report, code } = await scan(dir);
    expect(code).toBe(3);
    const problems: string[] = report.scan.sources[0].problems;
    expect(problems.filter((p) => p.startsWith('cloudformation/broken.yaml:'))).toHaveLength(1);
    expect(
      problems.filter((p) => p === "arm/malformed.json:5: malformed JSON at column 5: expected ',' or '}'"),
    ).toHaveLength(1);
    const located = new Set((report.violations as V[]).map((v) => where(v.location)));
    for (const location of ['terraform/main.tf:30', 'cloudformation/orders.yaml:22', 'arm/platform.json:15'])
      expect(located.has(location)).toBe(true);
  });
});

describe('--follow-backends', () => {
  async function backendRepository(extra: Record<string, string> = {}) {
    const dir = tempDir();
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    writeFileSync(join(dir, '.gitignore'), '*.tfstate\n');
    for (const [path, text] of Object.entries({
      'app/main.tf':
        'terraform {\n  backend "local" {\n    path = "state/app.tfstate"\n  }\n}\nresource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
      ...extra,
    })) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    mkdirSync(join(dir, 'app/state'), { recursive: true });
    writeFileSync(
      join(dir, 'app/state/app.tfstate'),
      JSON.stringify({
        version: 4,
        terraform_version: '1.9.0',
        serial: 1,
        lineage: 'l',
        outputs: {},
        resources: [
          {
            mode: 'managed',
            type: 'aws_sns_topic',
            name: 't',
            provider: 'provider["registry.terraform.io/hashicorp/aws"]',
            instances: [
              {
                attributes: { id: 'arn:aws:sns:eu-west-1:1:t', arn: 'arn:aws:sns:eu-west-1:1:t', name: 't' },
              },
            ],
          },
        ],
      }),
    );
    await git.add('.').commit('code');
    return dir;
  }

  it('reads a local backend state from the working tree; not at a ref, where state is never committed', async () => {
    const dir = await backendRepository();
    expect((await scan(dir)).report.summary.declared).toBe(0);
    const { report, code } = await scan(dir, ['--follow-backends']);
    expect(code).toBe(0);
    expect(report.summary.declared).toBe(1);
    expect(report.scan.sources.map((s: { connector: string }) => s.connector).sort()).toEqual([
      'iac',
      'terraform-state',
    ]);
    const atRef = await scan(dir, ['--follow-backends', '--ref', 'HEAD']);
    expect(atRef.report.summary.declared).toBe(0);
    expect(atRef.report.scan.sources).toContainEqual(
      expect.objectContaining({ location: 'app/main.tf:2', status: 'failed' }),
    );
  });

  it('a backend whose state cannot be found is a failed source named at file:line, and the scan is incomplete', async () => {
    const dir = await backendRepository({
      'net/main.tf': 'terraform {\n  backend "s3" {\n    key = "net.tfstate"\n  }\n}\n',
      'hcp/main.tf': 'terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n',
      'esc/main.tf': 'terraform {\n  backend "local" {\n    path = "../../../etc/*"\n  }\n}\n',
      'gone/main.tf': 'terraform {\n  backend "local" {}\n}\n',
    });
    const { report, code, stderr } = await scan(dir, ['--follow-backends']);
    expect(code).toBe(3);
    expect(report.scan.complete).toBe(false);
    const failed = (report.scan.sources as { location: string; status: string; problems?: string[] }[])
      .filter((s) => s.status === 'failed')
      .map((s) => s.location)
      .sort();
    expect(failed).toEqual(['esc/main.tf:2', 'gone/main.tf:2', 'hcp/main.tf:2', 'net/main.tf:2']);
    expect(stderr).toContain('backend "s3" has no literal bucket (partial configuration?)');
    expect(stderr).toContain('a `cloud` block: the state is in HCP Terraform, which is not read');
    expect(stderr).toContain('is outside the repository');
    // The state that could be read still is, and the code is still checked.
    expect(report.summary.declared).toBe(1);
  });
});

describe('sensitive values in code', () => {
  it('a variable marked sensitive is never read, from its default, tfvars or a module input', async () => {
    const dir = tempDir({
      'main.tf': [
        'variable "db_password" {',
        '  sensitive = true',
        '  default   = "PLANTED-default-9911"',
        '}',
        'variable "api_key" {',
        '  sensitive = true',
        '}',
        'resource "aws_db_instance" "db" {',
        '  identifier = "orders"',
        '  password   = var.db_password',
        '  storage_encrypted = false',
        '  tags = { note = var.db_password, combined = "pw-${var.api_key}" }',
        '}',
        // A rule whose message quotes the attribute (the listener's TLS policy) must not be able to echo a secret.
        'variable "tls" {',
        '  sensitive = true',
        '  default   = "ELBSecurityPolicy-2016-08"',
        '}',
        'resource "aws_lb_listener" "https" {',
        '  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/a/1"',
        '  port       = 443',
        '  protocol   = "HTTPS"',
        '  ssl_policy = var.tls',
        '}',
        'resource "aws_ssm_parameter" "p" {',
        '  name  = "p"',
        '  value = var.api_key',
        '}',
        '',
      ].join('\n'),
      'terraform.tfvars': 'api_key = "PLANTED-tfvars-4242"\n',
    });
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    await git.add('.').commit('code');
    for (const format of ['json', 'table', 'markdown', 'sarif']) {
      const result = await runCli(['scan', '--repo', dir, '--format', format, '--fail-on', 'none'], {
        cwd: dir,
      });
      expect(result.code).toBe(0);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/PLANTED|ELBSecurityPolicy-2016-08/);
    }
    const { report } = await scan(dir);
    // The rule on the database still fires: only the secret is withheld.
    expect((report.violations as V[]).map((v) => v.ruleId)).toContain('DW-AWS-RDS-001');
  });
});

describe('what git lists', () => {
  const admin = (name: string) =>
    `resource "aws_iam_policy" "${name}" {\n  name = "${name}"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n`;
  // Names git quotes in its line-based listings: non-ASCII, a tab, a quote, a backslash.
  const dirs = ['infra-ü', 'tab\there', 'quote"d', 'back\\slash'];

  it('finds code under names git would quote, in the working tree and at a ref', async () => {
    const dir = tempDir();
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    dirs.forEach((name, n) => {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, 'main.tf'), admin(`p${n}`));
    });
    await git.add('.').commit('admin policies under odd names');
    // And one untracked, not ignored, under a quoted name too.
    mkdirSync(join(dir, 'new-é'));
    writeFileSync(join(dir, 'new-é', 'main.tf'), admin('untracked'));
    const expected = dirs.map((name) => `${name}/main.tf:1`);
    for (const extra of [[], ['--ref', 'HEAD']]) {
      const { report, code } = await scan(dir, extra);
      expect(code).toBe(0);
      const found = (report.violations as V[]).filter((v) => v.ruleId === 'DW-AWS-IAM-001');
      const locations = found.map((v) => where(v.location)).sort();
      expect(locations).toEqual(
        (extra.length ? expected : [...expected, 'new-é/main.tf:1']).sort((a, b) => (a < b ? -1 : 1)),
      );
      expect(report.scan.sources[0].status).toBe('ok');
    }
  });

  it('at a ref, reads every file in one batch and still refuses symlinks, large and binary files', async () => {
    const dir = tempDir();
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    for (let n = 0; n < 30; n++) writeFileSync(join(dir, `p${n}.tf`), admin(`p${n}`));
    writeFileSync(join(dir, 'empty.tf'), '');
    writeFileSync(join(dir, 'big.tf'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    writeFileSync(join(dir, 'binary.tf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    symlinkSync('/etc/passwd', join(dir, 'link.tf'));
    await git.add('.').commit('mixed');
    const { report, code } = await scan(dir, ['--ref', 'HEAD']);
    expect(code).toBe(3);
    expect(report.scan.sources[0].resources).toBe(30);
    expect([...report.scan.sources[0].problems].sort()).toEqual([
      'big.tf: larger than 2 MiB; skipped',
      'binary.tf: binary content; skipped',
      'link.tf: symbolic link leads outside the repository; not followed',
    ]);
  });
});
