import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * fixtures/compliance-corpus, scored by `npm run bench:compliance`, stays whole: every repository in it is labelled,
 * every label names a repository that exists, a rule of the library and a resource, and no rule is labelled twice
 * in one repository (the benchmark judges a rule on a repository: a tool's finding is placed by its file). (What driftwarden finds on it is the benchmark's business, not a test's: the corpus measures
 * the rules, it is not written to their output.)
 */
const corpus = join(import.meta.dirname, '../../fixtures/compliance-corpus');
const FORMS = ['hcl', 'cloudformation', 'arm'];

interface Labels {
  cases: { dir: string; labels: { rule: string; violating: boolean; resource: string }[] }[];
}

const { cases } = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8')) as Labels;
const rules = new Set(
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../../policies/dist/catalogue.json'), 'utf8')) as {
      rules: { id: string }[];
    }
  ).rules.map((rule) => rule.id),
);

describe('the independent compliance corpus', () => {
  it('labels every repository in it, and only those', () => {
    const onDisk = FORMS.flatMap((form) =>
      readdirSync(join(corpus, form))
        .filter((name) => statSync(join(corpus, form, name)).isDirectory())
        .map((name) => `${form}/${name}`),
    ).sort();
    expect(cases.map((c) => c.dir).sort()).toEqual(onDisk);
    for (const { dir } of cases) expect(readdirSync(join(corpus, dir)).length, dir).toBeGreaterThan(0);
  });

  it('names a rule of the library, a resource and a verdict in every label, each rule once a repository', () => {
    const unknownRules = cases.flatMap((c) =>
      c.labels.filter((l) => !rules.has(l.rule)).map((l) => `${c.dir} ${l.rule}`),
    );
    expect(unknownRules).toEqual([]);
    for (const { dir, labels } of cases) {
      expect(labels.length, dir).toBeGreaterThan(0);
      for (const label of labels) {
        expect(typeof label.violating, `${dir} ${label.rule}`).toBe('boolean');
        expect(label.resource, `${dir} ${label.rule}`).toMatch(/\S/);
      }
      const labelled = labels.map((l) => l.rule);
      expect(new Set(labelled).size, dir).toBe(labelled.length);
    }
  });

  it('holds at least 300 labels across the three forms, violating and clean', () => {
    const all = cases.flatMap((c) => c.labels.map((l) => ({ ...l, form: c.dir.split('/')[0] })));
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const form of FORMS)
      for (const violating of [true, false])
        expect(
          all.filter((l) => l.form === form && l.violating === violating).length,
          `${form} ${violating}`,
        ).toBeGreaterThan(10);
  });
});
