import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';

/**
 * A generated estate for the policy benchmark: resources of the types the rules read, half declared (Terraform
 * shapes: JSON policy strings, one-element block lists) and half live (canonical), about 10% of them violating.
 */
export function policyEstate(count: number): Resource[] {
  const makers: ((n: number, bad: boolean) => [string, string, Record<string, Value>])[] = [
    (n, bad) => [
      'aws_iam_policy',
      `arn:aws:iam::111122223333:policy/app-${n}`,
      {
        name: `app-${n}`,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: bad ? '*' : ['s3:GetObject', 's3:ListBucket'],
              Resource: bad ? '*' : [`arn:aws:s3:::b-${n}/*`],
            },
            {
              Effect: 'Allow',
              Action: ['logs:PutLogEvents'],
              Resource: [`arn:aws:logs:eu-west-1:111122223333:log-group:/app/${n}:*`],
            },
          ],
        }),
      },
    ],
    (n, bad) => [
      'aws_iam_role',
      `role-${n}`,
      {
        name: `role-${n}`,
        assume_role_policy: JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: bad ? { AWS: '*' } : { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
        managed_policy_arns: [`arn:aws:iam::111122223333:policy/app-${n}`],
        inline_policy: [
          {
            name: 'pass',
            policy: JSON.stringify({
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: bad ? '*' : `arn:aws:iam::111122223333:role/r-${n}`,
                },
              ],
            }),
          },
        ],
      },
    ],
    (n, bad) => [
      'aws_s3_bucket',
      `bucket-${n}`,
      {
        bucket: `bucket-${n}`,
        server_side_encryption_configuration: bad
          ? null
          : {
              rule: [
                {
                  apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' },
                  bucket_key_enabled: true,
                },
              ],
            },
        policy: JSON.stringify({
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: `arn:aws:s3:::bucket-${n}/*`,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
        versioning: { enabled: true, mfa_delete: false },
        tags: { env: 'prod', team: `t${n % 9}` },
      },
    ],
    (n, bad) => ['aws_ebs_volume', `vol-${n}`, { encrypted: !bad, size: 100, type: 'gp3' }],
    (n, bad) => [
      'aws_db_instance',
      `db-${n}`,
      { identifier: `db-${n}`, storage_encrypted: !bad, engine: 'postgres' },
    ],
    (n, bad) => [
      'aws_sqs_queue',
      `https://sqs.eu-west-1.amazonaws.com/111122223333/q-${n}`,
      { name: `q-${n}`, sqs_managed_sse_enabled: !bad, kms_master_key_id: null },
    ],
    (n, bad) => [
      'aws_kms_key',
      `key-${n}`,
      {
        enable_key_rotation: !bad,
        key_usage: 'ENCRYPT_DECRYPT',
        customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      },
    ],
    (n, bad) => [
      'azurerm_storage_account',
      `/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa${n}`,
      {
        https_traffic_only_enabled: !bad,
        min_tls_version: bad ? 'TLS1_0' : 'TLS1_2',
        allow_nested_items_to_be_public: false,
        infrastructure_encryption_enabled: true,
      },
    ],
  ];
  const resources: Resource[] = [];
  for (let n = 0; n < count; n++) {
    const make = makers[n % makers.length];
    if (!make) continue;
    const [type, id, attributes] = make(n, n % 10 === 0);
    const provider = providerOfType(type);
    resources.push({
      provider,
      type,
      id,
      key: resourceKey(type, id, provider),
      attributes,
      origin: n % 2 === 0 ? 'declared' : 'live',
      source: { connector: 'bench', location: 'generated' },
      sensitivePaths: [],
    });
  }
  return resources;
}
