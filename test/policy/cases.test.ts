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
