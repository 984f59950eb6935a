import { describe, expect, it } from 'vitest';
import { inSourceOrder } from '../../src/model/source-order.js';
import { unknown, type Value } from '../../src/model/value.js';
import { emptyValuesPass, pruneEmpty } from '../../src/normalise/empty-values.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { policyDocumentsPass } from '../../src/normalise/policy-documents.js';
import { setsPass } from '../../src/normalise/sets.js';
import { tagsAllPass } from '../../src/normalise/tags-all.js';
import { resource } from '../helpers/resource.js';

function applied(
  pass: { apply(r: ReturnType<typeof resource>): void },
  type: string,
  attributes: Record<string, Value>,
) {
  const r = resource(type, 'x', attributes);
  pass.apply(r);
  return r.attributes;
}

describe('empty-values pass', () => {
  it('turns top-level "", [] and {} into null and keeps the attribute', () => {
    expect(applied(emptyValuesPass, 'aws_x', { a: '', b: [], c: {}, d: null, e: 0, f: false })).toEqual({
      a: null,
      b: null,
      c: null,
      d: null,
      e: 0,
      f: false,
    });
  });

  it('drops empty entries inside objects and lists, recursively', () => {
    expect(
      applied(emptyValuesPass, 'aws_x', {
        tags: { team: 'core', owner: '', note: null },
        rules: [{ cidr: ['10.0.0.0/8'], description: '', prefix_list_ids: [] }, {}],
        nested: { inner: { empty: {} } },
      }),
    ).toEqual({ tags: { team: 'core' }, rules: [{ cidr: ['10.0.0.0/8'] }], nested: null });
  });

  it('changes a list or an object that loses nothing in place, and copies one that loses an entry', () => {
    const block = { cidr: ['10.0.0.0/8'], ports: [443] };
    const rules = [block];
    expect(pruneEmpty(rules)).toBe(rules);
    expect(rules[0]).toBe(block);
    const element = { a: 'x', b: '' };
    const other = [element, ''];
    const pruned = pruneEmpty(other);
    expect(pruned).toEqual([{ a: 'x' }]);
    expect(pruned).not.toBe(other);
    expect((pruned as Value[])[0]).not.toBe(element);
  });

  it('leaves unknown and sensitive markers alone', () => {
    expect(applied(emptyValuesPass, 'aws_x', { a: { __unknown: true }, b: { __sensitive: 'abc' } })).toEqual({
      a: { __unknown: true },
      b: { __sensitive: 'abc' },
    });
  });
});

describe('tags-all pass', () => {
  it('uses tags_all (tags plus provider default_tags) as the applied tags', () => {
    expect(
      applied(tagsAllPass, 'aws_s3_bucket', { tags: { app: 'x' }, tags_all: { app: 'x', env: 'prod' } }),
    ).toEqual({
      tags: { app: 'x', env: 'prod' },
    });
  });

  it('keeps tags when tags_all is unknown (a plan) and drops tags_all', () => {
    expect(
      applied(tagsAllPass, 'aws_s3_bucket', { tags: { app: 'x' }, tags_all: { __unknown: true } }),
    ).toEqual({
      tags: { app: 'x' },
    });
  });

  it('does nothing without tags_all', () => {
    expect(applied(tagsAllPass, 'aws_s3_bucket', { tags: { app: 'x' } })).toEqual({ tags: { app: 'x' } });
  });
});

describe('sets pass', () => {
  it('sorts set-typed attributes, including nested sets inside set elements', () => {
    const attributes = applied(setsPass, 'aws_security_group', {
      ingress: [
        { from_port: 443, cidr_blocks: ['10.1.0.0/16', '10.0.0.0/16'] },
        { from_port: 22, cidr_blocks: ['192.168.0.0/24'] },
      ],
    });
    expect(attributes.ingress).toEqual([
      { cidr_blocks: ['10.0.0.0/16', '10.1.0.0/16'], from_port: 443 },
      { cidr_blocks: ['192.168.0.0/24'], from_port: 22 },
    ]);
  });

  it('makes two orderings of the same set equal', () => {
    const a = applied(setsPass, 'aws_iam_role', { managed_policy_arns: ['arn:b', 'arn:a'] });
    const b = applied(setsPass, 'aws_iam_role', { managed_policy_arns: ['arn:a', 'arn:b'] });
    expect(a).toEqual(b);
  });

  it('records where each sorted element came from, so a finding names it as the source wrote it', () => {
    const r = resource('aws_iam_role', 'x', {
      managed_policy_arns: [
        'arn:aws:iam::aws:policy/AdministratorAccess',
        'arn:aws:iam::111122223333:policy/ci',
      ],
      inline_policy: [
        { name: 'b', policy: { Statement: [] } },
        { name: 'a', policy: { Statement: [] } },
      ],
    });
    r.sourceOrder = new Map([['inline_policy[0].policy.Statement', [1, 0]]]);
    setsPass.apply(r);
    expect(inSourceOrder('managed_policy_arns[1]', r.sourceOrder)).toBe('managed_policy_arns[0]');
    // inline_policy[1] is the first as written, whose statements the policy-documents pass had reordered.
    expect(inSourceOrder('inline_policy[1].policy.Statement[0]', r.sourceOrder)).toBe(
      'inline_policy[0].policy.Statement[1]',
    );
  });

  it('leaves no source order where nothing moved', () => {
    const r = resource('aws_iam_role', 'x', { managed_policy_arns: ['arn:a', 'arn:b'] });
    setsPass.apply(r);
    expect(r.sourceOrder).toBeUndefined();
  });

  it('leaves lists of types without set attributes in order', () => {
    expect(applied(setsPass, 'aws_x', { items: ['b', 'a'] })).toEqual({ items: ['b', 'a'] });
  });
});

describe('policy-documents pass', () => {
  const stringForm = JSON.stringify({
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
  });
  const listForm = JSON.stringify({
    Statement: [{ Resource: ['arn:aws:s3:::b/*'], Action: ['s3:GetObject'], Effect: 'Allow' }],
    Version: '2012-10-17',
  });

  it('parses JSON policy strings into a canonical object', () => {
    expect(applied(policyDocumentsPass, 'aws_iam_policy', { policy: stringForm }).policy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] }],
    });
  });

  it("reads a marker key written inside a policy string as the source's data, never as driftwarden's marker", () => {
    const forged = JSON.stringify({
      Statement: [{ __unknown: true, Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const policy = applied(policyDocumentsPass, 'aws_iam_policy', { policy: forged }).policy as {
      Statement: Record<string, unknown>[];
    };
    expect(policy.Statement).toEqual([
      { _raw__unknown: true, Effect: 'Allow', Action: ['*'], Resource: ['*'] },
    ]);
  });

  it('makes string-vs-list and key order irrelevant', () => {
    const a = applied(policyDocumentsPass, 'aws_iam_policy', { policy: stringForm });
    const b = applied(policyDocumentsPass, 'aws_iam_policy', { policy: listForm });
    expect(a).toEqual(b);
  });

  it('sorts actions, principals, condition values and statements', () => {
    const doc = {
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': false } },
        },
        {
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:GetObject', 's3:GetObject'],
          Principal: { AWS: 'arn:aws:iam::1:root' },
          Resource: '*',
        },
      ],
    };
    const out = applied(policyDocumentsPass, 'aws_s3_bucket', { policy: JSON.stringify(doc) }).policy;
    expect(out).toEqual({
      // Statements order by their canonical JSON, whose first key is Action: "s3:*" sorts before "s3:GetObject".
      Statement: [
        {
          Effect: 'Deny',
          Action: ['s3:*'],
          Resource: ['*'],
          Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
        },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Principal: { AWS: ['arn:aws:iam::1:root'] },
          Resource: ['*'],
        },
      ],
    });
  });

  it('finds policy documents nested in blocks (inline policies) and leaves other strings alone', () => {
    const attributes = applied(policyDocumentsPass, 'aws_iam_role', {
      name: 'r',
      description: '{not json',
      inline_policy: [{ name: 'p', policy: stringForm }],
    });
    expect(attributes.description).toBe('{not json');
    expect((attributes.inline_policy as { policy: unknown }[])[0]?.policy).toHaveProperty('Statement');
  });

  it('keeps unknown statements, principals, conditions and clauses as unknown leaves', () => {
    const u = unknown('expression');
    const policy: Value = {
      Statement: [
        u,
        { Effect: 'Allow', Action: ['iam:PassRole', u], Resource: '*', Principal: u, Condition: u },
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: u,
          Condition: { StringEquals: u, Bool: { k: true } },
        },
      ],
    };
    expect(applied(policyDocumentsPass, 'aws_iam_policy', { policy }).policy).toEqual({
      Statement: [
        { Effect: 'Allow', Action: ['iam:PassRole', u], Resource: ['*'], Principal: u, Condition: u },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: u,
          Condition: { StringEquals: u, Bool: { k: ['true'] } },
        },
        u,
      ],
    });
  });

  it('leaves malformed JSON as it is', () => {
    expect(applied(policyDocumentsPass, 'aws_iam_policy', { policy: '{"Statement": [' }).policy).toBe(
      '{"Statement": [',
    );
  });
});

describe('the passes together', () => {
  it('run on both sides so that equivalent forms compare equal', () => {
    const declared = resource('aws_s3_bucket', 'b', {
      tags: { a: '1' },
      tags_all: { a: '1', env: 'prod' },
      policy: JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }),
      logging: [],
      grant: [{ id: 'b' }, { id: 'a' }],
    });
    const live = resource(
      'aws_s3_bucket',
      'b',
      {
        tags: { env: 'prod', a: '1' },
        policy: { Statement: [{ Resource: ['*'], Action: ['s3:*'], Effect: 'Allow' }] },
        logging: null,
        grant: [{ id: 'a' }, { id: 'b' }],
      },
      'live',
    );
    normaliseResources([declared, live]);
    expect(declared.attributes).toEqual(live.attributes);
  });

  it('prunes empty fields before sorting sets, so an omitted empty field does not reorder a set', () => {
    const declared = resource('aws_security_group', 'sg-1', {
      ingress: [
        { from_port: 22, description: '' },
        { from_port: 443, description: 'https' },
      ],
    });
    const live = resource(
      'aws_security_group',
      'sg-1',
      {
        ingress: [{ from_port: 443, description: 'https' }, { from_port: 22 }],
      },
      'live',
    );
    normaliseResources([declared, live]);
    expect(declared.attributes).toEqual(live.attributes);
  });
});

describe('renamed-attributes pass', () => {
  it('maps azurerm 3.x names to 4.x names', async () => {
    const { renamedAttributesPass } = await import('../../src/normalise/renamed-attributes.js');
    expect(
      applied(renamedAttributesPass, 'azurerm_storage_account', {
        enable_https_traffic_only: false,
        allow_blob_public_access: true,
      }),
    ).toEqual({ https_traffic_only_enabled: false, allow_nested_items_to_be_public: true });
    expect(
      applied(renamedAttributesPass, 'azurerm_storage_account', {
        enable_https_traffic_only: false,
        https_traffic_only_enabled: true,
      }),
    ).toEqual({ https_traffic_only_enabled: true });
  });
});

describe('prototype keys in the passes', () => {
  /** As JSON.parse makes them: `__proto__` is an own key, not the prototype. */
  const parsed = (text: string) => JSON.parse(text) as Record<string, Value>;

  it('a resource type named like a prototype property goes through every pass untouched', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = resource(type, 'x', { a: 'b', tags_all: { k: 'v' } });
      r.type = type;
      expect(() => normaliseResources([r])).not.toThrow();
      expect(r.attributes).toEqual({ a: 'b', tags: { k: 'v' } });
    }
  });

  it('keeps a __proto__ key inside policy statements, principals and conditions', () => {
    const policy = JSON.stringify(
      parsed(
        '{"Statement":{"Effect":"Allow","Action":"s3:*","__proto__":{"x":1},"Principal":{"__proto__":"*"},"Condition":{"__proto__":{"__proto__":true}}}}',
      ),
    );
    const { policy: out } = applied(policyDocumentsPass, 'aws_iam_policy', { policy });
    expect(JSON.stringify(out)).toBe(
      '{"Statement":[{"Effect":"Allow","Action":["s3:*"],"__proto__":{"x":1},"Principal":{"__proto__":["*"]},"Condition":{"__proto__":{"__proto__":["true"]}}}]}',
    );
    expect(Object.getPrototypeOf((out as { Statement: object[] }).Statement[0])).toBe(Object.prototype);
  });

  it('reads only own keys: tags_all through a prototype is not tags_all', () => {
    // What `attributes[key] = value` makes of a `__proto__` key: a prototype the attacker chose.
    const attributes = Object.assign(
      Object.create({ tags_all: { injected: 'x' } }) as Record<string, Value>,
      {
        tags: { a: 'b' },
      },
    );
    const r = resource('aws_s3_bucket', 'x', {});
    r.attributes = attributes;
    tagsAllPass.apply(r);
    expect(r.attributes.tags).toEqual({ a: 'b' });
  });

  it('an object that loses an empty entry is a copy that keeps its __proto__ key as its own', () => {
    const out = applied(
      emptyValuesPass,
      'aws_x',
      parsed('{"tags":{"__proto__":{"x":"1"},"empty":"","kept":"v"}}'),
    );
    expect(JSON.stringify(out.tags)).toBe('{"__proto__":{"x":"1"},"kept":"v"}');
    expect(Object.getPrototypeOf(out.tags)).toBe(Object.prototype);
  });

  it('dropping tags_all keeps a __proto__ attribute as an own attribute', () => {
    const out = applied(tagsAllPass, 'aws_s3_bucket', parsed('{"__proto__":{"a":"b"},"tags_all":{"k":"v"}}'));
    expect(JSON.stringify(out)).toBe('{"__proto__":{"a":"b"},"tags":{"k":"v"}}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('leaves a policy string nested past the depth limit as a string', () => {
    const deep = `{"Statement":${'['.repeat(300)}${']'.repeat(300)}}`;
    expect(applied(policyDocumentsPass, 'aws_iam_policy', { policy: deep }).policy).toBe(deep);
  });
});

describe('arm-ids pass', () => {
  const SUB = '00000000-0000-0000-0000-000000000000';
  it('lower-cases ARM ids in id-valued attributes at any depth, and resource group names', async () => {
    const { armIdsPass } = await import('../../src/normalise/arm-ids.js');
    const vault = `/subscriptions/${SUB}/resourceGroups/RG-Prod/providers/Microsoft.KeyVault/vaults/KV-A`;
    expect(
      applied(armIdsPass, 'azurerm_managed_disk', {
        resource_group_name: 'RG-Prod',
        disk_encryption_set_id: `/subscriptions/${SUB}/RESOURCEGROUPS/RG-PROD/providers/Microsoft.Compute/diskEncryptionSets/DES`,
        encryption_settings: [
          { disk_encryption_key: [{ secret_url: 'https://KV-A.vault/Secrets/S', source_vault_id: vault }] },
        ],
        network_rules: [
          {
            virtual_network_subnet_ids: [
              `/subscriptions/${SUB}/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/S`,
            ],
          },
        ],
        scope: `/providers/Microsoft.Management/managementGroups/Platform`,
        assignable_scopes: [`/subscriptions/${SUB}/resourceGroups/RG`],
        principal_id: 'AAAA-BBBB',
        name: 'Disk-A',
        tags: { source_id: `/subscriptions/${SUB}/resourceGroups/KeepMe` },
      }),
    ).toEqual({
      resource_group_name: 'rg-prod',
      disk_encryption_set_id: `/subscriptions/${SUB}/resourcegroups/rg-prod/providers/microsoft.compute/diskencryptionsets/des`,
      encryption_settings: [
        {
          disk_encryption_key: [
            { secret_url: 'https://KV-A.vault/Secrets/S', source_vault_id: vault.toLowerCase() },
          ],
        },
      ],
      network_rules: [
        {
          virtual_network_subnet_ids: [
            `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v/subnets/s`,
          ],
        },
      ],
      scope: '/providers/microsoft.management/managementgroups/platform',
      assignable_scopes: [`/subscriptions/${SUB}/resourcegroups/rg`],
      principal_id: 'AAAA-BBBB',
      name: 'Disk-A',
      tags: { source_id: `/subscriptions/${SUB}/resourceGroups/KeepMe` },
    });
    expect(applied(armIdsPass, 'azurerm_resource_group', { name: 'RG-Prod' })).toEqual({ name: 'rg-prod' });
    // Other providers' ids keep their casing.
    expect(applied(armIdsPass, 'aws_instance', { subnet_id: '/subscriptions/A' })).toEqual({
      subnet_id: '/subscriptions/A',
    });
  });
});
