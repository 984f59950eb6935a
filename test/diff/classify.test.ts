import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../src/diff/attribute-changes.js';
import { classify } from '../../src/diff/classify.js';
import { coverageOf } from '../../src/diff/coverage.js';
import { IgnoreRules, NO_IGNORE_RULES } from '../../src/ignore/index.js';
import { parseIgnoreLines } from '../../src/ignore/parse.js';
import type { Resource } from '../../src/model/resource.js';
import { resource } from '../helpers/resource.js';

const byKey = (resources: Resource<'declared'>[]) => new Map(resources.map((r) => [r.key, r]));
const liveByKey = (resources: Resource<'live'>[]) => {
  const map = new Map<string, Resource<'live'>[]>();
  for (const r of resources) map.set(r.key, [...(map.get(r.key) ?? []), r]);
  return map;
};
const ALL = coverageOf([{ types: '*' }]);

describe('attribute changes', () => {
  it('reports each changed path with its declared and live value', () => {
    expect(
      attributeChanges(
        {
          versioning: { enabled: true, mfa_delete: false },
          tags: { env: 'prod', team: 'a' },
          acl: 'private',
        },
        {
          versioning: { enabled: false, mfa_delete: false },
          tags: { env: 'prod', owner: 'b' },
          acl: 'private',
        },
      ),
    ).toEqual([
      { path: 'tags.owner', declared: null, live: 'b' },
      { path: 'tags.team', declared: 'a', live: null },
      { path: 'versioning.enabled', declared: true, live: false },
    ]);
  });

  it('reports list element changes with their index', () => {
    expect(attributeChanges({ ports: [22, 80, 443] }, { ports: [22, 443, 8080] })).toEqual([
      { path: 'ports[1]', declared: 80, live: null },
      { path: 'ports[2]', declared: null, live: 8080 },
    ]);
    expect(attributeChanges({ rules: [{ a: 1 }, { b: 2 }] }, { rules: [{ a: 1 }, { b: 3 }] })).toEqual([
      { path: 'rules[1].b', declared: 2, live: 3 },
    ]);
  });

  it('shows a list element replaced in place as one change of that element', () => {
    // IAM diffs: `s3:GetObject` became `s3:*` in the same place.
    expect(
      attributeChanges(
        { actions: ['s3:GetObject', 'sqs:SendMessage'] },
        { actions: ['s3:*', 'sqs:SendMessage'] },
      ),
    ).toEqual([{ path: 'actions[0]', declared: 's3:GetObject', live: 's3:*' }]);
    expect(attributeChanges({ l: ['a', 'b', 'c'] }, { l: ['a', 'X', 'c'] })).toEqual([
      { path: 'l[1]', declared: 'b', live: 'X' },
    ]);
  });

  it('ignores attributes only one side knows', () => {
    expect(
      attributeChanges({ arn: 'arn:x', force_destroy: false }, { arn: 'arn:x', creation_date: '2024' }),
    ).toEqual([]);
  });

  it('never reports an unknown value, at any depth', () => {
    expect(attributeChanges({ a: { __unknown: true } }, { a: 'live' })).toEqual([]);
    expect(attributeChanges({ a: 'declared' }, { a: { __unknown: true, reason: 'not-reported' } })).toEqual(
      [],
    );
    expect(attributeChanges({ a: { x: { __unknown: true }, y: 1 } }, { a: { x: 5, y: 1 } })).toEqual([]);
    expect(attributeChanges({ a: [{ __unknown: true }] }, { a: ['v'] })).toEqual([]);
  });

  it('shows a changed secret as "(sensitive)" on both sides and never its digest', () => {
    expect(
      attributeChanges({ password: { __sensitive: 'aaa' } }, { password: { __sensitive: 'bbb' } }),
    ).toEqual([{ path: 'password', declared: '(sensitive)', live: '(sensitive)' }]);
    expect(
      attributeChanges({ password: { __sensitive: 'aaa' } }, { password: { __sensitive: 'aaa' } }),
    ).toEqual([]);
  });

  it('does not compare a block attribute only one side has, at any depth', () => {
    // Terraform keeps nested blocks as lists of objects: their keys are the block's attributes.
    expect(
      attributeChanges(
        { site_config: [{ always_on: true, application_stack: [{ node_version: '20-lts' }] }] },
        { site_config: [{ always_on: true }] },
      ),
    ).toEqual([]);
    expect(
      attributeChanges(
        { site_config: [{ always_on: true, cors: [{ allowed_origins: ['a'] }] }] },
        { site_config: [{ always_on: false, cors: [{ support_credentials: true }] }] },
      ),
    ).toEqual([{ path: 'site_config[0].always_on', declared: true, live: false }]);
    // Two elements replaced in place that differ only in what one side lacks are the same element.
    expect(attributeChanges({ l: [{ a: 1, b: 2 }, 'x'] }, { l: [{ a: 1, c: 3 }, 'x'] })).toEqual([]);
  });

  it('still compares a block attribute both sides have, a null one included, and list elements added or removed', () => {
    expect(attributeChanges({ b: [{ x: null }] }, { b: [{ x: 'set' }] })).toEqual([
      { path: 'b[0].x', declared: null, live: 'set' },
    ]);
    expect(
      attributeChanges({ b: [{ docs: ['a', 'b'] }, { n: 1 }] }, { b: [{ docs: ['a'] }, { n: 1 }] }),
    ).toEqual([{ path: 'b[0].docs[1]', declared: 'b', live: null }]);
    expect(attributeChanges({ rule: [{ n: 1 }, { n: 2 }] }, { rule: [{ n: 1 }] })).toEqual([
      { path: 'rule[1]', declared: { n: 2 }, live: null },
    ]);
  });

  it('compares every key of a map inside a block, and of a policy document', () => {
    expect(
      attributeChanges(
        { environment: [{ variables: { A: '1', B: '2' } }] },
        { environment: [{ variables: { A: '1' } }] },
      ),
    ).toEqual([{ path: 'environment[0].variables.B', declared: '2', live: null }]);
    // A statement that lost its condition is a broader policy, not a block attribute the cloud left out.
    const statement = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] };
    const condition = { Bool: { 'aws:SecureTransport': ['true'] } };
    expect(
      attributeChanges(
        { policy: { Version: '2012-10-17', Statement: [{ ...statement, Condition: condition }] } },
        { policy: { Version: '2012-10-17', Statement: [statement] } },
      ),
    ).toEqual([{ path: 'policy.Statement[0].Condition', declared: condition, live: null }]);
  });

  it('names keys that are not identifiers with brackets', () => {
    expect(
      attributeChanges({ tags: { 'kubernetes.io/role': 'a' } }, { tags: { 'kubernetes.io/role': 'b' } }),
    ).toEqual([{ path: 'tags["kubernetes.io/role"]', declared: 'a', live: 'b' }]);
  });
});

describe('classify', () => {
  const declared = [
    resource('aws_s3_bucket', 'same', { acl: 'private' }),
    resource('aws_s3_bucket', 'changed', { acl: 'private' }),
    resource('aws_s3_bucket', 'gone', { acl: 'private' }),
    resource('aws_route_table_association', 'rtbassoc-1', { subnet_id: 's' }),
  ];
  const live = [
    resource('aws_s3_bucket', 'same', { acl: 'private' }, 'live'),
    resource('aws_s3_bucket', 'changed', { acl: 'public-read' }, 'live'),
    resource('aws_s3_bucket', 'by-hand', { acl: 'private' }, 'live'),
  ];

  it('classifies changed, missing and unmanaged, and counts not-compared types', () => {
    const result = classify(
      byKey(declared),
      liveByKey(live),
      coverageOf([{ types: ['aws_s3_bucket'] }]),
      NO_IGNORE_RULES,
    );
    expect(result.drift.map((d) => [d.kind, d.key])).toEqual([
      ['missing', 'aws_s3_bucket.gone'],
      ['changed', 'aws_s3_bucket.changed'],
      ['unmanaged', 'aws_s3_bucket.by-hand'],
    ]);
    expect(result.drift[1]?.changes).toEqual([{ path: 'acl', declared: 'private', live: 'public-read' }]);
    expect(result.managed).toBe(2);
    expect(result.notCompared).toBe(1);
  });

  it('never calls a resource missing when its type is not covered', () => {
    const result = classify(
      byKey(declared),
      liveByKey([]),
      coverageOf([{ types: ['aws_iam_role'] }]),
      NO_IGNORE_RULES,
    );
    expect(result.drift).toEqual([]);
    expect(result.notCompared).toBe(4);
  });

  it('with a source that claims every type, a vanished resource of any type is missing', () => {
    const result = classify(byKey(declared), liveByKey(live), ALL, NO_IGNORE_RULES);
    expect(result.drift.filter((d) => d.kind === 'missing').map((d) => d.key)).toEqual([
      'aws_route_table_association.rtbassoc-1',
      'aws_s3_bucket.gone',
    ]);
  });

  it('pairs Azure ids case-insensitively', () => {
    const id = '/subscriptions/0000/resourceGroups/RG-Prod/providers/Microsoft.Storage/storageAccounts/acme';
    const result = classify(
      byKey([resource('azurerm_storage_account', id, { min_tls_version: 'TLS1_2' })]),
      liveByKey([
        resource('azurerm_storage_account', id.toLowerCase(), { min_tls_version: 'TLS1_2' }, 'live'),
      ]),
      ALL,
      NO_IGNORE_RULES,
    );
    expect(result.drift).toEqual([]);
    expect(result.managed).toBe(1);
  });

  it('applies ignore rules to resources on both sides and to attribute paths', () => {
    const rules = new IgnoreRules(
      parseIgnoreLines(
        ['aws_s3_bucket.by-hand', 'aws_s3_bucket.gone', 'aws_s3_bucket.changed.acl'],
        (i) => `l${i}`,
      ).rules,
    );
    const result = classify(
      byKey(declared),
      liveByKey(live),
      coverageOf([{ types: ['aws_s3_bucket'] }]),
      rules,
    );
    expect(result.drift).toEqual([]);
    expect(result.ignored).toBe(2);
  });

  it('tells apart resources of the same key in several accounts, and pairs by account where both know it', () => {
    const role = <O extends 'declared' | 'live'>(account: string | undefined, origin: O, tag: string) =>
      resource('aws_iam_role', 'admin', { tags: { owner: tag } }, origin, account ? { account } : {});
    const result = classify(
      byKey([role('111111111111', 'declared', 'ops')]),
      liveByKey([
        role('222222222222', 'live', 'someone'),
        role('111111111111', 'live', 'ops-changed'),
        role('333333333333', 'live', 'x'),
      ]),
      ALL,
      NO_IGNORE_RULES,
    );
    expect(result.drift.map((d) => [d.kind, d.key, d.account, d.changes.length])).toEqual([
      ['changed', 'aws_iam_role.admin', '111111111111', 1],
      ['unmanaged', 'aws_iam_role.admin', '222222222222', 0],
      ['unmanaged', 'aws_iam_role.admin', '333333333333', 0],
    ]);
    expect(result.managed).toBe(1);
    // A declared resource in a known account does not pair with the same name in another account.
    const other = classify(
      byKey([role('111111111111', 'declared', 'ops')]),
      liveByKey([role('222222222222', 'live', 'ops')]),
      ALL,
      NO_IGNORE_RULES,
    );
    expect(other.drift.map((d) => [d.kind, d.account])).toEqual([
      ['missing', '111111111111'],
      ['unmanaged', '222222222222'],
    ]);
    // Code that does not know its account (no ARN) still pairs.
    const unknownAccount = classify(
      byKey([role(undefined, 'declared', 'ops')]),
      liveByKey([role('222222222222', 'live', 'ops')]),
      ALL,
      NO_IGNORE_RULES,
    );
    expect(unknownAccount.drift).toEqual([]);
  });

  it('carries the address and location of the declared resource', () => {
    const withAddress = resource('aws_s3_bucket', 'gone', {}, 'declared', {
      source: {
        connector: 'terraform-state',
        location: 'prod.tfstate',
        file: 'prod.tfstate',
        address: 'module.s3.aws_s3_bucket.this["gone"]',
      },
    });
    const [entry] = classify(byKey([withAddress]), liveByKey([]), ALL, NO_IGNORE_RULES).drift;
    expect(entry).toEqual({
      kind: 'missing',
      key: 'aws_s3_bucket.gone',
      type: 'aws_s3_bucket',
      id: 'gone',
      provider: 'aws',
      address: 'module.s3.aws_s3_bucket.this["gone"]',
      location: { file: 'prod.tfstate' },
      changes: [],
    });
  });
});
