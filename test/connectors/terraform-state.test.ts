import { describe, expect, it } from 'vitest';
import { parseState } from '../../connectors/terraform-state/client.js';
import { instanceAddress, mapState, providerName } from '../../connectors/terraform-state/map.js';
import { state } from '../helpers/state.js';

function mapped(text: string) {
  return mapState(parseState(JSON.parse(text), 'test.tfstate'), 'test.tfstate');
}

describe('terraform-state mapping', () => {
  it('reads root and module resources with count and for_each instance keys in the address', () => {
    const { resources } = mapped(
      state([
        {
          type: 'aws_vpc',
          name: 'main',
          instances: [{ attributes: { id: 'vpc-1', cidr_block: '10.0.0.0/16' } }],
        },
        {
          module: 'module.network',
          type: 'aws_subnet',
          name: 'private',
          each: 'list',
          instances: [
            { index_key: 0, attributes: { id: 'subnet-a' } },
            { index_key: 1, attributes: { id: 'subnet-b' } },
          ],
        },
        {
          module: 'module.apps["web"].module.storage',
          type: 'aws_s3_bucket',
          name: 'this',
          each: 'map',
          instances: [{ index_key: 'logs', attributes: { id: 'acme-logs', bucket: 'acme-logs' } }],
        },
      ]),
    );
    expect(resources.map((r) => [r.key, r.source.address])).toEqual([
      ['aws_vpc.vpc-1', 'aws_vpc.main'],
      ['aws_subnet.subnet-a', 'module.network.aws_subnet.private[0]'],
      ['aws_subnet.subnet-b', 'module.network.aws_subnet.private[1]'],
      ['aws_s3_bucket.acme-logs', 'module.apps["web"].module.storage.aws_s3_bucket.this["logs"]'],
    ]);
    expect(resources[0]).toMatchObject({ provider: 'aws', type: 'aws_vpc', id: 'vpc-1', origin: 'declared' });
    expect(resources[0]?.source).toEqual({
      connector: 'terraform-state',
      location: 'test.tfstate',
      address: 'aws_vpc.main',
    });
  });

  it('skips data sources and deposed objects', () => {
    const { resources } = mapped(
      state([
        {
          mode: 'data',
          type: 'aws_caller_identity',
          name: 'me',
          instances: [{ attributes: { id: '111122223333' } }],
        },
        {
          type: 'aws_instance',
          name: 'web',
          instances: [{ attributes: { id: 'i-new' } }, { attributes: { id: 'i-old' }, deposed: '00000001' }],
        },
      ]),
    );
    expect(resources.map((r) => r.key)).toEqual(['aws_instance.i-new']);
  });

  it('keeps sensitive_attributes as sensitive paths, including index steps and typed map keys', () => {
    const { resources } = mapped(
      state([
        {
          type: 'aws_db_instance',
          name: 'app',
          instances: [
            {
              attributes: {
                id: 'app-db',
                password: 'hunter2',
                settings: [{ token: 'x' }],
                extra: { 'a.b': 'y' },
              },
              sensitive_attributes: [
                [{ type: 'get_attr', value: 'password' }],
                [
                  { type: 'get_attr', value: 'settings' },
                  { type: 'index', value: { value: 0, type: 'number' } },
                  { type: 'get_attr', value: 'token' },
                ],
                [
                  { type: 'get_attr', value: 'extra' },
                  { type: 'index', value: { value: 'a.b', type: 'string' } },
                ],
              ],
            },
          ],
        },
      ]),
    );
    expect(resources[0]?.sensitivePaths).toEqual(['password', 'settings[0].token', 'extra["a.b"]']);
  });

  it('reports resources without an id and tainted ones as diagnostics', () => {
    const { resources, diagnostics } = mapped(
      state([
        { type: 'aws_thing', name: 'noid', instances: [{ attributes: { name: 'x' } }] },
        { type: 'aws_instance', name: 'web', instances: [{ attributes: { id: 'i-1' }, status: 'tainted' }] },
      ]),
    );
    expect(resources.map((r) => r.key)).toEqual(['aws_instance.i-1']);
    expect(diagnostics.map((d) => d.code)).toEqual(['state.no-id', 'state.tainted']);
    expect(diagnostics[0]?.message).toContain('aws_thing.noid');
  });

  it('names the provider from the provider address', () => {
    expect(providerName('provider["registry.terraform.io/hashicorp/azurerm"]')).toBe('azurerm');
    expect(providerName('provider["registry.terraform.io/hashicorp/aws"].west')).toBe('aws');
    expect(providerName('module.child.provider.aws.west')).toBe('aws');
    expect(providerName(undefined)).toBeUndefined();
  });

  it('formats addresses like Terraform', () => {
    const resource = { mode: 'managed' as const, type: 't_x', name: 'n', instances: [] };
    expect(instanceAddress(resource, { index_key: 2 })).toBe('t_x.n[2]');
    expect(instanceAddress(resource, { index_key: 'a"b' })).toBe('t_x.n["a\\"b"]');
  });
});

describe('terraform-state validation', () => {
  it.each([
    [{ version: 3, modules: [] }, 'unsupported state format version 3'],
    [{ version: 1 }, 'unsupported state format version 1'],
    [{ version: 5, resources: [] }, 'unsupported state format version 5'],
    [{ resources: [] }, 'no "version" field'],
    [[1, 2], 'expected a JSON object'],
    [
      { version: 4, resources: [{ mode: 'managed', name: 'x', instances: [] }] },
      'resources[0].type: required field is missing',
    ],
    [
      { version: 4, resources: [{ mode: 'managed', type: 'a_b', name: 'x' }] },
      'resources[0].instances: required field is missing',
    ],
    [
      { version: 4, resources: [{ mode: 'weird', type: 'a_b', name: 'x', instances: [] }] },
      'resources[0].mode',
    ],
  ])('rejects %j', (raw, message) => {
    expect(() => parseState(raw, 'bad.tfstate')).toThrowError(message);
    expect(() => parseState(raw, 'bad.tfstate')).toThrowError(/^bad\.tfstate: /);
  });

  it.each([
    [{ version: 4, terraform_version: '1.5.7', serial: 1, lineage: 'l', outputs: {} }],
    [{ version: 4, serial: 3, resources: null }],
  ])('reads a state without resources, %j, as an empty state', (raw) => {
    const parsed = parseState(raw, 'empty.tfstate');
    expect(parsed.resources).toEqual([]);
    expect(mapState(parsed, 'empty.tfstate')).toEqual({ resources: [], diagnostics: [] });
  });

  it('tolerates fields newer Terraform versions add', () => {
    const raw = JSON.parse(
      state([{ type: 'aws_vpc', name: 'v', instances: [{ attributes: { id: 'vpc-1' } }] }]),
    );
    raw.resources[0].instances[0].identity = { account_id: '111122223333' };
    raw.resources[0].instances[0].identity_schema_version = 0;
    raw.check_results = [{ object_kind: 'check', config_addr: 'check.x', status: 'pass', objects: [] }];
    expect(() => parseState(raw, 'new.tfstate')).not.toThrow();
  });
});

describe('terraform-state import ids', () => {
  it('keys each type by its Terraform import id, not by whatever the provider stores in `id`', () => {
    const { resources } = mapped(
      state([
        {
          type: 'aws_db_instance',
          name: 'app',
          instances: [{ attributes: { id: 'db-7QKZC3V4J2LXN5RDPOHW6YTAME', identifier: 'acme-app' } }],
        },
        { type: 'aws_db_instance', name: 'old', instances: [{ attributes: { id: 'legacy-db' } }] },
        {
          type: 'aws_iam_role_policy_attachment',
          name: 'a',
          instances: [
            {
              attributes: {
                id: 'app-20240101000000000000000001',
                role: 'app',
                policy_arn: 'arn:aws:iam::1:policy/p',
              },
            },
          ],
        },
        {
          type: 'aws_iam_user_policy_attachment',
          name: 'u',
          instances: [{ attributes: { id: 'x-1', user: 'bob', policy_arn: 'arn:p' } }],
        },
        {
          type: 'aws_route_table_association',
          name: 'r',
          instances: [{ attributes: { id: 'rtbassoc-1', subnet_id: 'subnet-1', route_table_id: 'rtb-1' } }],
        },
      ]),
    );
    expect(resources.map((r) => r.key)).toEqual([
      'aws_db_instance.acme-app',
      'aws_db_instance.legacy-db',
      'aws_iam_role_policy_attachment.app/arn:aws:iam::1:policy/p',
      'aws_iam_user_policy_attachment.bob/arn:p',
      'aws_route_table_association.subnet-1/rtb-1',
    ]);
  });
});
