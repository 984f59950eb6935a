import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RawConfigItem, readConfigItem } from '../../connectors/aws-config/map/decode.js';
import { MAPPING_BY_CONFIG_TYPE, MAPPINGS } from '../../connectors/aws-config/map/index.js';
import type { ConfigItem, MappedResource, TypeMapping } from '../../connectors/aws-config/map/types.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/aws-config');
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/7c1e0b2a-3d4f-4a5b-8c6d-9e0f1a2b3c4d';
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders-events.fifo';
const TRAIL_ARN = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit';
const LB_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/orders-alb/50dc6c495c0c9188';
const LISTENER_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/orders-alb/50dc6c495c0c9188/f2f7dc8efc522ab2';
const PLANTED_SECRET = 'planted-secret-9f4c2e1a';

/** A mapping of the type catalogue, as the connector looks it up. */
function mappingOf(configType: string): TypeMapping {
  const mapping = MAPPING_BY_CONFIG_TYPE.get(configType);
  if (!mapping) throw new Error(`no mapping for ${configType}`);
  return mapping;
}
const cloudtrailMapping = mappingOf('AWS::CloudTrail::Trail');
const iamUserMapping = mappingOf('AWS::IAM::User');
const lambdaFunctionMapping = mappingOf('AWS::Lambda::Function');
const lbListenerMapping = mappingOf('AWS::ElasticLoadBalancingV2::Listener');
const securityGroupMapping = mappingOf('AWS::EC2::SecurityGroup');
const ebsVolumeMapping = mappingOf('AWS::EC2::Volume');
const dbInstanceMapping = mappingOf('AWS::RDS::DBInstance');
const rdsClusterMapping = mappingOf('AWS::RDS::DBCluster');
const dynamodbTableMapping = mappingOf('AWS::DynamoDB::Table');
const sqsQueueMapping = mappingOf('AWS::SQS::Queue');
const kmsKeyMapping = mappingOf('AWS::KMS::Key');
const efsFileSystemMapping = mappingOf('AWS::EFS::FileSystem');

function rawFixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** A fresh decoded item on every call, so a test may change it. */
function fixture(file: string): ConfigItem {
  const raw: RawConfigItem = JSON.parse(rawFixture(file));
  const read = readConfigItem(raw);
  if ('unreadable' in read) throw new Error(`${file} is not a configuration item: ${read.unreadable}`);
  expect(read.issues).toEqual([]);
  return read.item;
}

function mapFixture(mapping: TypeMapping, file: string): MappedResource | undefined {
  const item = fixture(file);
  expect(item.resourceType).toBe(mapping.configType);
  return mapping.map(item);
}

function withConfiguration(
  file: string,
  change: (configuration: Record<string, unknown>) => void,
): ConfigItem {
  const item = fixture(file);
  change(item.configuration);
  return item;
}

describe('AWS Config mappings: recorded items', () => {
  it('maps an EBS volume', () => {
    expect(mapFixture(ebsVolumeMapping, 'AWS-EC2-Volume.json')).toEqual({
      id: 'vol-0c2f7a9e4b1d36a58',
      attributes: {
        availability_zone: 'eu-west-1a',
        size: 100,
        type: 'gp3',
        iops: 3000,
        throughput: 125,
        encrypted: true,
        kms_key_id: KEY_ARN,
        multi_attach_enabled: false,
        snapshot_id: '',
        tags: { Name: 'orders-db-data', team: 'payments' },
      },
    });
  });

  it('maps an RDS instance, keyed by its identifier rather than the DbiResourceId', () => {
    expect(mapFixture(dbInstanceMapping, 'AWS-RDS-DBInstance.json')).toEqual({
      id: 'orders-db',
      attributes: {
        identifier: 'orders-db',
        engine: 'postgres',
        engine_version: '15.5',
        instance_class: 'db.r6g.large',
        allocated_storage: 100,
        storage_type: 'gp3',
        storage_encrypted: true,
        kms_key_id: KEY_ARN,
        publicly_accessible: false,
        multi_az: true,
        deletion_protection: true,
        iam_database_authentication_enabled: true,
        backup_retention_period: 7,
      },
    });
  });

  it('maps an RDS cluster, keyed by its identifier', () => {
    expect(mapFixture(rdsClusterMapping, 'AWS-RDS-DBCluster.json')).toEqual({
      id: 'orders-aurora',
      attributes: {
        cluster_identifier: 'orders-aurora',
        engine: 'aurora-postgresql',
        engine_version: '15.4',
        storage_encrypted: true,
        kms_key_id: KEY_ARN,
        deletion_protection: false,
        iam_database_authentication_enabled: false,
        backup_retention_period: 14,
      },
    });
  });

  it('maps a DynamoDB table with its SSE block and point-in-time recovery', () => {
    expect(mapFixture(dynamodbTableMapping, 'AWS-DynamoDB-Table.json')).toEqual({
      id: 'orders',
      attributes: {
        name: 'orders',
        billing_mode: 'PAY_PER_REQUEST',
        hash_key: 'pk',
        range_key: 'sk',
        server_side_encryption: [{ enabled: true, kms_key_arn: KEY_ARN }],
        point_in_time_recovery: [{ enabled: true }],
      },
    });
  });

  it('maps an SQS queue, keyed by its URL, with the string attributes typed', () => {
    expect(mapFixture(sqsQueueMapping, 'AWS-SQS-Queue.json')).toEqual({
      id: QUEUE_URL,
      attributes: {
        name: 'orders-events.fifo',
        kms_master_key_id: 'alias/orders-queue',
        sqs_managed_sse_enabled: false,
        visibility_timeout_seconds: 60,
        message_retention_seconds: 345600,
        fifo_queue: true,
      },
    });
  });

  it('reads an SQS queue without KmsMasterKeyId as having no key when its map reports SSE-SQS, and as unknown otherwise', () => {
    const sseSqs = withConfiguration('AWS-SQS-Queue.json', (c) => {
      delete c.KmsMasterKeyId;
      c.SqsManagedSseEnabled = 'true';
    });
    expect(sqsQueueMapping.map(sseSqs)?.attributes).toMatchObject({
      kms_master_key_id: null,
      sqs_managed_sse_enabled: true,
    });
    const older = withConfiguration('AWS-SQS-Queue.json', (c) => {
      delete c.KmsMasterKeyId;
      delete c.SqsManagedSseEnabled;
    });
    expect(sqsQueueMapping.map(older)?.attributes).not.toHaveProperty('kms_master_key_id');
  });

  it('maps a customer-managed KMS key', () => {
    expect(mapFixture(kmsKeyMapping, 'AWS-KMS-Key.json')).toEqual({
      id: '7c1e0b2a-3d4f-4a5b-8c6d-9e0f1a2b3c4d',
      attributes: {
        key_id: '7c1e0b2a-3d4f-4a5b-8c6d-9e0f1a2b3c4d',
        arn: KEY_ARN,
        description: 'orders data at rest',
        key_usage: 'ENCRYPT_DECRYPT',
        customer_master_key_spec: 'SYMMETRIC_DEFAULT',
        is_enabled: true,
        enable_key_rotation: true,
      },
    });
  });

  it('maps an EFS file system with its FileSystemTags', () => {
    expect(mapFixture(efsFileSystemMapping, 'AWS-EFS-FileSystem.json')).toEqual({
      id: 'fs-0a1b2c3d4e5f67890',
      attributes: {
        arn: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0a1b2c3d4e5f67890',
        encrypted: true,
        kms_key_id: KEY_ARN,
        performance_mode: 'generalPurpose',
        throughput_mode: 'elastic',
        tags: { Name: 'orders-shared', team: 'payments' },
      },
    });
  });

  it('maps a security group into one rule block per protocol, ports and description, as the provider reads it', () => {
    const empty = {
      cidr_blocks: [],
      ipv6_cidr_blocks: [],
      prefix_list_ids: [],
      security_groups: [],
      self: false,
    };
    expect(mapFixture(securityGroupMapping, 'AWS-EC2-SecurityGroup.json')).toEqual({
      id: 'sg-0f1e2d3c4b5a69788',
      attributes: {
        name: 'orders-api',
        description: 'orders API tasks',
        vpc_id: 'vpc-0d4c3b2a19f8e7d6c',
        ingress: [
          {
            ...empty,
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            cidr_blocks: ['10.20.0.0/16', '10.30.0.0/16'],
            description: 'vpc',
          },
          {
            ...empty,
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            cidr_blocks: ['203.0.113.0/24'],
            ipv6_cidr_blocks: ['2001:db8:1200::/56'],
            description: 'office',
          },
          { ...empty, from_port: 8080, to_port: 8080, protocol: 'tcp', self: true, description: '' },
          {
            ...empty,
            from_port: 8080,
            to_port: 8080,
            protocol: 'tcp',
            security_groups: ['sg-0aa1bb2cc3dd4ee5f', '444455556666/sg-0123456789abcdef0'],
            description: 'alb',
          },
        ],
        egress: [
          { ...empty, from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], description: '' },
          {
            ...empty,
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            prefix_list_ids: ['pl-6da54004'],
            description: 's3 gateway',
          },
        ],
        tags: { Name: 'orders-api' },
        // Not the VPC's default group, which AWS creates: that one is not unmanaged unless --strict.
        aws_created: false,
      },
    });
  });

  it('maps a Lambda function', () => {
    expect(mapFixture(lambdaFunctionMapping, 'AWS-Lambda-Function.json')).toEqual({
      id: 'orders-processor',
      attributes: {
        function_name: 'orders-processor',
        arn: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-processor',
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        role: 'arn:aws:iam::111122223333:role/orders-processor',
        memory_size: 512,
        timeout: 30,
        kms_key_arn: KEY_ARN,
        layers: ['arn:aws:lambda:eu-west-1:111122223333:layer:orders-shared:7'],
        vpc_config: [
          {
            subnet_ids: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
            security_group_ids: ['sg-0f1e2d3c4b5a69788'],
          },
        ],
        tracing_config: [{ mode: 'Active' }],
      },
    });
  });

  it('maps a CloudTrail trail, keyed by its ARN as provider 5.25+ state is', () => {
    expect(mapFixture(cloudtrailMapping, 'AWS-CloudTrail-Trail.json')).toEqual({
      id: TRAIL_ARN,
      attributes: {
        arn: TRAIL_ARN,
        name: 'org-audit',
        s3_bucket_name: 'acme-cloudtrail-111122223333',
        kms_key_id: KEY_ARN,
        is_multi_region_trail: true,
        include_global_service_events: true,
        enable_log_file_validation: true,
        is_organization_trail: false,
      },
    });
  });

  it('maps an ALB listener with the redirect nested as a one-element list', () => {
    expect(mapFixture(lbListenerMapping, 'AWS-ElasticLoadBalancingV2-Listener.json')).toEqual({
      id: LISTENER_ARN,
      attributes: {
        arn: LISTENER_ARN,
        load_balancer_arn: LB_ARN,
        port: 80,
        protocol: 'HTTP',
        default_action: [
          {
            type: 'redirect',
            order: 1,
            redirect: [
              {
                protocol: 'HTTPS',
                port: '443',
                status_code: 'HTTP_301',
                host: '#{host}',
                path: '/#{path}',
                query: '#{query}',
              },
            ],
          },
        ],
      },
    });
  });

  it('maps an IAM user, keyed by name, without its inline policies or attachments', () => {
    expect(mapFixture(iamUserMapping, 'AWS-IAM-User.json')).toEqual({
      id: 'ci-deployer',
      attributes: {
        name: 'ci-deployer',
        path: '/automation/',
        arn: 'arn:aws:iam::111122223333:user/automation/ci-deployer',
        unique_id: 'AIDAYZ3EXAMPLE7USERID',
        permissions_boundary: 'arn:aws:iam::111122223333:policy/automation-boundary',
        tags: { team: 'platform' },
      },
    });
  });
});

describe('AWS Config mappings: skipped items and secrets', () => {
  it('skips an AWS-managed KMS key', () => {
    expect(mapFixture(kmsKeyMapping, 'AWS-KMS-Key-aws-managed.json')).toBeUndefined();
  });

  it('skips a customer key pending deletion', () => {
    const item = withConfiguration('AWS-KMS-Key.json', (c) => {
      c.keyState = 'PendingDeletion';
      c.enabled = false;
    });
    expect(kmsKeyMapping.map(item)).toBeUndefined();
  });

  it('never carries Lambda environment variables', () => {
    expect(rawFixture('AWS-Lambda-Function.json')).toContain(PLANTED_SECRET);
    const resource = mapFixture(lambdaFunctionMapping, 'AWS-Lambda-Function.json');
    expect(resource?.attributes).not.toHaveProperty('environment');
    expect(JSON.stringify(resource)).not.toContain(PLANTED_SECRET);
  });
});

describe('AWS Config mappings: unknown versus reported-empty', () => {
  it('leaves out an attribute the item does not report, instead of writing null', () => {
    const item = withConfiguration('AWS-EC2-Volume.json', (c) => {
      delete c.kmsKeyId;
      delete c.tags;
    });
    const attributes = ebsVolumeMapping.map(item)?.attributes ?? {};
    expect(Object.hasOwn(attributes, 'kms_key_id')).toBe(false);
    expect(Object.hasOwn(attributes, 'tags')).toBe(false);
    expect(attributes.encrypted).toBe(true);
  });

  it('keeps a value the item reports as null, which says "none" rather than "unknown"', () => {
    const item = withConfiguration('AWS-CloudTrail-Trail.json', (c) => {
      c.kmsKeyId = null;
    });
    expect(cloudtrailMapping.map(item)?.attributes.kms_key_id).toBeNull();
  });

  it('writes no attribute as undefined for any recorded item', () => {
    const cases: [TypeMapping, string][] = [
      [ebsVolumeMapping, 'AWS-EC2-Volume.json'],
      [dbInstanceMapping, 'AWS-RDS-DBInstance.json'],
      [rdsClusterMapping, 'AWS-RDS-DBCluster.json'],
      [dynamodbTableMapping, 'AWS-DynamoDB-Table.json'],
      [sqsQueueMapping, 'AWS-SQS-Queue.json'],
      [kmsKeyMapping, 'AWS-KMS-Key.json'],
      [efsFileSystemMapping, 'AWS-EFS-FileSystem.json'],
      [securityGroupMapping, 'AWS-EC2-SecurityGroup.json'],
      [lambdaFunctionMapping, 'AWS-Lambda-Function.json'],
      [cloudtrailMapping, 'AWS-CloudTrail-Trail.json'],
      [lbListenerMapping, 'AWS-ElasticLoadBalancingV2-Listener.json'],
      [iamUserMapping, 'AWS-IAM-User.json'],
    ];
    for (const [mapping, file] of cases) {
      const attributes = mapFixture(mapping, file)?.attributes ?? {};
      expect(Object.values(attributes), file).not.toContain(undefined);
    }
  });

  it('reads a DynamoDB table with an AWS-owned key as an empty SSE list, and no SSE field as unknown', () => {
    const owned = withConfiguration('AWS-DynamoDB-Table.json', (c) => {
      c.ssedescription = null;
    });
    expect(dynamodbTableMapping.map(owned)?.attributes.server_side_encryption).toEqual([]);
    const unreported = withConfiguration('AWS-DynamoDB-Table.json', (c) => {
      delete c.ssedescription;
    });
    expect(dynamodbTableMapping.map(unreported)?.attributes).not.toHaveProperty('server_side_encryption');
  });
});

describe('AWS Config mappings: variants of the recorded items', () => {
  it('parses a queue policy into a document and builds the URL when QueueUrl is missing', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }],
    };
    const item = withConfiguration('AWS-SQS-Queue.json', (c) => {
      c.Policy = JSON.stringify(policy);
      delete c.QueueUrl;
    });
    item.resourceId = 'orders-events.fifo';
    const resource = sqsQueueMapping.map(item);
    expect(resource?.id).toBe(QUEUE_URL);
    expect(resource?.attributes.policy).toEqual(policy);
  });

  it('reads KeyRotationStatus given as the string "false"', () => {
    const item = fixture('AWS-KMS-Key.json');
    item.supplementaryConfiguration.KeyRotationStatus = 'false';
    expect(kmsKeyMapping.map(item)?.attributes.enable_key_rotation).toBe(false);
  });

  it('maps an HTTPS listener with its policy, default certificate and forward target', () => {
    const tg = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders-api/73e2d6bc24d8a067';
    const cert = 'arn:aws:acm:eu-west-1:111122223333:certificate/4f7c2a1e-9b3d-4c5e-8f6a-0b1c2d3e4f5a';
    const item = withConfiguration('AWS-ElasticLoadBalancingV2-Listener.json', (c) => {
      c.Port = 443;
      c.Protocol = 'HTTPS';
      c.SslPolicy = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
      c.Certificates = [{ CertificateArn: cert }];
      c.DefaultActions = [
        {
          Type: 'forward',
          Order: 1,
          TargetGroupArn: tg,
          ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }] },
        },
      ];
    });
    expect(lbListenerMapping.map(item)?.attributes).toEqual({
      arn: LISTENER_ARN,
      load_balancer_arn: LB_ARN,
      port: 443,
      protocol: 'HTTPS',
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificate_arn: cert,
      default_action: [{ type: 'forward', order: 1, target_group_arn: tg }],
    });
  });

  it('reads the older ipRanges list of bare CIDRs when ipv4Ranges is absent', () => {
    const item = withConfiguration('AWS-EC2-SecurityGroup.json', (c) => {
      c.ipPermissionsEgress = [{ ipProtocol: '-1', ipRanges: ['0.0.0.0/0'], userIdGroupPairs: [] }];
    });
    expect(securityGroupMapping.map(item)?.attributes.egress).toEqual([
      {
        from_port: 0,
        to_port: 0,
        protocol: '-1',
        cidr_blocks: ['0.0.0.0/0'],
        ipv6_cidr_blocks: [],
        prefix_list_ids: [],
        security_groups: [],
        self: false,
        description: '',
      },
    ]);
  });
});

describe('MAPPINGS', () => {
  it('lists each mapping once, one per Config type', () => {
    expect(new Set(MAPPINGS).size).toBe(MAPPINGS.length);
    expect(new Set(MAPPINGS.map((m) => m.configType)).size).toBe(MAPPINGS.length);
    expect(new Set(MAPPINGS.map((m) => m.terraformType)).size).toBe(MAPPINGS.length);
  });
});

describe('an S3 item field of the wrong type is unknown, never passed on as the attribute', () => {
  it('a numeric sseAlgorithm and a string public access flag read as unknown', () => {
    const read = readConfigItem({
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'odd',
      resourceName: 'odd',
      configuration: JSON.stringify({ name: 'odd' }),
      supplementaryConfiguration: {
        ServerSideEncryptionConfiguration: JSON.stringify({
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 42 }, bucketKeyEnabled: 'yes' }],
        }),
        PublicAccessBlockConfiguration: JSON.stringify({ blockPublicAcls: 'true' }),
      },
    });
    if ('unreadable' in read) throw new Error(read.unreadable);
    const mapped = MAPPING_BY_CONFIG_TYPE.get('AWS::S3::Bucket')?.map(read.item);
    const unknownMarker = { __unknown: true, reason: 'not-reported' };
    expect(mapped?.attributes.server_side_encryption_configuration).toEqual({
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: unknownMarker, kms_master_key_id: null },
          bucket_key_enabled: unknownMarker,
        },
      ],
    });
    expect(mapped?.attributes.public_access_block).toEqual({
      block_public_acls: unknownMarker,
      block_public_policy: false,
      ignore_public_acls: false,
      restrict_public_buckets: false,
    });
  });
});

describe('an instance primary network interface is held back like a service-managed one', () => {
  const eni = (attachment: Record<string, unknown>) => {
    const read = readConfigItem({
      resourceType: 'AWS::EC2::NetworkInterface',
      resourceId: 'eni-0123',
      configuration: JSON.stringify({
        networkInterfaceId: 'eni-0123',
        requesterManaged: false,
        attachment: { instanceId: 'i-0abc', ...attachment },
      }),
      supplementaryConfiguration: {},
    });
    if ('unreadable' in read) throw new Error(read.unreadable);
    return MAPPING_BY_CONFIG_TYPE.get('AWS::EC2::NetworkInterface')?.map(read.item)?.attributes.aws_created;
  };

  it('device 0, deleted with the instance: made by EC2 with its instance', () => {
    expect(eni({ deviceIndex: 0, deleteOnTermination: true })).toBe(true);
  });

  it('a second interface, or one kept on termination, is the user own', () => {
    expect(eni({ deviceIndex: 1, deleteOnTermination: true })).toBe(false);
    expect(eni({ deviceIndex: 0, deleteOnTermination: false })).toBe(false);
  });
});
