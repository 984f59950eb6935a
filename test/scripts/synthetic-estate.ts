import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/package-info.js';

/**
 * A synthetic estate for benchmarks: `count` declared resources in Terraform state v4 files and a live snapshot
 * of the same estate with about 5% drift (2% changed, 1.5% deleted, 1.5% made by hand). Deterministic for a seed.
 * Its types are at every coverage level (`driftwarden types`): attributes (the first five and the storage
 * account), tags (the VPC endpoint, the Automation account) and existence (the KMS alias, whose planted changes
 * are in tags it does not compare, so they are not drift).
 */
export interface SyntheticEstate {
  states: string[];
  snapshot: string;
  expected: { changed: number; missing: number; unmanaged: number };
}

const TYPES = [
  'aws_s3_bucket',
  'aws_iam_policy',
  'aws_security_group',
  'aws_sqs_queue',
  'aws_ebs_volume',
  'aws_vpc_endpoint',
  'aws_kms_alias',
  'azurerm_storage_account',
  'azurerm_automation_account',
] as const;
type SyntheticType = (typeof TYPES)[number];

/** Types at the existence level: a change in their tags is not compared. */
const EXISTENCE_ONLY: ReadonlySet<SyntheticType> = new Set(['aws_kms_alias']);

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers';

/** The storage account of the type catalogue's fixture: its state form, and the canonical form a live read gives. */
const STORAGE_ACCOUNT = (() => {
  const fixture = JSON.parse(
    readFileSync(join(packageRoot(), 'fixtures/types/azurerm/storage-account.json'), 'utf8'),
  ) as { canonical: Record<string, unknown>; forms: { state: { resources: { attributes: object }[] } } };
  const attributes = (fixture.forms.state.resources[0]?.attributes ?? {}) as Record<string, unknown>;
  const { primary_access_key: _secret, ...state } = attributes;
  // The fixture's state sets the key through a separate azurerm_storage_account_customer_managed_key, folded into
  // the account; one account per estate entry declares it inline (the block azurerm 4.x also accepts) instead.
  state.customer_managed_key = fixture.canonical.customer_managed_key;
  return { state: JSON.stringify(state), live: JSON.stringify(fixture.canonical) };
})();

function storageAccount(form: 'state' | 'live', name: string): Record<string, unknown> {
  return JSON.parse(STORAGE_ACCOUNT[form].replaceAll('stacmeprod01', name).replaceAll('rg-prod', 'rg-bench'));
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function idFor(type: SyntheticType, n: number): string {
  switch (type) {
    case 'aws_s3_bucket':
      return `acme-bucket-${n}`;
    case 'aws_iam_policy':
      return `arn:aws:iam::111122223333:policy/app-${n}`;
    case 'aws_security_group':
      return `sg-${n.toString(16).padStart(17, '0')}`;
    case 'aws_sqs_queue':
      return `https://sqs.eu-west-1.amazonaws.com/111122223333/queue-${n}`;
    case 'aws_ebs_volume':
      return `vol-${n.toString(16).padStart(17, '0')}`;
    case 'aws_vpc_endpoint':
      return `vpce-${n.toString(16).padStart(17, '0')}`;
    case 'aws_kms_alias':
      return `alias/app-${n}`;
    case 'azurerm_storage_account':
      return `${SUBSCRIPTION}/Microsoft.Storage/storageAccounts/st${n}`;
    case 'azurerm_automation_account':
      return `${SUBSCRIPTION}/Microsoft.Automation/automationAccounts/aa-${n}`;
  }
}

function attributesFor(type: SyntheticType, n: number, id: string): Record<string, unknown> {
  const tags = { env: n % 3 === 0 ? 'prod' : 'staging', team: `team-${n % 17}`, service: `svc-${n % 101}` };
  switch (type) {
    case 'aws_s3_bucket':
      return {
        id,
        bucket: id,
        arn: `arn:aws:s3:::${id}`,
        tags,
        tags_all: tags,
        versioning: [{ enabled: n % 2 === 0, mfa_delete: false }],
        server_side_encryption_configuration: [
          {
            rule: [
              {
                apply_server_side_encryption_by_default: [
                  { sse_algorithm: 'aws:kms', kms_master_key_id: '' },
                ],
                bucket_key_enabled: true,
              },
            ],
          },
        ],
        force_destroy: false,
      };
    case 'aws_iam_policy':
      return {
        id,
        arn: id,
        name: `app-${n}`,
        path: '/',
        description: '',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::acme-bucket-${n}/*`],
            },
          ],
        }),
        tags,
        tags_all: tags,
      };
    case 'aws_security_group':
      return {
        id,
        name: `sg-app-${n}`,
        vpc_id: 'vpc-0abc',
        ingress: [
          {
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            cidr_blocks: ['10.0.0.0/8'],
            description: 'https',
            ipv6_cidr_blocks: [],
            prefix_list_ids: [],
            security_groups: [],
            self: false,
          },
        ],
        egress: [
          {
            from_port: 0,
            to_port: 0,
            protocol: '-1',
            cidr_blocks: ['0.0.0.0/0'],
            description: '',
            ipv6_cidr_blocks: [],
            prefix_list_ids: [],
            security_groups: [],
            self: false,
          },
        ],
        tags,
        tags_all: tags,
      };
    case 'aws_sqs_queue':
      return {
        id,
        name: `queue-${n}`,
        url: id,
        sqs_managed_sse_enabled: true,
        visibility_timeout_seconds: 30,
        tags,
        tags_all: tags,
      };
    case 'aws_ebs_volume':
      return {
        id,
        availability_zone: 'eu-west-1a',
        size: 100,
        type: 'gp3',
        encrypted: true,
        kms_key_id: '',
        tags,
        tags_all: tags,
      };
    case 'aws_vpc_endpoint':
      return {
        id,
        vpc_id: 'vpc-0abc',
        service_name: 'com.amazonaws.eu-west-1.s3',
        vpc_endpoint_type: 'Gateway',
        tags,
        tags_all: tags,
      };
    case 'aws_kms_alias':
      return { id, name: id, target_key_id: `key-${n}`, arn: `arn:aws:kms:eu-west-1:111122223333:${id}` };
    case 'azurerm_storage_account':
      return { ...storageAccount('state', `st${n}`), id, tags };
    case 'azurerm_automation_account':
      return { id, name: `aa-${n}`, resource_group_name: 'rg-bench', location: 'westeurope', tags };
  }
}

function liveAttributes(type: SyntheticType, declared: Record<string, unknown>): Record<string, unknown> {
  const { tags_all: _tagsAll, force_destroy: _forceDestroy, ...rest } = declared;
  if (type === 'azurerm_storage_account')
    return { ...storageAccount('live', String(declared.name)), id: declared.id, tags: declared.tags };
  if (type === 'aws_s3_bucket') {
    return {
      ...rest,
      versioning: { enabled: (declared.versioning as { enabled: boolean }[])[0]?.enabled, mfa_delete: false },
      server_side_encryption_configuration: {
        rule: [
          { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true },
        ],
      },
    };
  }
  return rest;
}

export function syntheticEstate(count: number, stateFiles: number, seed = 42): SyntheticEstate {
  const rand = random(seed);
  const perState: unknown[][] = Array.from({ length: stateFiles }, () => []);
  const live: unknown[] = [];
  const expected = { changed: 0, missing: 0, unmanaged: 0 };
  for (let n = 0; n < count; n++) {
    const type = TYPES[n % TYPES.length] as SyntheticType;
    const id = idFor(type, n);
    const attributes = attributesFor(type, n, id);
    const moduleName = `module.m${n % 50}`;
    perState[n % stateFiles]?.push({
      module: moduleName,
      mode: 'managed',
      type,
      name: `r${n}`,
      provider: `provider["registry.terraform.io/hashicorp/${type.startsWith('azurerm_') ? 'azurerm' : 'aws'}"]`,
      instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    });
    const roll = rand();
    if (roll < 0.015) {
      expected.missing++;
      continue;
    }
    const liveAttrs = liveAttributes(type, attributes);
    if (roll < 0.035) {
      liveAttrs.tags = { ...(liveAttrs.tags as object), env: 'hotfix' };
      if (!EXISTENCE_ONLY.has(type)) expected.changed++;
    }
    live.push({ type, id, attributes: liveAttrs });
  }
  const unmanaged = Math.round(count * 0.015);
  for (let n = 0; n < unmanaged; n++) {
    const type = TYPES[n % TYPES.length] as SyntheticType;
    const id = idFor(type, count + n);
    live.push({ type, id, attributes: liveAttributes(type, attributesFor(type, count + n, id)) });
    expected.unmanaged++;
  }
  const states = perState.map((resources, index) =>
    JSON.stringify({
      version: 4,
      terraform_version: '1.9.8',
      serial: index + 1,
      lineage: `bench-${index}`,
      outputs: {},
      resources,
    }),
  );
  const snapshot = JSON.stringify({ snapshotVersion: 1, coveredTypes: [...TYPES], resources: live });
  return { states, snapshot, expected };
}
