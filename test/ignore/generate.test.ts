import { describe, expect, it } from 'vitest';
import { generateIgnore } from '../../src/ignore/generate.js';
import { IgnoreRules } from '../../src/ignore/index.js';
import { parseIgnoreLines } from '../../src/ignore/parse.js';
import type { DriftEntry } from '../../src/model/report.js';

function entry(kind: DriftEntry['kind'], type: string, id: string, paths: string[] = []): DriftEntry {
  return {
    kind,
    key: `${type}.${id}`,
    type,
    id,
    provider: type.split('_')[0] ?? '',
    changes: paths.map((path) => ({ path, declared: 1, live: 2 })),
  };
}

function read(lines: readonly string[]): IgnoreRules {
  return new IgnoreRules(parseIgnoreLines(lines, (i) => `generated:${i + 1}`).rules);
}

describe('ignore generate: .driftignore rules from a report (driftctl gen-driftignore)', () => {
  const drift = [
    entry('unmanaged', 'aws_s3_bucket', 'tmp-export'),
    entry('unmanaged', 'aws_iam_user', 'bob'),
    entry('missing', 'aws_sns_topic', 'arn:aws:sns:eu-west-1:1:alerts'),
    entry('changed', 'aws_s3_bucket', 'data', ['versioning.enabled', 'tags.team']),
  ];

  it("writes driftctl's sections in its order, each sorted, and one rule per changed attribute", () => {
    const generated = generateIgnore({ drift }, {});
    expect(generated.lines).toEqual([
      '# Resources not covered by IaC',
      'aws_iam_user.bob',
      'aws_s3_bucket.tmp-export',
      '# Missing resources',
      'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
      '# Changed attributes',
      'aws_s3_bucket.data.tags.team',
      'aws_s3_bucket.data.versioning.enabled',
    ]);
    expect(generated.counts).toEqual({ unmanaged: 2, missing: 1, changed: 2 });
    expect(generated.skipped).toEqual([]);
  });

  it('--exclude-unmanaged, --exclude-missing and --exclude-changed leave their section out', () => {
    expect(generateIgnore({ drift }, { excludeUnmanaged: true, excludeChanged: true }).lines).toEqual([
      '# Missing resources',
      'aws_sns_topic.arn:aws:sns:eu-west-1:1:alerts',
    ]);
    expect(
      generateIgnore({ drift }, { excludeUnmanaged: true, excludeMissing: true, excludeChanged: true }).lines,
    ).toEqual([]);
  });

  it('a changed attribute rule hides that attribute only: the resource, and its other attributes, still show', () => {
    const ignore = read(generateIgnore({ drift }, {}).lines);
    const data = { type: 'aws_s3_bucket', id: 'data', provider: 'aws' };
    expect(ignore.isAttributeIgnored(data, ['versioning', 'enabled'])).toBe(true);
    expect(ignore.isAttributeIgnored(data, ['versioning', 'mfa_delete'])).toBe(false);
    expect(ignore.isResourceIgnored(data)).toBe(false);
    expect(ignore.isResourceIgnored({ type: 'aws_iam_user', id: 'bob', provider: 'aws' })).toBe(true);
    expect(ignore.isResourceIgnored({ type: 'aws_iam_user', id: 'bobby', provider: 'aws' })).toBe(false);
  });

  it('escapes dots and backslashes in ids and keys, and indexes and odd keys of paths, so each reads back exactly', () => {
    const odd = [
      entry('unmanaged', 'aws_sqs_queue', 'https://sqs.eu-west-1.amazonaws.com/1/q'),
      entry('unmanaged', 'aws_iam_user', 'dom\\user'),
      entry('changed', 'aws_iam_policy', 'p', ['policy.Statement[0].Action[3]', 'tags["a.b"]']),
    ];
    const generated = generateIgnore({ drift: odd }, {});
    expect(generated.lines).toEqual([
      '# Resources not covered by IaC',
      'aws_iam_user.dom\\\\user',
      'aws_sqs_queue.https://sqs\\.eu-west-1\\.amazonaws\\.com/1/q',
      '# Changed attributes',
      'aws_iam_policy.p.policy.Statement.0.Action.3',
      'aws_iam_policy.p.tags.a\\.b',
    ]);
    const ignore = read(generated.lines);
    expect(ignore.isResourceIgnored({ type: 'aws_iam_user', id: 'dom\\user', provider: 'aws' })).toBe(true);
    expect(
      ignore.isAttributeIgnored({ type: 'aws_iam_policy', id: 'p', provider: 'aws' }, ['tags', 'a.b']),
    ).toBe(true);
    expect(
      ignore.isAttributeIgnored({ type: 'aws_iam_policy', id: 'p', provider: 'aws' }, ['tags', 'a']),
    ).toBe(false);
  });

  it('never writes a rule broader than its finding: ids a rule cannot spell are skipped and named', () => {
    const hostile = [
      entry('unmanaged', 'aws_s3_bucket', 'star*bucket'),
      entry('unmanaged', 'aws_s3_bucket', 'x\ny'),
      entry('unmanaged', 'aws_iam_user', 'name #tag'),
      entry('unmanaged', 'aws_iam_user', 'trailing '),
      entry('changed', 'aws_s3_bucket', 'ok', ['tags["*"]']),
      entry('unmanaged', 'aws_s3_bucket', 'fine'),
    ];
    const generated = generateIgnore({ drift: hostile }, {});
    expect(generated.lines).toEqual(['# Resources not covered by IaC', 'aws_s3_bucket.fine']);
    expect(generated.skipped.map((s) => s.key)).toEqual([
      'aws_s3_bucket.star*bucket',
      'aws_s3_bucket.x\ny',
      'aws_iam_user.name #tag',
      'aws_iam_user.trailing ',
      'aws_s3_bucket.ok tags.*',
    ]);
    expect(generated.skipped[0]?.reason).toMatch(/wildcard/);
    expect(generated.skipped[1]?.reason).toMatch(/control character/);
  });

  it('a changed entry without attribute changes is ignored as a whole resource; duplicates are written once', () => {
    const generated = generateIgnore(
      {
        drift: [
          entry('changed', 'aws_vpc', 'vpc-1'),
          entry('missing', 'aws_vpc', 'vpc-2'),
          entry('missing', 'aws_vpc', 'vpc-2'),
        ],
      },
      {},
    );
    expect(generated.lines).toEqual([
      '# Missing resources',
      'aws_vpc.vpc-2',
      '# Changed attributes',
      'aws_vpc.vpc-1',
    ]);
  });
});
