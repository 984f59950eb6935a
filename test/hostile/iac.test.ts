/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL and CloudFormation interpolations are written with ${} in plain strings */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../connectors/iac/limits.js';
import { tempDir } from '../helpers/cli.js';
import { describeOutcome, runHostile } from '../helpers/hostile.js';

/*
 * The regression corpus of hostile infrastructure code: each case is a repository a pull request could bring, run
 * through the real CLI in a child with a heap ceiling. Each must end as README.md's "Limits" say: a bounded, clean
 * exit with the problem named at file:line, the scan marked incomplete when something was not read, and the rest
 * of the repository still checked.
 */

const MEMORY_BOUND_MIB = 450;
const KILL_AFTER_MS = 30_000;
/** A case may run the CLI twice (the working tree, then a ref), each under the kill timer. */
const CASE = { timeout: 2 * KILL_AFTER_MS + 10_000 };

type Files = Record<string, string | Uint8Array>;

interface Expected {
  code: 0 | 1 | 2 | 3;
  /** Lines of the source's problems (`file:line: message`), each matched exactly or by pattern. */
  problems?: (string | RegExp)[];
  /** Violations that must be found: [ruleId, resource key]. */
  violations?: [string, string][];
  /** Text that must not appear in any output. */
  absent?: string[];
}

interface Report {
  scan: { complete: boolean; sources: { status: string; problems?: string[] }[] };
  violations: { ruleId: string; key: string }[];
}

async function repository(files: Files, prepare?: (dir: string) => void): Promise<string> {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  prepare?.(dir);
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 'h@example.com').addConfig('user.name', 'h');
  await git.add('.').commit('hostile');
  return dir;
}

async function scan(dir: string, expected: Expected, extra: string[] = []): Promise<Report> {
  // The JSON report goes to a file: stdout is capped, and a bomb's report may be large. Markdown on stdout is bounded.
  const output = join(tempDir(), 'report.json');
  const result = await runHostile(
    ['scan', '--repo', '.', '--format', 'markdown', '--output', `json=${output}`, ...extra],
    { cwd: dir, timeoutMs: KILL_AFTER_MS, heapMiB: 512 },
  );
  const outcome = describeOutcome(result);
  expect(result.timedOut, outcome).toBe(false);
  expect(result.code, outcome).toBe(expected.code);
  expect(result.stderr, 'no stack trace without --debug').not.toMatch(/^\s{4}at /m);
  expect(result.stderr).not.toMatch(/Maximum call stack|unexpected error|out of memory/i);
  expect(result.maxRssMiB, outcome).toBeLessThan(MEMORY_BOUND_MIB);
  const json = readFileSync(output, 'utf8');
  for (const text of expected.absent ?? [])
    expect(`${result.stdout}${result.stderr}${json}`).not.toContain(text);
  const report = JSON.parse(json) as Report;
  const problems = report.scan.sources.flatMap((s) => s.problems ?? []);
  for (const problem of expected.problems ?? []) {
    const matches = (p: string) => (typeof problem === 'string' ? p === problem : problem.test(p));
    expect(problems.some(matches), `${problem} in ${JSON.stringify(problems)}`).toBe(true);
    // Each problem is also one line on stderr, naming the file (and line).
    const line = problems.find(matches) as string;
    expect(result.stderr).toContain(line);
  }
  if (expected.code === 3) expect(report.scan.complete).toBe(false);
  const found = report.violations.map((v) => [v.ruleId, v.key]);
  expect(found).toEqual(expect.arrayContaining(expected.violations ?? []));
  return report;
}

const adminHcl = (name: string) =>
  `resource "aws_iam_policy" "${name}" {\n  name   = "${name}"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n`;
const adminCfn = (id: string) =>
  `  ${id}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: '*'\n            Resource: '*'\n`;
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const arm = (resources: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
const account = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' };
const role = {
  type: 'Microsoft.Authorization/roleDefinitions',
  apiVersion: '2022-04-01',
  name: 'admin',
  properties: { roleName: 'admin', permissions: [{ actions: ['*'] }], assignableScopes: ['/'] },
};
const ADMIN = (key: string): [string, string] => ['DW-AWS-IAM-001', `aws_iam_policy.${key}`];
const AZ_ADMIN: [string, string] = [
  'DW-AZ-IAM-001',
  'azurerm_role_definition.microsoft.authorization/roledefinitions/admin',
];
const deep = (open: string, close: string) => `${open.repeat(50_000)}${close.repeat(50_000)}`;

describe('hostile Terraform', CASE, () => {
  it('count = 1e9 is read once as [*], reported at the block; the other resources are checked', async () => {
    const dir = await repository({
      'main.tf': `resource "aws_ebs_volume" "v" {\n  count = 1000000000\n  availability_zone = "a"\n  size = 1\n}\n`,
      'iam.tf': adminHcl('p'),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'main.tf:1: count of aws_ebs_volume.v asks for 1,000,000,000 instances, more than 10,000; read once, as aws_ebs_volume.v[*], with count.index unknown',
      ],
      violations: [ADMIN('aws_iam_policy.p'), ['DW-AWS-EBS-001', 'aws_ebs_volume.aws_ebs_volume.v[*]']],
    });
  });

  it('for_each over a map of 20,000 entries is read once as [*]; the policy on it still fires', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `    k${i} = ${i}\n`).join('');
    const dir = await repository({
      'main.tf': `variable "m" {\n  default = {\n${entries}  }\n}\nresource "aws_iam_policy" "p" {\n  for_each = var.m\n  name     = each.key\n  policy   = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n`,
    });
    await scan(dir, {
      code: 3,
      problems: [
        'main.tf:20005: for_each of aws_iam_policy.p asks for 20,000 instances, more than 10,000; read once, as aws_iam_policy.p[*], with each.key and each.value unknown',
      ],
      violations: [ADMIN('aws_iam_policy.p[*]')],
    });
  });

  it('for_each over range(1e9), which is not evaluated, has unknown instances: none is judged, the block is named', async () => {
    const dir = await repository({
      'main.tf': `resource "aws_iam_policy" "p" {\n  for_each = toset(range(1000000000))\n  name     = each.key\n  policy   = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n`,
    });
    const report = await scan(dir, { code: 0 });
    expect(report.violations).toEqual([]);
  });

  it('a module with count = 1e9 is evaluated once as [*]', async () => {
    const dir = await repository({
      'main.tf': 'module "m" {\n  source = "./m"\n  count  = 1000000000\n}\n',
      'm/main.tf': adminHcl('inner'),
    });
    await scan(dir, {
      code: 3,
      problems: [/^main\.tf:1: count of module\.m asks for 1,000,000,000 instances/],
      violations: [ADMIN('module.m[*].aws_iam_policy.inner')],
    });
  });

  it('a module calling itself is reported at the call; its resources are read once', async () => {
    const dir = await repository({ 'main.tf': `${adminHcl('root')}module "again" {\n  source = "./"\n}\n` });
    await scan(dir, {
      code: 3,
      problems: [
        'main.tf:5: module "again" (./) calls back into a module that is calling it (./ -> ./); the cycle is not followed',
      ],
      violations: [ADMIN('aws_iam_policy.root')],
    });
  });

  it('modules calling each other in a cycle: reported at the call, every module read once, the rest checked', async () => {
    const dir = await repository({
      'main.tf': adminHcl('root'),
      'a/main.tf': `${adminHcl('a')}module "b" {\n  source = "../b"\n}\n`,
      'b/main.tf': `${adminHcl('b')}module "a" {\n  source = "../a"\n}\n`,
    });
    const report = await scan(dir, {
      code: 3,
      problems: [
        'b/main.tf:5: module "a" (../a) calls back into a module that is calling it (a -> b -> a); the cycle is not followed',
      ],
      // No root module calls a or b: they are read from a, under an address no state can have.
      violations: [
        ADMIN('aws_iam_policy.root'),
        ADMIN('(a).aws_iam_policy.a'),
        ADMIN('(a).module.b.aws_iam_policy.b'),
      ],
    });
    expect(report.violations).toHaveLength(3);
  });

  it('a fan-out bomb (each module calling the next ten times, ten deep) stops at 10,000 module instances', async () => {
    const files: Files = { 'm9/main.tf': adminHcl('leaf') };
    for (let i = 0; i < 9; i++)
      files[`m${i}/main.tf`] = Array.from(
        { length: 10 },
        (_, k) => `module "c${k}" {\n  source = "../m${i + 1}"\n}\n`,
      ).join('');
    const dir = await repository(files);
    await scan(dir, {
      code: 3,
      problems: [
        /^m\d\/main\.tf:\d+: more than 10,000 module instances in the repository \(modules calling modules many times over\); from module "c\d" on, module calls are not read$/,
      ],
      violations: [ADMIN(`(m0).${'module.c0.'.repeat(9)}aws_iam_policy.leaf`)],
    });
  });

  it('modules nested more than 10 deep are reported at the call that goes too deep', async () => {
    const files: Files = {};
    for (let i = 0; i < 15; i++)
      files[`m${i}/main.tf`] =
        `${adminHcl(`p${i}`)}${i < 14 ? `module "next" {\n  source = "../m${i + 1}"\n}\n` : ''}`;
    const dir = await repository(files);
    await scan(dir, {
      code: 3,
      problems: ['m10/main.tf:5: module "next" is nested more than 10 modules deep; not read'],
      violations: [
        ADMIN('(m0).aws_iam_policy.p0'),
        ADMIN(`(m0).${'module.next.'.repeat(10)}aws_iam_policy.p10`),
      ],
    });
  });

  it.each([
    ['brackets', `locals {\n  x = ${deep('[', ']')}\n}\n`],
    ['unary operators', `locals {\n  x = ${'!'.repeat(20_000)}true\n}\n`],
    ['blocks', `resource "aws_s3_bucket" "b" {\n${'x {\n'.repeat(20_000)}${'}\n'.repeat(20_001)}`],
  ])('HCL nested tens of thousands deep (%s) is named; the other files are read', async (_, text) => {
    const dir = await repository({ 'deep.tf': text, 'ok.tf': adminHcl('ok') });
    await scan(dir, {
      code: 3,
      problems: [/^deep\.tf:\d+: nested deeper than 100 levels at line \d+; not read$/],
      violations: [ADMIN('aws_iam_policy.ok')],
    });
  });

  it('locals doubling themselves, and a local that is a list of itself, stop at the value size limit', async () => {
    const doubling = Array.from({ length: 40 }, (_, i) => `  a${i + 1} = "\${local.a${i}}\${local.a${i}}"\n`);
    const dir = await repository({
      'main.tf': `locals {\n  a0 = "xxxxxxxxxx"\n${doubling.join('')}  l = [${Array(100).fill('local.l').join(', ')}]\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.a40\n}\nresource "aws_iam_policy" "l" {\n  name   = "l"\n  policy = jsonencode(local.l)\n}\n`,
      'ok.tf': adminHcl('ok'),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'main.tf:21: local.a19: a string template expands past 4,000,000 characters; read as unknown',
      ],
      violations: [ADMIN('aws_iam_policy.ok')],
    });
  });

  it('a file of a million tokens (line breaks) is refused before the parser; the HCL parser needs 1 GiB for it', async () => {
    const dir = await repository({
      'blank.tf': `${'\n'.repeat(1_000_000)}${adminHcl('hidden')}`,
      'ok.tf': adminHcl('ok'),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'blank.tf: about 1,000,036 tokens, more than the 100,000 given to the HCL parser for one file; not read',
      ],
      violations: [ADMIN('aws_iam_policy.ok')],
    });
  });
});

describe('hostile CloudFormation', CASE, () => {
  it('a YAML alias bomb is named at its first alias; the other templates are read', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, of] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ])
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${of}`).join(', ')}]`);
    const dir = await repository({
      'bomb.yaml': `AWSTemplateFormatVersion: "2010-09-09"\n${bomb.join('\n')}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n`,
      'ok.yaml': `Resources:\n${adminCfn('Admin')}`,
    });
    await scan(dir, {
      code: 3,
      problems: ['bomb.yaml:3: YAML aliases expand past 100 references (line 3); not read'],
      violations: [ADMIN('Admin')],
    });
  });

  it.each([
    [
      'deep.yaml',
      `Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: ${deep('[', ']')}\n`,
      5,
    ],
    [
      'dashes.yaml',
      `Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X:\n        ${'- '.repeat(100_000)}x\n`,
      6,
    ],
    [
      'deep.json',
      `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"X": ${deep('[', ']')}}}}}`,
      1,
    ],
  ])('%s nested tens of thousands deep is named with its line', async (file, text, line) => {
    const dir = await repository({ [file]: text, 'ok.yaml': `Resources:\n${adminCfn('Admin')}` });
    await scan(dir, {
      code: 3,
      problems: [new RegExp(`^${file.replace('.', '\\.')}:${line}: .*nested deeper than 100 levels`)],
      violations: [ADMIN('Admin')],
    });
  });

  it('Fn::ForEach is expanded and its resources checked; one over an unknown collection is named', async () => {
    const loop = (name: string, collection: string) =>
      `  Fn::ForEach::${name}:\n    - Name\n    - ${collection}\n    - ${name}\${Name}:\n        Type: AWS::IAM::ManagedPolicy\n        Properties:\n          PolicyDocument:\n            Statement:\n              - {Effect: Allow, Action: '*', Resource: '*'}\n`;
    const dir = await repository({
      't.yaml': `Transform: AWS::LanguageExtensions\nParameters:\n  Open: {Type: CommaDelimitedList}\nResources:\n${loop('Policies', '[a, b]')}${loop('Hidden', '!Ref Open')}${adminCfn('Admin')}`,
    });
    await scan(dir, {
      code: 3,
      problems: [
        't.yaml:14: Fn::ForEach::Hidden at line 14 (the AWS::LanguageExtensions transform): its collection is not known from the template; the resources it makes are not checked',
      ],
      violations: [ADMIN('Policiesa'), ADMIN('Policiesb'), ADMIN('Admin')],
    });
  });

  it('Fn::ForEach loops nested to make millions of resources stop at the instance limit, named', async () => {
    const members = `[${Array.from({ length: 200 }, (_, i) => `m${i}`).join(', ')}]`;
    const dir = await repository({
      't.yaml': `Resources:\n  Fn::ForEach::A:\n    - A\n    - ${members}\n    - Fn::ForEach::B:\n        - B\n        - ${members}\n        - Fn::ForEach::C:\n            - C\n            - ${members}\n            - Q\${A}\${B}\${C}: {Type: AWS::SQS::Queue}\n${adminCfn('Admin')}`,
    });
    await scan(dir, {
      code: 3,
      problems: [
        't.yaml:2: Fn::ForEach::A at line 2 (the AWS::LanguageExtensions transform): it makes more than 10,000 resources; the resources it makes are not checked',
      ],
      violations: [ADMIN('Admin')],
    });
  });

  it('bucket names doubling through Fn::Join, forty deep, stop at the value size limit', async () => {
    const buckets = Array.from(
      { length: 40 },
      (_, i) =>
        `  B${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${i === 39 ? 'xxxxxxxx' : `!Join ['', [!Ref B${i + 1}, !Ref B${i + 1}]]`}\n`,
    );
    const dir = await repository({ 't.yaml': `Resources:\n${buckets.join('')}${adminCfn('Admin')}` });
    await scan(dir, {
      code: 3,
      problems: [/^t\.yaml:2: resource B0 at line 2: .* expands past 4,000,000 .*; not read$/],
      violations: [ADMIN('Admin')],
    });
  });

  it('a huge list parameter read by many Refs costs its size once, not once per Ref', async () => {
    const tags = Array.from({ length: 300 }, (_, i) => `{Key: t${i}, Value: !Select [0, !Ref Big]}`).join(
      ', ',
    );
    const dir = await repository({
      't.yaml': `Parameters:\n  Big:\n    Type: CommaDelimitedList\n    Default: "${'a,'.repeat(200_000)}a"\nResources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [${tags}]\n${adminCfn('Admin')}`,
    });
    await scan(dir, { code: 1, violations: [ADMIN('Admin'), ['DW-AWS-SNS-001', 'aws_sns_topic.R']] });
  });

  it('a 1.9 MB template on one line is read', async () => {
    const resources = Array.from({ length: 45_000 }, (_, i) => `"P${i}":{"Type":"AWS::Lambda::Permission"}`);
    const text = `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{${resources.join(',')}}}`;
    expect(text.length).toBeGreaterThan(1_900_000);
    expect(text.length).toBeLessThan(LIMITS.fileBytes);
    const dir = await repository({ 'big.json': text, 'ok.yaml': `Resources:\n${adminCfn('Admin')}` });
    await scan(dir, { code: 1, violations: [ADMIN('Admin')] });
  });
});

describe('hostile ARM templates', CASE, () => {
  it('a copy count of 1e9 from a parameter default is read once as [*]; the role beside it is checked', async () => {
    const dir = await repository({
      't.json': arm(
        [
          {
            ...account,
            name: "[concat('st', copyIndex())]",
            copy: { name: 'many', count: "[parameters('n')]" },
          },
          role,
        ],
        { parameters: { n: { type: 'int', defaultValue: 1_000_000_000 } } },
      ),
    });
    await scan(dir, {
      code: 3,
      problems: [
        "t.json:11: the copy count of Microsoft.Storage/storageAccounts is 1,000,000,000, more than 800 (ARM's limit); read as one resource whose per-copy values are unknown",
      ],
      violations: [AZ_ADMIN],
    });
  });

  it('nested copies multiplying to 640,000 are held to 10,000', async () => {
    const child = {
      type: 'blobServices',
      apiVersion: '2023-05-01',
      name: "[concat('b', copyIndex('inner'))]",
    };
    const dir = await repository({
      't.json': arm([
        {
          ...account,
          name: "[concat('st', copyIndex())]",
          copy: { name: 'outer', count: 800 },
          resources: [{ ...child, copy: { name: 'inner', count: 800 } }],
        },
        role,
      ]),
    });
    await scan(dir, {
      code: 3,
      problems: [
        /^t\.json:14: the copy count of Microsoft\.Storage\/storageAccounts\/blobServices is 800, which with its parents' copies makes 640,000, more than 10,000/,
      ],
      violations: [AZ_ADMIN],
    });
  });

  it('property copy loops nested three deep (800 ** 3) and variables doubling forty times stop at the size limit', async () => {
    const loop = (name: string, input: unknown) => ({ copy: [{ name, count: 800, input }] });
    const variables = Object.fromEntries([
      ['v0', ['x']],
      ...Array.from({ length: 40 }, (_, i) => [
        `v${i + 1}`,
        `[concat(variables('v${i}'), variables('v${i}'))]`,
      ]),
    ]);
    const dir = await repository({
      'loops.json': arm([{ ...account, name: 'st', tags: loop('a', loop('b', loop('c', 'x'))) }, role]),
      'vars.json': arm([{ ...account, name: 'st2', tags: { big: "[variables('v40')]" } }], { variables }),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'loops.json:5: tags of Microsoft.Storage/storageAccounts: an object expands past 4,000,000 bytes as JSON; read as unknown',
        /^vars\.json:\d+: tags of Microsoft\.Storage\/storageAccounts: concat\(\) expands past 4,000,000 bytes as JSON; read as unknown$/,
      ],
      violations: [AZ_ADMIN],
    });
  });

  it('range(0, 2147483647), a 10,000-long range as a count, and createArray doubling forty times stay bounded', async () => {
    const variables = Object.fromEntries([
      ['v0', ['x']],
      ...Array.from({ length: 40 }, (_, i) => [
        `v${i + 1}`,
        `[createArray(variables('v${i}'), variables('v${i}'))]`,
      ]),
    ]);
    const dir = await repository({
      'range.json': arm([
        { ...account, name: 'st', tags: { all: '[range(0, 2147483647)]' } },
        {
          ...account,
          name: "[concat('st', copyIndex())]",
          copy: { name: 'n', count: '[length(range(0, 10000))]' },
        },
        role,
      ]),
      'arrays.json': arm([{ ...account, name: 'st2', tags: { big: "[variables('v40')]" } }], { variables }),
    });
    await scan(dir, {
      code: 3,
      problems: [
        "range.json:13: the copy count of Microsoft.Storage/storageAccounts is 10,000, more than 800 (ARM's limit); read as one resource whose per-copy values are unknown",
        /^arrays\.json:\d+: tags of Microsoft\.Storage\/storageAccounts: createArray\(\) expands past 4,000,000 bytes as JSON; read as unknown$/,
      ],
      violations: [AZ_ADMIN],
    });
  });

  it('JSON nested tens of thousands deep, and variables referring to each other 5,000 deep, are named', async () => {
    const variables = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`v${i}`, i === 4999 ? 'end' : `[variables('v${i + 1}')]`]),
    );
    const dir = await repository({
      'deep.json': `{"$schema": "${SCHEMA}",\n"resources": [${deep('[', ']')}]}`,
      'chain.json': arm([{ ...account, name: "[variables('v0')]" }, role], { variables }),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'deep.json:2: malformed JSON at column 113: nested deeper than 100 levels',
        'chain.json:5007: Microsoft.Storage/storageAccounts: nested deeper than 100 levels (values, expressions and the variables they read); not read',
      ],
      violations: [AZ_ADMIN],
    });
  });
});

describe('hostile files', CASE, () => {
  it('a 3 MB CloudFormation template on one line is skipped as too large, named', async () => {
    const text = `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":"${'x'.repeat(3_000_000)}"}}}}`;
    const dir = await repository({ 'huge.json': text, 'ok.yaml': `Resources:\n${adminCfn('Admin')}` });
    await scan(dir, {
      code: 3,
      problems: ['huge.json: larger than 2 MiB, the bound for a CloudFormation template; skipped'],
      violations: [ADMIN('Admin')],
    });
  });

  it('an ARM template compiled from Bicep past 2 MiB is read; a JSON file past 16 MiB is skipped, named', async () => {
    const padding = Array.from({ length: 3_000 }, (_, i) => ({
      type: 'Microsoft.Resources/tags',
      apiVersion: '2021-04-01',
      name: `default${i}`,
      properties: { tags: { note: 'x'.repeat(1_000) } },
    }));
    const bicep = arm([...padding, role]);
    expect(bicep.length).toBeGreaterThan(LIMITS.fileBytes);
    const huge = `{"note": "${'x'.repeat(LIMITS.jsonFileBytes)}"}`;
    const dir = await repository({ 'main.json': bicep, 'huge.json': huge });
    await scan(dir, {
      code: 3,
      problems: ['huge.json: larger than 16 MiB; skipped'],
      violations: [AZ_ADMIN],
    });
  });

  it('NUL bytes: a binary file is skipped, NULs later in a file are read as text', async () => {
    const dir = await repository({
      'a.tf': `\0${adminHcl('hidden')}`,
      'b.yaml': `Resources:\n${'# padding\n'.repeat(1000)}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: "a\0b"\n${adminCfn('Admin')}`,
      'c.tf': `${'# padding\n'.repeat(1000)}${adminHcl('ok')}`,
    });
    await scan(dir, {
      code: 3,
      problems: ['a.tf: binary content; skipped'],
      violations: [ADMIN('Admin'), ADMIN('aws_iam_policy.ok')],
    });
  });

  it('an admin policy under names git quotes is found, in the working tree and at a ref', async () => {
    const names = ['infra-ü', 'tab\there', 'quote"d', 'back\\slash'];
    const dir = await repository(
      Object.fromEntries(names.map((name, n) => [`${name}/main.tf`, adminHcl(`p${n}`)])),
    );
    // Each folder is a root module of its own, keyed under its directory.
    const expected = names.map((name, n) => ADMIN(`(${name}).aws_iam_policy.p${n}`));
    await scan(dir, { code: 1, violations: expected });
    await scan(dir, { code: 1, violations: expected }, ['--ref', 'HEAD']);
  });

  it('symbolic links out of the repository are refused, in the working tree and at a ref', async () => {
    const outside = tempDir({ 'admin.tf': adminHcl('outside') });
    const dir = await repository({ 'ok.tf': adminHcl('ok') }, (d) => {
      symlinkSync('/etc/passwd', join(d, 'etc.tf'));
      symlinkSync(join(outside, 'admin.tf'), join(d, 'admin.tf'));
      symlinkSync(outside, join(d, 'linked'));
    });
    const expected: Expected = {
      code: 3,
      problems: [
        'admin.tf: symbolic link leads outside the repository; not followed',
        'etc.tf: symbolic link leads outside the repository; not followed',
        'linked: symbolic link leads outside the repository; not followed',
      ],
      violations: [ADMIN('aws_iam_policy.ok')],
      absent: ['aws_iam_policy.outside', 'root:'],
    };
    await scan(dir, expected);
    await scan(dir, expected, ['--ref', 'HEAD']);
  });

  it('a named pipe in place of a tracked file is refused, not read forever', async () => {
    const dir = await repository({ 'pipe.tf': adminHcl('pipe'), 'ok.tf': adminHcl('ok') });
    rmSync(join(dir, 'pipe.tf'));
    execFileSync('mkfifo', [join(dir, 'pipe.tf')]);
    await scan(dir, {
      code: 3,
      problems: ['pipe.tf: not a regular file; skipped'],
      violations: [ADMIN('aws_iam_policy.ok')],
    });
  });

  it('a file of two million blank lines does not take quadratic time', async () => {
    const dir = await repository({
      'blank.yaml': '\n'.repeat(2_000_000),
      'ok.yaml': `Resources:\n${adminCfn('Admin')}`,
    });
    await scan(dir, { code: 1, violations: [ADMIN('Admin')] });
  });
});

describe('hostile names and strings', CASE, () => {
  it('__proto__ and constructor as resource names, attributes, tags and template keys change nothing', async () => {
    const dir = await repository({
      'main.tf': `variable "constructor" {\n  default = "c"\n}\nresource "aws_iam_policy" "__proto__" {\n  name   = "x"\n  tags   = { __proto__ = "a", constructor = var.constructor, toString = var.toString }\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n${adminHcl('constructor')}`,
      't.yaml': `Mappings:\n  constructor:\n    prototype:\n      x: y\nResources:\n${adminCfn('__proto__')}${adminCfn('constructor')}  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref constructor\n      Tags:\n        - Key: __proto__\n          Value: !FindInMap [constructor, prototype, x]\n`,
      'arm.json': arm(
        [
          { ...account, name: '__proto__', tags: { constructor: "[parameters('constructor')]" } },
          { ...role, name: 'constructor' },
        ],
        { parameters: { constructor: { type: 'string', defaultValue: 'c' } } },
      ),
    });
    const report = await scan(dir, {
      code: 1,
      violations: [
        ADMIN('aws_iam_policy.__proto__'),
        ADMIN('aws_iam_policy.constructor'),
        ADMIN('__proto__'),
        ADMIN('constructor'),
        ['DW-AZ-IAM-001', 'azurerm_role_definition.microsoft.authorization/roledefinitions/constructor'],
      ],
    });
    expect(report.scan.complete).toBe(true);
  });

  it('lone UTF-16 surrogates in strings and keys do not stop the policies', async () => {
    const dir = await repository({
      't.json':
        '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"P\\ud800": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"Description": "\\udc00", "PolicyDocument": {"Statement": [{"Sid": "\\ud800", "Effect": "Allow", "Action": "*", "Resource": "*"}]}}}}}',
      'arm.json': arm([{ ...role, properties: { ...role.properties, description: 'x\ud800' } }]),
      'ok.tf': adminHcl('ok'),
    });
    const report = await scan(dir, {
      code: 1,
      violations: [ADMIN('P\uFFFD'), AZ_ADMIN, ADMIN('aws_iam_policy.ok')],
    });
    expect(report.scan.complete).toBe(true);
  });

  it('a secret on a line that does not parse is never quoted, in HCL, YAML, JSON or ARM', async () => {
    const dir = await repository({
      'bad.tf': 'resource "aws_db_instance" "d" {\n  password = "PLANTED-hcl-Secret-1" +\n}\n',
      'bad2.tf': 'resource "x" "y" {\n  "PLANTED-hcl-Secret-2" = 1\n}\n',
      'bad.yaml':
        'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: "\\q PLANTED-yaml-Secret-3"\n',
      'tag.yaml':
        'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !PLANTED-yaml-Secret-4 x\n',
      'bad.json':
        '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": PLANTED-json-Secret-5}}}}',
      'bad-arm.json': `{"$schema": "${SCHEMA}", "resources": [{"type": "a", "apiVersion": "1", "name": PLANTED-arm-Secret-6}]}`,
      'ok.tf': adminHcl('ok'),
    });
    await scan(dir, {
      code: 3,
      problems: [
        'bad.tf:2: cannot parse HCL at line 2, column 38: Invalid expression',
        'bad.yaml:5: invalid YAML at line 5, column 20: an invalid escape in a double-quoted string',
        'tag.yaml:5: YAML warning at line 5: a tag this reader does not know',
        /^bad\.json:1: invalid JSON at line 1, column \d+: unexpected character$/,
        /^bad-arm\.json:1: malformed JSON at column \d+: expected a value$/,
      ],
      violations: [ADMIN('aws_iam_policy.ok')],
      absent: ['PLANTED'],
    });
  });
});

describe('the limits are documented', () => {
  it('connectors/iac/README.md states each limit as limits.ts enforces it', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../connectors/iac/README.md'), 'utf8');
    const table = new Map(
      [...readme.matchAll(/^\| `(\w+)` \| ([\d,.]+ ?(?:MiB)?) \|/gm)].map((m) => [m[1], m[2]?.trim()]),
    );
    const shown = (value: number) =>
      value >= 1024 * 1024 && value % (1024 * 1024) === 0
        ? `${value / 1024 / 1024} MiB`
        : value.toLocaleString('en');
    expect(Object.fromEntries(table)).toEqual(
      Object.fromEntries(Object.entries(LIMITS).map(([name, value]) => [name, shown(value)])),
    );
  });
});
