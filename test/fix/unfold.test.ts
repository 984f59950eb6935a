import { describe, expect, it } from 'vitest';
import { foldedAt, subPath } from '../../src/fix/sub-resource.js';
import { formatPath, parsePath } from '../../src/model/path.js';
import { RESOURCE_TYPES, resourceType } from '../../src/model/types/index.js';
import type { Attributes } from '../../src/model/types/resource-type.js';
import type { Value } from '../../src/model/value.js';

/**
 * The catalogue's `unfold` is its folds read backwards, which fix trusts to find where a folded value is written.
 * Each row is a sub-resource as Terraform state holds it (nested blocks as one-element lists) with a value at the
 * path fix would patch; folding it must put the value the unfold reads at the parent's path. Every unfold in the
 * catalogue has a row, so a new one cannot go unchecked.
 */
interface Row {
  parent: string;
  sub: string;
  /** The parent's path the fold writes. */
  folded: string;
  /** The sub-resource's attributes, in state's shape. */
  state: Attributes;
  /** The sub-resource's path fix patches, and the canonical value the fold makes of what is written there. */
  path: string;
  canonical: Value;
}

const ROWS: Row[] = [
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_versioning',
    folded: 'versioning.enabled',
    state: { bucket: 'b', versioning_configuration: [{ status: 'Suspended', mfa_delete: '' }] },
    path: 'versioning_configuration.status',
    canonical: false,
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_versioning',
    folded: 'versioning.mfa_delete',
    state: { bucket: 'b', versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Enabled' }] },
    path: 'versioning_configuration.mfa_delete',
    canonical: true,
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_public_access_block',
    folded: 'public_access_block.restrict_public_buckets',
    state: { bucket: 'b', restrict_public_buckets: true },
    path: 'restrict_public_buckets',
    canonical: true,
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_server_side_encryption_configuration',
    folded:
      'server_side_encryption_configuration.rule[0].apply_server_side_encryption_by_default.sse_algorithm',
    state: {
      bucket: 'b',
      rule: [
        { apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: '' }] },
      ],
    },
    path: 'rule[0].apply_server_side_encryption_by_default.sse_algorithm',
    canonical: 'aws:kms',
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_policy',
    folded: 'policy',
    state: { bucket: 'b', policy: '{"Version":"2012-10-17"}' },
    path: 'policy',
    canonical: '{"Version":"2012-10-17"}',
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_acl',
    folded: 'acl',
    state: { bucket: 'b', acl: 'private' },
    path: 'acl',
    canonical: 'private',
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_acl',
    folded: 'access_control_policy.owner',
    state: { bucket: 'b', access_control_policy: [{ owner: 'o' }] },
    path: 'access_control_policy.owner',
    canonical: 'o',
  },
  {
    parent: 'aws_s3_bucket',
    sub: 'aws_s3_bucket_logging',
    folded: 'logging.target_prefix',
    state: { bucket: 'b', target_bucket: 'logs', target_prefix: 'b/' },
    path: 'target_prefix',
    canonical: 'b/',
  },
  ...['aws_sqs_queue:aws_sqs_queue_policy:queue_url', 'aws_sns_topic:aws_sns_topic_policy:arn']
    .concat([
      'aws_secretsmanager_secret:aws_secretsmanager_secret_policy:secret_arn',
      'aws_ecr_repository:aws_ecr_repository_policy:repository',
    ])
    .map((spec): Row => {
      const [parent, sub, id] = spec.split(':') as [string, string, string];
      return {
        parent,
        sub,
        folded: 'policy',
        state: { [id]: 'p', policy: '{}' },
        path: 'policy',
        canonical: '{}',
      };
    }),
  {
    parent: 'aws_internet_gateway',
    sub: 'aws_internet_gateway_attachment',
    folded: 'vpc_id',
    state: { internet_gateway_id: 'igw-1', vpc_id: 'vpc-1' },
    path: 'vpc_id',
    canonical: 'vpc-1',
  },
  ...['network_security_group_id', 'route_table_id'].map(
    (attribute): Row => ({
      parent: 'azurerm_subnet',
      sub: `azurerm_subnet_${attribute === 'route_table_id' ? 'route_table' : 'network_security_group'}_association`,
      folded: attribute,
      state: { subnet_id: 's', [attribute]: 'x' },
      path: attribute,
      canonical: 'x',
    }),
  ),
];

/** The value at a path, reading a one-element block list as its block, as HCL writes a single nested block. */
function at(value: Value | undefined, path: string): Value | undefined {
  let here = value;
  for (const segment of parsePath(path)) {
    if (typeof segment === 'string' && Array.isArray(here) && here.length === 1) here = here[0];
    if (here === null || here === undefined || typeof here !== 'object') return undefined;
    here = (here as Record<string, Value>)[segment as never];
  }
  return here;
}

describe('the catalogue unfolds what it folds', () => {
  for (const row of ROWS) {
    it(`${row.sub} -> ${row.parent}.${row.folded}`, () => {
      const type = resourceType(row.parent);
      const folded = foldedAt(type, parsePath(row.folded));
      expect(folded?.sub.type).toBe(row.sub);
      const parent: Attributes = {};
      folded?.sub.fold(parent, structuredClone(row.state));
      expect(at(parent, row.folded)).toEqual(row.canonical);
      const where = subPath(folded as NonNullable<typeof folded>, parsePath(row.folded), type?.sets ?? []);
      expect(formatPath(where.path)).toBe(row.path);
      const written = at(row.state, row.path) as Value;
      expect(where.convert ? where.convert.read(written) : written).toEqual(row.canonical);
      // What fix writes for the canonical value folds back to it.
      if (where.convert)
        expect(where.convert.read(where.convert.write(row.canonical) as Value)).toEqual(row.canonical);
    });
  }

  it('has a row for every unfold in the catalogue', () => {
    const unfolds = RESOURCE_TYPES.flatMap((type) =>
      (type.folds ?? []).flatMap((sub) =>
        (sub.unfold ?? []).map((unfold) => `${type.type} ${sub.type} ${unfold.attribute}`),
      ),
    );
    const rows = new Set(ROWS.map((row) => `${row.parent} ${row.sub} ${parsePath(row.folded)[0]}`));
    expect(unfolds.filter((unfold) => !rows.has(unfold))).toEqual([]);
    expect(unfolds.length).toBeGreaterThan(10);
  });
});
