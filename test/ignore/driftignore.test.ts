import { describe, expect, it } from 'vitest';
import { IgnoreRules } from '../../src/ignore/index.js';
import { parseIgnoreLines } from '../../src/ignore/parse.js';

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
