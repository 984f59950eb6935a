import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { plan } from '../helpers/plan.js';
import { type ResourceSpec, state } from '../helpers/state.js';

/**
 * Runs every fixtures/policy-cases/<RULE>.json case through the whole pipeline and the compiled bundle, in every
 * form a rule's resources take: Terraform state, a live snapshot, a Terraform JSON plan, Terraform HCL, and
 * CloudFormation (AWS rules) or ARM templates (Azure rules), each read by its own connector through the CLI.
 */
type Form = 'state' | 'live' | 'plan' | 'hcl' | 'cloudformation' | 'arm';
type CodeForm = Extract<Form, 'hcl' | 'cloudformation' | 'arm'>;

interface CaseResource {
  type: string;
  id?: string;
  name?: string;
  module?: string;
  attributes: Record<string, unknown>;
  /** plan: top-level attributes known only after apply. */
  unknown?: string[];
  /** plan: the planned action (default no-op). */
  action?: 'create' | 'update' | 'no-op';
}

interface PolicyCase {
  name: string;
  form: Form;
  /** state, live and plan */
  resources?: CaseResource[];
  /** hcl, cloudformation and arm: the repository's files */
  files?: Record<string, string>;
  expect: { key: string; path: string }[];
  /** The scanner reports something else today; the case is expected to fail until the mapping is fixed. */
  knownGap?: string;
}

interface CatalogueRule {
  id: string;
  resourceTypes: string[];
}

/**
 * Where a form cannot express a rule's case at all (no such resource type or property in that language), and
 * why. Every other rule has a failing and a passing case in each of its forms. An entry a rule no longer needs
 * fails the check below, so the table only shrinks.
 */
const EXEMPT: { rule: string; form: Form; kind: 'failing' | 'passing'; reason: string }[] = [
  // CloudFormation and ARM have a resource type, and the property, for every other rule's case. Where a mapping
  // does not read one yet, the case is there and marked knownGap instead.
  {
    rule: 'DW-AZ-KEYVAULT-002',
    form: 'live',
    kind: 'failing',
    reason:
      'the live ARM mapping of a vault does not read properties.accessPolicies (key-vault.ts: the inline block and azurerm_key_vault_access_policy share the list), so live data never carries access_policy',
  },
  ...(['hcl', 'cloudformation'] as const).map((form) => ({
    rule: 'DW-AWS-IAM-027',
    form,
    kind: 'failing' as const,
    reason:
      "code does not say which account the role is created in (its ARN is known only after apply), so an account a trust policy names may be the role's own",
  })),
  {
    rule: 'DW-AWS-LAMBDA-001',
    form: 'live',
    kind: 'failing',
    reason:
      "AWS Config's Lambda item does not carry the environment (never read: its values are secrets), so live data cannot say a function has variables",
  },
  ...(['state', 'live', 'plan'] as const).map((form) => ({
    rule: 'DW-AWS-BACKUP-001',
    form,
    kind: 'failing' as const,
    reason:
      'a vault created without kms_key_arn holds the ARN of the aws/backup key it was given (key/<id>, not its alias), which does not say who manages the key; a plan leaves it unknown',
  })),
  ...(['failing', 'passing'] as const).map((kind) => ({
    rule: 'DW-AWS-ELASTICACHE-001',
    form: 'live' as const,
    kind,
    reason:
      'AWS Config does not record ElastiCache (botocore config ResourceType has no AWS::ElastiCache type)',
  })),
  ...(['failing', 'passing'] as const).map((kind) => ({
    rule: 'DW-AWS-LAMBDA-050',
    form: 'live' as const,
    kind,
    reason:
      "AWS Config records no Lambda permission type, and the AWS::Lambda::Function item does not carry the function's policy",
  })),
  ...(['failing', 'passing'] as const).map((kind) => ({
    rule: 'DW-AWS-SECRETSMANAGER-050',
    form: 'live' as const,
    kind,
    reason:
      "AWS Config's AWS::SecretsManager::Secret item is DescribeSecret's shape, which carries no resource policy (GetResourcePolicy does)",
  })),
  ...(['state', 'live', 'plan'] as const).map((form) => ({
    rule: 'DW-AWS-MSK-001',
    form,
    kind: 'failing' as const,
    reason:
      'a cluster created without encryption_at_rest_kms_key_arn holds the ARN of the aws/kafka key it was given (key/<id>, not its alias), which does not say who manages the key; a plan leaves it unknown',
  })),
  // EC2 and RDS report the key an encrypted volume or database got as an ARN, the AWS-managed aws/ebs or aws/rds
  // key's too, and Terraform records it so: only code (an absent key id or an alias/aws/* alias) says which it is.
  ...(['DW-AWS-EBS-002', 'DW-AWS-RDS-003', 'DW-AWS-RDS-004'] as const).flatMap((rule) =>
    (['state', 'live', 'plan'] as const).map((form) => ({
      rule,
      form,
      kind: 'failing' as const,
      reason:
        'the key is recorded as an ARN, which does not say whether it is AWS-managed; a new resource without a key id has it only after apply',
    })),
  ),
  ...(['DW-AWS-EBS-003', 'DW-AWS-EBS-004'] as const).flatMap((rule) =>
    (['live', 'cloudformation'] as const).flatMap((form) =>
      (['failing', 'passing'] as const).map((kind) => ({
        rule,
        form,
        kind,
        reason:
          'an account and region setting: CloudFormation has no resource for it and AWS Config does not record it',
      })),
    ),
  ),
  ...(['failing', 'passing'] as const).map((kind) => ({
    rule: 'DW-AWS-LOGS-001',
    form: 'live' as const,
    kind,
    reason:
      'AWS Config does not record log groups (botocore config ResourceType has AWS::Logs::Destination only)',
  })),
  ...(
    [
      [
        'DW-AWS-SECRETS-001',
        "the AWS Config mapping never reads a function's environment (src/model/types/aws/lambda-function.ts)",
      ],
      [
        'DW-AWS-SECRETS-003',
        "AWS Config's AWS::EC2::Instance and AWS::EC2::LaunchTemplate items carry no user data",
      ],
      [
        'DW-AZ-SECRETS-001',
        'the Azure live readers leave app settings out at the source (a list action, not a GET)',
      ],
    ] as const
  ).flatMap(([rule, reason]) =>
    (['failing', 'passing'] as const).map((kind) => ({ rule, form: 'live' as const, kind, reason })),
  ),
];

const CODE_FILES: Record<CodeForm, RegExp> = {
  hcl: /\.tf$/,
  cloudformation: /\.(ya?ml|json|template)$/,
  arm: /\.json$/,
};

const casesDir = join(import.meta.dirname, '../../fixtures/policy-cases');
const catalogue = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../policies/dist/catalogue.json'), 'utf8'),
) as { rules: CatalogueRule[] };
const files = readdirSync(casesDir).filter((name) => name.endsWith('.json'));
const suites = files.map(
  (file) => JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as { rule: string; cases: PolicyCase[] },
);

/** AWS rules are written in CloudFormation, Azure rules in ARM templates. */
function formsOf(rule: CatalogueRule): Form[] {
  const azure = rule.resourceTypes.every((type) => type.startsWith('azurerm_'));
  return ['state', 'live', 'plan', 'hcl', azure ? 'arm' : 'cloudformation'];
}

function isCodeForm(form: Form): form is CodeForm {
  return form === 'hcl' || form === 'cloudformation' || form === 'arm';
}

function resourcesOf(policyCase: PolicyCase): CaseResource[] {
  if (!policyCase.resources) throw new Error(`${policyCase.name}: a ${policyCase.form} case needs resources`);
  return policyCase.resources;
}

function inputFor(policyCase: PolicyCase): { files: Record<string, string>; args: string[] } {
  const { form } = policyCase;
  if (isCodeForm(form)) {
    const code = policyCase.files ?? {};
    const names = Object.keys(code);
    if (names.length === 0 || !names.every((name) => CODE_FILES[form].test(name)))
      throw new Error(`${policyCase.name}: a ${form} case needs files matching ${CODE_FILES[form]}`);
    return { files: code, args: ['--repo', '.'] };
  }
  if (form === 'state') {
    const resources: ResourceSpec[] = resourcesOf(policyCase).map((r, index) => ({
      type: r.type,
      name: r.name ?? `r${index}`,
      ...(r.module ? { module: r.module } : {}),
      instances: [{ attributes: r.attributes }],
    }));
    return { files: { 'case.tfstate': state(resources) }, args: ['--state', 'case.tfstate'] };
  }
  if (form === 'plan') {
    const planned = resourcesOf(policyCase).map((r, index) => ({
      type: r.type,
      name: r.name ?? `r${index}`,
      values: r.attributes,
      ...(r.module ? { module: r.module } : {}),
      ...(r.unknown ? { unknown: r.unknown } : {}),
      ...(r.action ? { action: r.action } : {}),
    }));
    return { files: { 'plan.json': plan(planned) }, args: ['--plan', 'plan.json'] };
  }
  const snapshot = {
    snapshotVersion: 1,
    coveredTypes: ['*'],
    resources: resourcesOf(policyCase).map(({ type, id, attributes }) => ({ type, id, attributes })),
  };
  return { files: { 'live.json': JSON.stringify(snapshot) }, args: ['--live', 'snapshot:live.json'] };
}

describe('every rule in the catalogue has a failing and a passing case in each of its forms', () => {
  it.each(catalogue.rules)('$id', (rule) => {
    const suite = suites.find((s) => s.rule === rule.id);
    expect(suite, `fixtures/policy-cases/${rule.id}.json is missing`).toBeDefined();
    for (const form of formsOf(rule)) {
      const cases = suite?.cases.filter((c) => c.form === form) ?? [];
      const kinds = {
        failing: cases.some((c) => c.expect.length > 0),
        passing: cases.some((c) => c.expect.length === 0),
      };
      for (const kind of ['failing', 'passing'] as const) {
        const exempt = EXEMPT.some((e) => e.rule === rule.id && e.form === form && e.kind === kind);
        expect(kinds[kind], `${rule.id}: ${exempt ? 'exempt from' : 'no'} ${kind} ${form} case`).toBe(
          !exempt,
        );
      }
    }
    const stray = suite?.cases.filter((c) => !formsOf(rule).includes(c.form)) ?? [];
    expect(
      stray.map((c) => `${c.form}: ${c.name}`),
      `${rule.id}: cases in a form its rule does not take`,
    ).toEqual([]);
  });
});

it('every exemption names a rule of the catalogue, one of its forms, and why', () => {
  for (const exemption of EXEMPT) {
    const rule = catalogue.rules.find((r) => r.id === exemption.rule);
    expect(rule, exemption.rule).toBeDefined();
    expect(rule && formsOf(rule), exemption.rule).toContain(exemption.form);
    expect(exemption.reason.trim(), exemption.rule).not.toBe('');
  }
});

interface Found {
  key: string;
  path: string;
  origin: string;
}

const sortKey = (a: { key: string; path: string }) => `${a.key} ${a.path}`;
const byKey = (a: { key: string; path: string }, b: { key: string; path: string }) =>
  sortKey(a).localeCompare(sortKey(b));

describe.each(suites)('$rule', ({ rule, cases }) => {
  for (const policyCase of cases) {
    // A known gap is expected to fail, so that the fix turns it red and the mark gets removed.
    const define = policyCase.knownGap ? it.fails : it;
    const gap = policyCase.knownGap ? ` (known gap: ${policyCase.knownGap})` : '';
    define(`${policyCase.form}: ${policyCase.name}${gap}`, async () => {
      const { files: inputFiles, args } = inputFor(policyCase);
      const cwd = tempDir(inputFiles);
      if (isCodeForm(policyCase.form)) execFileSync('git', ['init', '--quiet'], { cwd });
      const result = await runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.scan.complete).toBe(true);
      expect(report.scan.policies.failed).toEqual([]);
      // A case passes only on resources that were read: a type no mapping knows is no pass.
      const side = policyCase.form === 'live' ? 'live' : 'declared';
      const read = report.scan.sources
        .filter((source: { side: string }) => source.side === side)
        .reduce((sum: number, source: { resources: number }) => sum + source.resources, 0);
      expect(read, 'resources read').toBeGreaterThan(0);
      const found: Found[] = report.violations
        .filter((v: { ruleId: string }) => v.ruleId === rule)
        .map((v: { key: string; path?: string; origin: string }) => ({
          key: v.key,
          path: v.path ?? '',
          origin: v.origin,
        }));
      expect(found.sort(byKey)).toEqual(policyCase.expect.map((e) => ({ ...e, origin: side })).sort(byKey));
    });
  }
});

/**
 * A lone UTF-16 surrogate (valid in a JS string and in JSON text as `\ud800`, rejected by the Wasm JSON parser) used
 * to fail every rule of its resource's type for the whole scan. The rules now see U+FFFD in its place.
 */
describe('a lone surrogate in an attribute', () => {
  const admin = (name: string, tags: Record<string, string>) => ({
    id: `arn:aws:iam::111122223333:policy/${name}`,
    arn: `arn:aws:iam::111122223333:policy/${name}`,
    name,
    path: '/',
    policy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    tags,
  });

  it('leaves the resource judged on its policy document, and every other resource and rule evaluated', async () => {
    const cwd = tempDir({
      'case.tfstate': state([
        {
          type: 'aws_iam_policy',
          name: 'tagged',
          instances: [{ attributes: admin('tagged', { Name: 'ops\uD800' }) }],
        },
        {
          type: 'aws_iam_policy',
          name: 'keyed',
          instances: [{ attributes: admin('keyed', { '\uDC00team': 'x', pair: 'ok \uD83D\uDE00' }) }],
        },
        { type: 'aws_iam_policy', name: 'plain', instances: [{ attributes: admin('plain', {}) }] },
        {
          type: 'aws_ebs_volume',
          name: 'data',
          instances: [{ attributes: { id: 'vol-1', encrypted: false, size: 1, tags: { Name: '\uDBFF' } } }],
        },
      ]),
    });
    const result = await runCli(
      ['scan', '--state', 'case.tfstate', '--format', 'json', '--fail-on', 'none'],
      {
        cwd,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.scan.policies.failed).toEqual([]);
    expect(report.scan.complete).toBe(true);
    const found = report.violations
      .filter((v: { ruleId: string }) => ['DW-AWS-IAM-001', 'DW-AWS-EBS-001'].includes(v.ruleId))
      .map((v: { ruleId: string; key: string }) => `${v.ruleId} ${v.key}`)
      .sort();
    expect(found).toEqual([
      'DW-AWS-EBS-001 aws_ebs_volume.vol-1',
      'DW-AWS-IAM-001 aws_iam_policy.arn:aws:iam::111122223333:policy/keyed',
      'DW-AWS-IAM-001 aws_iam_policy.arn:aws:iam::111122223333:policy/plain',
      'DW-AWS-IAM-001 aws_iam_policy.arn:aws:iam::111122223333:policy/tagged',
    ]);
  });

  it('in a resource id: the finding names the resource by its own key, and two ids that differ only there stay two', async () => {
    const cwd = tempDir({
      'case.tfstate': state([
        { type: 'aws_iam_policy', name: 'a', instances: [{ attributes: admin('odd\uD800', {}) }] },
        { type: 'aws_iam_policy', name: 'b', instances: [{ attributes: admin('odd\uD801', {}) }] },
      ]),
    });
    const result = await runCli(
      ['scan', '--state', 'case.tfstate', '--format', 'json', '--fail-on', 'none'],
      {
        cwd,
      },
    );
    const report = JSON.parse(result.stdout);
    expect(report.scan.policies.failed).toEqual([]);
    expect(
      report.violations
        .filter((v: { ruleId: string }) => v.ruleId === 'DW-AWS-IAM-001')
        .map((v: { key: string }) => v.key)
        .sort(),
    ).toEqual([
      'aws_iam_policy.arn:aws:iam::111122223333:policy/odd\uD800',
      'aws_iam_policy.arn:aws:iam::111122223333:policy/odd\uD801',
    ]);
  });
});
