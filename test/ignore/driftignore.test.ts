import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreRules, loadIgnoreRules } from '../../src/ignore/index.js';
import { parseIgnoreLines } from '../../src/ignore/parse.js';
import type { Diagnostic } from '../../src/model/report.js';
import { tempDir } from '../helpers/cli.js';

function rules(text: string): IgnoreRules {
  return new IgnoreRules(parseIgnoreLines(text.split('\n'), (i) => `.driftignore:${i + 1}`).rules);
}

const r = (type: string, id: string, provider = type.split('_')[0] ?? '') => ({ type, id, provider });

// Cases from driftctl's pkg/filter/driftignore_test.go and its testdata/*.driftignore files, so that a driftctl
// user's file behaves the same here.
describe('.driftignore: driftctl compatibility', () => {
  it('drift_ignore_valid', () => {
    const ignore = rules(
      [
        'ignored_resource.id2',
        'wildcard_resource.*',
        'resource_type.id\\.with\\.dots',
        'resource_type.idwith\\\\',
        'resource_type.idwith\\\\backslashes',
        '',
      ].join('\n'),
    );
    const cases: [string, string, boolean][] = [
      ['type1', 'id1', false],
      ['wildcard_resource', 'id1/with/slash', true],
      ['wildcard_resource', 'id1', true],
      ['wildcard_resource', 'id2', true],
      ['ignored_resource', 'id2', true],
      ['resource_type', 'id.with.dots', true],
      ['resource_type', 'idwith\\', true],
      ['resource_type', 'idwith\\backslashes', true],
    ];
    for (const [type, id, want] of cases)
      expect([type, id, ignore.isResourceIgnored(r(type, id))]).toEqual([type, id, want]);
  });

  it('drift_ignore_wildcard', () => {
    const ignore = rules(
      '*2**.**d1*\ntype3.id1***0\n*.id\\\\WithBa*slas*\\\\**\\\\\n\n# this is *** comment\n',
    );
    const cases: [string, string, boolean][] = [
      ['type1', 'id1', false],
      ['type2', 'id1', true],
      ['type2', 'id11', true],
      ['type2', 'id2', false],
      ['type3', 'id100', true],
      ['type3', 'id101', false],
      ['type4', 'id\\WithBac*slash***\\*\\', true],
    ];
    for (const [type, id, want] of cases)
      expect([type, id, ignore.isResourceIgnored(r(type, id))]).toEqual([type, id, want]);
  });

  it('drift_ignore_all_exclude: "*" then "!" negation', () => {
    const ignore = rules('*\n!iam_user.*\n');
    expect(ignore.isResourceIgnored(r('type1', 'id1'))).toBe(true);
    expect(ignore.isResourceIgnored(r('type3', 'id101'))).toBe(true);
    expect(ignore.isResourceIgnored(r('iam_user', 'id\\WithBac*slash***\\*\\'))).toBe(false);
    expect(ignore.isResourceIgnored(r('some_type', 'idwith/slash/'))).toBe(true);
  });

  it('negation of one resource, with slashes in the id', () => {
    const ignore = rules('*\n!iam_user.*\n!some_type.idwith/slash');
    expect(ignore.isResourceIgnored(r('some_type', 'idwith/slash'))).toBe(false);
    expect(ignore.isResourceIgnored(r('some_type', 'idwith/slash/'))).toBe(true);
  });

  it('type-only rules: "type_*" with "!type_not_ignored"', () => {
    const ignore = rules('type_*\n!type_not_ignored');
    expect(ignore.isResourceIgnored(r('type_ignored', 'x'))).toBe(true);
    expect(ignore.isResourceIgnored(r('type_not_ignored', 'x'))).toBe(false);
  });

  it('"*" with "!aws_s3*" keeps every S3 type', () => {
    const ignore = rules('*\n!aws_s3*');
    expect(ignore.isResourceIgnored(r('aws_s3_bucket', 'b'))).toBe(false);
    expect(ignore.isResourceIgnored(r('aws_s3_access_point', 'b'))).toBe(false);
    expect(ignore.isResourceIgnored(r('aws_route53_delegation_set', 'd'))).toBe(true);
  });

  it('drift_ignore_invalid_lines: junk lines never match real resources', () => {
    const ignore = rules(
      'foobar\n\n4("è-(_ç\'è-ç\'("\nignored_resource.id2\nsdgksdbgjkl\n.id\n\\\n\\\\\n.\n',
    );
    expect(ignore.isResourceIgnored(r('type1', 'id1'))).toBe(false);
    expect(ignore.isResourceIgnored(r('ignored_resource', 'id2'))).toBe(true);
  });

  it('drift_ignore_fields: attribute paths, with wildcards and prefixes', () => {
    const ignore = rules(
      [
        'res_type.full_drift_ignored.json',
        'res_type.full_drift_ignored.foobar',
        'res_type.partial_drift_ignored.foobar',
        'res_type.wildcard_drift_ignored.*.baz',
        'res_type.endofpath_drift_ignored.struct',
        'resource_type.id\\.with\\.dots.json',
        'resource_type.idwith\\\\.json',
        'resource_type.idwith\\\\backslashes.foobar',
      ].join('\n'),
    );
    const cases: [string, string, string[], boolean][] = [
      ['res_type', 'full_drift_ignored', ['json'], true],
      ['res_type', 'full_drift_ignored', ['foobar'], true],
      ['res_type', 'partial_drift_ignored', ['json'], false],
      ['res_type', 'partial_drift_ignored', ['foobar'], true],
      ['resource_type', 'id.with.dots', ['json'], true],
      ['resource_type', 'idwith\\', ['json'], true],
      ['resource_type', 'idwith\\backslashes', ['json'], false],
      ['resource_type', 'idwith\\backslashes', ['foobar'], true],
      ['res_type', 'wildcard_drift_ignored', ['struct', 'baz'], true],
      ['res_type', 'wildcard_drift_ignored', ['struct', 'bar'], false],
      ['res_type', 'endofpath_drift_ignored', ['struct', 'baz'], true],
      ['res_type', 'endofpath_drift_ignored', ['struct', 'bar'], true],
    ];
    for (const [type, id, path, want] of cases) {
      expect([type, id, path, ignore.isAttributeIgnored(r(type, id), path)]).toEqual([type, id, path, want]);
      expect(ignore.isResourceIgnored(r(type, id))).toBe(false);
    }
  });
});

describe('.driftignore: the documented examples', () => {
  const ignore = rules(
    [
      '# Will ignore S3 bucket called my-buckets',
      'aws_s3_bucket.my-buckets',
      '# Will ignore every aws_instance resource',
      'aws_instance.*',
      '# Will ignore environment for all lambda functions',
      'aws_lambda_function.*.environment',
      '# Will ignore the tag Name of one role  ',
      'aws_iam_role.app.tags.Name',
      '# Ids with dots are escaped',
      'aws_iam_user.resource\\.example\\.id',
    ].join('\n'),
  );

  it('ignores resources by type and id, and by type', () => {
    expect(ignore.isResourceIgnored(r('aws_s3_bucket', 'my-buckets'))).toBe(true);
    expect(ignore.isResourceIgnored(r('aws_s3_bucket', 'other'))).toBe(false);
    expect(ignore.isResourceIgnored(r('aws_instance', 'i-0abc'))).toBe(true);
    expect(ignore.isResourceIgnored(r('aws_iam_user', 'resource.example.id'))).toBe(true);
  });

  it('ignores attribute paths and what is below them, case-insensitively as driftctl did', () => {
    expect(
      ignore.isAttributeIgnored(r('aws_lambda_function', 'fn'), ['environment', 'variables', 'KEY']),
    ).toBe(true);
    expect(ignore.isAttributeIgnored(r('aws_lambda_function', 'fn'), ['runtime'])).toBe(false);
    expect(ignore.isAttributeIgnored(r('aws_iam_role', 'app'), ['tags', 'name'])).toBe(true);
    expect(ignore.isAttributeIgnored(r('aws_iam_role', 'app'), ['tags', 'Owner'])).toBe(false);
    expect(ignore.isResourceIgnored(r('aws_iam_role', 'app'))).toBe(false);
  });

  it('a later negation takes an attribute back', () => {
    const withNegation = rules('aws_s3_bucket.*.tags\n!aws_s3_bucket.prod.tags');
    expect(withNegation.isAttributeIgnored(r('aws_s3_bucket', 'dev'), ['tags', 'a'])).toBe(true);
    expect(withNegation.isAttributeIgnored(r('aws_s3_bucket', 'prod'), ['tags', 'a'])).toBe(false);
  });

  it('an unescaped dotted id still ignores the whole resource, as driftctl matched the whole string', () => {
    expect(
      rules('aws_s3_bucket.www.example.com').isResourceIgnored(r('aws_s3_bucket', 'www.example.com')),
    ).toBe(true);
  });

  it('accepts an inline " #" comment after a rule (driftctl issue #1688)', () => {
    const inline = rules(
      'aws_iam_role.foo aws_iam_role.bar # made by hand\naws_iam_role.baz # created manually',
    );
    expect(inline.isResourceIgnored(r('aws_iam_role', 'baz'))).toBe(true);
  });

  it('matches Azure ids case-insensitively', () => {
    const azure = rules('azurerm_storage_account./subscriptions/*/resourceGroups/RG-Prod/*');
    expect(
      azure.isResourceIgnored({
        type: 'azurerm_storage_account',
        id: '/subscriptions/0000/resourcegroups/rg-prod/providers/Microsoft.Storage/storageAccounts/a',
        provider: 'azurerm',
      }),
    ).toBe(true);
    const lower = rules('azurerm_storage_account./subscriptions/*/resourcegroups/rg-prod/*');
    expect(
      lower.isResourceIgnored({
        type: 'azurerm_storage_account',
        id: '/subscriptions/0000/resourceGroups/RG-Prod/providers/Microsoft.Storage/storageAccounts/a',
        provider: 'azurerm',
      }),
    ).toBe(true);
  });

  it('reports rules it cannot parse', () => {
    const parsed = parseIgnoreLines(['.id', 'ok.rule', 'a..b'], (i) => `.driftignore:${i + 1}`);
    expect(parsed.problems.map((p) => p.origin)).toEqual(['.driftignore:1', '.driftignore:3']);
    expect(parsed.rules.map((rule) => rule.text)).toEqual(['ok.rule']);
  });
});

describe('.driftignore: bounded matching', () => {
  it('the last matching rule decides across looked-up and matched rules', () => {
    const ignore = rules('aws_s3_bucket.b\n!aws_s3_bucket.*\naws_s3_bucket.c\n!aws_s3_bucket.c\n*');
    expect(ignore.isResourceIgnored(r('aws_s3_bucket', 'b'))).toBe(true);
    const reordered = rules('*\naws_s3_bucket.b\n!aws_s3_bucket.*\naws_s3_bucket.c');
    expect(reordered.isResourceIgnored(r('aws_s3_bucket', 'b'))).toBe(false);
    expect(reordered.isResourceIgnored(r('aws_s3_bucket', 'c'))).toBe(true);
    expect(reordered.isResourceIgnored(r('aws_s3_bucket', 'd'))).toBe(false);
    const attributes = rules('aws_s3_bucket.b.tags\n!aws_s3_bucket.*.tags.keep\naws_s3_bucket.b.tags.keep.x');
    expect(attributes.isAttributeIgnored(r('aws_s3_bucket', 'b'), ['tags', 'other'])).toBe(true);
    expect(attributes.isAttributeIgnored(r('aws_s3_bucket', 'b'), ['tags', 'keep'])).toBe(false);
    expect(attributes.isAttributeIgnored(r('aws_s3_bucket', 'b'), ['tags', 'keep', 'x'])).toBe(true);
  });

  it('looks up exact Azure ids case-insensitively', () => {
    const ignore = rules('azurerm_resource_group./subscriptions/0/resourceGroups/RG');
    expect(
      ignore.isResourceIgnored({
        type: 'azurerm_resource_group',
        id: '/subscriptions/0/resourcegroups/rg',
        provider: 'azurerm',
      }),
    ).toBe(true);
    expect(ignore.isResourceIgnored(r('aws_resource_group', '/subscriptions/0/resourcegroups/rg'))).toBe(
      false,
    );
  });

  it('a pattern that would backtrack exponentially as a regex matches a 10,000-character id', () => {
    const ignore = rules(`aws_iam_role.${'a*'.repeat(13)}b\n`);
    const id = 'a'.repeat(10_000);
    expect(ignore.isResourceIgnored(r('aws_iam_role', id))).toBe(false);
    expect(ignore.isResourceIgnored(r('aws_iam_role', `${id}b`))).toBe(true);
  });

  it('skips a line longer than 1,024 characters with a warning naming it; the other lines apply', () => {
    const long = `aws_s3_bucket.${'x'.repeat(1100)}`;
    const parsed = parseIgnoreLines(
      ['aws_s3_bucket.a', long, 'aws_s3_bucket.b'],
      (i) => `.driftignore:${i + 1}`,
    );
    expect(parsed.problems).toEqual([
      {
        origin: '.driftignore:2',
        message: 'rule skipped: the line is 1114 characters long, more than the 1024 allowed',
      },
    ]);
    expect(parsed.rules.map((rule) => rule.text)).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
    const atLimit = `aws_s3_bucket.${'x'.repeat(1024 - 14)}`;
    expect(parseIgnoreLines([atLimit], String).rules).toHaveLength(1);
  });

  it('a generated file of 100,000 one-resource rules is looked up, not scanned', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `aws_s3_bucket.bucket-${i}`);
    const ignore = rules(lines.join('\n'));
    expect(ignore.size).toBe(100_000);
    let ignored = 0;
    for (let i = 0; i < 200_000; i += 7)
      if (ignore.isResourceIgnored(r('aws_s3_bucket', `bucket-${i}`))) ignored++;
    expect(ignored).toBe(Math.ceil(100_000 / 7));
  });
});

describe('loadIgnoreRules: the file', () => {
  it('reads an empty file as no rules, and warns once for the rest past 20 unreadable lines', async () => {
    const dir = tempDir({ empty: '', junk: `${'.x\n'.repeat(25)}aws_s3_bucket.b\n` });
    const diagnostics: Diagnostic[] = [];
    expect(
      (await loadIgnoreRules({ path: join(dir, 'empty'), display: 'empty' }, [], diagnostics)).size,
    ).toBe(0);
    const junk = await loadIgnoreRules({ path: join(dir, 'junk'), display: 'junk' }, [], diagnostics);
    expect(junk.isResourceIgnored(r('aws_s3_bucket', 'b'))).toBe(true);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]).toEqual({
      level: 'warning',
      code: 'ignore.invalid-rule',
      message: '5 more ignore rules in junk could not be read and were skipped',
      source: 'junk:21',
    });
  });

  it('refuses more than 1,000 rules that must be matched one by one, naming the first one past the limit', async () => {
    const dir = tempDir({ wild: Array.from({ length: 1001 }, (_, i) => `aws_s3_bucket.b${i}*`).join('\n') });
    await expect(loadIgnoreRules({ path: join(dir, 'wild'), display: 'wild' }, [], [])).rejects.toThrow(
      'wild:1001: more than 1000 ignore rules with a wildcard or of one segment; driftwarden reads at most 1000',
    );
    await expect(
      loadIgnoreRules(
        undefined,
        Array.from({ length: 1001 }, () => 'aws_s3*'),
        [],
      ),
    ).rejects.toThrow('config ignore[1000]: more than 1000 ignore rules');
  });

  it('refuses a binary file, a directory and a named pipe, without opening the pipe', async () => {
    const dir = tempDir({ binary: new Uint8Array([0x61, 0, 0x62]), 'sub/x': 'x' });
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const load = (name: string) => loadIgnoreRules({ path: join(dir, name), display: name }, [], []);
    await expect(load('binary')).rejects.toThrow('binary: binary content, expected a UTF-8 text file');
    await expect(load('sub')).rejects.toThrow('sub: is a directory, expected a file');
    await expect(load('fifo')).rejects.toThrow('fifo: is a named pipe (FIFO), expected a regular file');
    await expect(load('none')).rejects.toThrow('none: no such file');
    expect((await loadIgnoreRules({ path: '/dev/null', display: '/dev/null' }, [], [])).size).toBe(0);
  });
});
