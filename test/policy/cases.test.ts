import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { type ResourceSpec, state } from '../helpers/state.js';

/** Runs every fixtures/policy-cases/<RULE>.json case through the whole pipeline and the compiled bundle. */
interface PolicyCase {
  name: string;
  form: 'state' | 'live';
  resources: {
    type: string;
    id?: string;
    name?: string;
    module?: string;
    attributes: Record<string, unknown>;
  }[];
  expect: { key: string; path: string }[];
}

const casesDir = join(import.meta.dirname, '../../fixtures/policy-cases');
const catalogue = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../policies/dist/catalogue.json'), 'utf8'),
) as {
  rules: { id: string }[];
};
const files = readdirSync(casesDir).filter((name) => name.endsWith('.json'));
const suites = files.map(
  (file) => JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as { rule: string; cases: PolicyCase[] },
);

function inputFor(policyCase: PolicyCase): { files: Record<string, string>; args: string[] } {
  if (policyCase.form === 'state') {
    const resources: ResourceSpec[] = policyCase.resources.map((r, index) => ({
      type: r.type,
      name: r.name ?? `r${index}`,
      ...(r.module ? { module: r.module } : {}),
      instances: [{ attributes: r.attributes }],
    }));
    return { files: { 'case.tfstate': state(resources) }, args: ['--state', 'case.tfstate'] };
  }
  const snapshot = {
    snapshotVersion: 1,
    coveredTypes: ['*'],
    resources: policyCase.resources.map(({ type, id, attributes }) => ({ type, id, attributes })),
  };
  return { files: { 'live.json': JSON.stringify(snapshot) }, args: ['--live', 'snapshot:live.json'] };
}

describe('every rule in the catalogue has cases in both forms', () => {
  it.each(catalogue.rules.map((rule) => rule.id))('%s', (id) => {
    const suite = suites.find((s) => s.rule === id);
    expect(suite, `fixtures/policy-cases/${id}.json is missing`).toBeDefined();
    for (const form of ['state', 'live'] as const) {
      const cases = suite?.cases.filter((c) => c.form === form) ?? [];
      expect(
        cases.some((c) => c.expect.length > 0),
        `${id}: no failing ${form} case`,
      ).toBe(true);
      expect(
        cases.some((c) => c.expect.length === 0),
        `${id}: no passing ${form} case`,
      ).toBe(true);
    }
  });
});

describe.each(suites)('$rule', ({ rule, cases }) => {
  it.each(cases)('$form: $name', async (policyCase) => {
    const { files: inputFiles, args } = inputFor(policyCase);
    const cwd = tempDir(inputFiles);
    const result = await runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.scan.policies.failed).toEqual([]);
    const found = report.violations
      .filter((v: { ruleId: string }) => v.ruleId === rule)
      .map((v: { key: string; path?: string; origin: string }) => ({
        key: v.key,
        path: v.path ?? '',
        origin: v.origin,
      }));
    const origin = policyCase.form === 'state' ? 'declared' : 'live';
    const sortKey = (a: { key: string; path: string }) => `${a.key} ${a.path}`;
    expect(
      found.sort((a: { key: string; path: string }, b: { key: string; path: string }) =>
        sortKey(a).localeCompare(sortKey(b)),
      ),
    ).toEqual(
      policyCase.expect.map((e) => ({ ...e, origin })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });
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
