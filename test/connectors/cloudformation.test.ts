// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub placeholders, not template literals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../../connectors/iac/cloudformation.js';
import type { CodeResource, ParsedFile } from '../../connectors/iac/types.js';
import type { InlineWaiver } from '../../src/model/resource.js';
import type { Value } from '../../src/model/value.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/iac/cloudformation');
const UNKNOWN = { __unknown: true, reason: 'expression' };
const GENERATED = { __unknown: true, reason: 'computed' };

function read(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function find(parsed: ParsedFile, address: string): CodeResource {
  const found = parsed.resources.find((r) => r.address === address);
  if (!found) throw new Error(`no resource ${address}`);
  return found;
}

/** The expected CodeResource. */
function code(
  file: string,
  [address, type, line, endLine]: [string, string, number, number],
  attributes: Record<string, Value>,
  waivers: InlineWaiver[] = [],
): CodeResource {
  return { type, address, attributes, file, line, endLine, waivers };
}

/** A small template: the resources given, under the parameters and conditions given. */
function template(resources: string, head = ''): ParsedFile {
  return parseCloudFormation(`${head}Resources:\n${resources}`, 't.yaml');
}

function attributesOf(resources: string, head = ''): Record<string, Value> | undefined {
  return template(resources, head).resources[0]?.attributes;
}

describe('CloudFormation YAML: the orders template', () => {
  const file = 'infra/orders.yaml';
  const parsed = parseCloudFormation(read('orders.yaml'), file);
  const at = (address: string) => find(parsed, address);

  it('reads the modelled resources in order and tells what it skipped', () => {
    expect(parsed.resources.map((r) => `${r.type}.${r.address}`)).toEqual([
      'aws_iam_policy.AdminPolicy',
      'aws_s3_bucket.ArtifactsBucket',
      'aws_s3_bucket_policy.ArtifactsBucketPolicy',
      'aws_ebs_volume.ScratchVolume',
      'aws_db_instance.OrdersDatabase',
      'aws_kms_key.DataKey',
      'aws_sqs_queue.JobsQueue',
      'aws_sqs_queue.DeadLetterQueue',
      'aws_iam_role.DeployRole',
      'aws_sns_topic.AlertsTopic',
      'aws_lambda_function.OrdersFunction',
      'aws_cloudwatch_log_group.OrdersLogGroup',
    ]);
    expect(parsed.diagnostics).toEqual([
      {
        level: 'info',
        code: 'iac.condition-false',
        message: 'not created with the parameter defaults, their Condition being false: DevSandboxBucket',
        source: file,
      },
    ]);
  });

  it('maps a managed policy granting "*" on "*", its document unchanged, !Sub resolved from a default', () => {
    expect(at('AdminPolicy')).toEqual(
      code(file, ['AdminPolicy', 'aws_iam_policy', 22, 33], {
        name: 'prod-orders-admin',
        description: 'Break-glass access for the orders team',
        path: '/orders/',
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      }),
    );
  });

  it('maps a bucket without BucketEncryption to a null configuration; !If on a static condition resolves', () => {
    expect(at('ArtifactsBucket')).toEqual(
      code(file, ['ArtifactsBucket', 'aws_s3_bucket', 35, 50], {
        bucket: 'orders-artifacts-prod',
        server_side_encryption_configuration: null,
        versioning: { enabled: true, mfa_delete: false },
        public_access_block: {
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        },
        tags: { team: 'orders', env: 'prod' },
      }),
    );
  });

  it('names the bucket of a bucket policy from a !Ref to the bucket; !GetAtt stays unknown', () => {
    const statement = {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [UNKNOWN, 'arn:aws:s3:::orders-artifacts-prod/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    expect(at('ArtifactsBucketPolicy')).toEqual(
      code(file, ['ArtifactsBucketPolicy', 'aws_s3_bucket_policy', 52, 68], {
        bucket: 'orders-artifacts-prod',
        policy: { Version: '2012-10-17', Statement: [statement] },
      }),
    );
  });

  it('maps an unencrypted volume (Encrypted absent = false) and reads the waiver comment above it', () => {
    expect(at('ScratchVolume')).toEqual(
      code(
        file,
        ['ScratchVolume', 'aws_ebs_volume', 71, 79],
        {
          availability_zone: UNKNOWN,
          size: 100,
          type: 'gp3',
          encrypted: false,
          tags: { Name: 'orders-scratch-prod' },
        },
        [{ rule: 'DW-AWS-EBS-001', reason: 'scratch volume, rebuilt nightly from S3', source: `${file}:70` }],
      ),
    );
  });

  it('maps an encrypted DB instance and never reads its MasterUserPassword', () => {
    expect(at('OrdersDatabase')).toEqual(
      code(file, ['OrdersDatabase', 'aws_db_instance', 81, 96], {
        identifier: 'orders-prod',
        engine: 'postgres',
        instance_class: 'db.m6g.large',
        storage_encrypted: true,
        kms_key_id: UNKNOWN,
        publicly_accessible: false,
        tags: { env: 'prod' },
      }),
    );
    const output = JSON.stringify(parsed);
    expect(output).not.toContain('PLANTED');
    expect(output).not.toMatch(/password/i);
  });

  it('keeps AWS::AccountId unknown inside a key policy', () => {
    const policy = at('DataKey').attributes.policy as { Statement: { Principal: Value }[] };
    expect(policy.Statement[0]?.Principal).toEqual({ AWS: UNKNOWN });
    expect(at('DataKey')).toMatchObject({ line: 98, endLine: 111 });
    expect(at('DataKey').attributes).toMatchObject({
      description: 'orders data (prod)',
      enable_key_rotation: true,
    });
  });

  it('maps queues: SSE-SQS on by default, unknown when the key depends on a parameter without default', () => {
    expect(at('JobsQueue')).toEqual(
      code(file, ['JobsQueue', 'aws_sqs_queue', 113, 118], {
        name: 'orders-prod-jobs',
        kms_master_key_id: UNKNOWN,
        sqs_managed_sse_enabled: UNKNOWN,
      }),
    );
    expect(at('DeadLetterQueue')).toEqual(
      code(file, ['DeadLetterQueue', 'aws_sqs_queue', 120, 124], {
        name: 'orders-prod-dlq',
        kms_master_key_id: null,
        sqs_managed_sse_enabled: true,
      }),
    );
  });

  it('maps a role with a wildcard trust principal, inline and managed policies', () => {
    expect(at('DeployRole')).toEqual(
      code(file, ['DeployRole', 'aws_iam_role', 126, 150], {
        name: 'prod-orders-deploy',
        assume_role_policy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
        },
        inline_policy: [
          {
            name: 'artifacts',
            policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:PutObject'],
                  Resource: 'arn:aws:s3:::orders-artifacts-prod/*',
                },
              ],
            },
          },
        ],
        managed_policy_arns: [UNKNOWN, 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
        tags: { env: 'prod' },
      }),
    );
  });

  it('keeps a name built from AWS::Region unknown, and a topic without a key null', () => {
    expect(at('AlertsTopic').attributes).toEqual({ name: UNKNOWN, kms_master_key_id: null });
  });

  it('gives the same lines with CRLF line endings', () => {
    const crlf = parseCloudFormation(read('orders.yaml').replace(/\n/g, '\r\n'), file);
    expect(crlf).toEqual(parsed);
  });
});

describe('CloudFormation JSON: the platform template', () => {
  const file = 'platform.json';
  const parsed = parseCloudFormation(read('platform.json'), file);

  it('maps listeners, a table, a file system, a trail, a cluster, a key, a topic, a policy and a role', () => {
    const redirect = {
      type: 'redirect',
      // The redirect's host, path and query the template leaves out are the request's own, as in state.
      redirect: [
        {
          protocol: 'HTTPS',
          port: '443',
          host: '#{host}',
          path: '/#{path}',
          query: '#{query}',
          status_code: 'HTTP_301',
        },
      ],
    };
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toEqual([
      code(file, ['HttpListener', 'aws_lb_listener', 21, 31], {
        port: 80,
        protocol: 'HTTP',
        default_action: [redirect],
      }),
      code(file, ['HttpsListener', 'aws_lb_listener', 32, 42], {
        port: 443,
        protocol: 'HTTPS',
        ssl_policy: 'ELBSecurityPolicy-2016-08',
        default_action: [{ type: 'forward', target_group_arn: UNKNOWN, redirect: [] }],
      }),
      code(file, ['SessionsTable', 'aws_dynamodb_table', 43, 52], {
        name: 'sessions-staging',
        server_side_encryption: [{ enabled: true, kms_key_arn: null }],
      }),
      code(file, ['SharedFiles', 'aws_efs_file_system', 53, 59], {
        encrypted: true,
        tags: { stage: 'staging' },
      }),
      code(file, ['AuditTrail', 'aws_cloudtrail', 60, 68], {
        name: 'audit-staging',
        s3_bucket_name: 'staging-audit-logs',
        kms_key_id: null,
        is_multi_region_trail: true,
      }),
      code(file, ['AppCluster', 'aws_rds_cluster', 69, 77], {
        cluster_identifier: 'app-staging',
        engine: 'aurora-postgresql',
        storage_encrypted: false,
      }),
      code(file, ['SigningKey', 'aws_kms_key', 78, 85], {
        enable_key_rotation: false,
        key_usage: 'SIGN_VERIFY',
        customer_master_key_spec: 'RSA_2048',
        policy: '{"Version":"2012-10-17","Statement":[]}',
      }),
      code(file, ['EventsTopic', 'aws_sns_topic', 86, 92], {
        name: 'events-staging',
        kms_master_key_id: 'alias/aws/sns',
      }),
      code(file, ['DeployPolicy', 'aws_iam_policy', 93, 109], {
        name: 'deploy',
        policy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:PassRole'], Resource: UNKNOWN }],
        },
        // The role it attaches to, by a Ref to a role whose name CloudFormation generates.
        roles: [UNKNOWN],
      }),
      code(file, ['DeployRole', 'aws_iam_role', 110, 118], {
        name: GENERATED,
        assume_role_policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
      }),
    ]);
  });

  it('never reads a NoEcho parameter default', () => {
    expect(JSON.stringify(parsed)).not.toContain('PLANTED');
  });
});

describe('intrinsic functions', () => {
  const head = [
    'Parameters:',
    '  Env: {Type: String, Default: prod}',
    '  Count: {Type: Number, Default: "2"}',
    '  Subnets: {Type: CommaDelimitedList, Default: "a, b ,c"}',
    '  Secret: {Type: String, NoEcho: true, Default: PLANTED-noecho}',
    '  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami}',
    '  Open: {Type: String}',
    'Mappings:',
    '  Sizes: {prod: {Gb: 500}, dev: {Gb: 20}}',
    'Conditions:',
    '  IsProd: !Equals [prod, !Ref Env]',
    '  CountIsTwo: !Equals [!Ref Count, 2]',
    '  Both: !And [!Condition IsProd, !Condition CountIsTwo]',
    '  IsOpen: !Equals [!Ref Open, yes]',
    '  Loop: !Not [!Condition Loop]',
    '',
  ].join('\n');
  const topic = (value: string) =>
    attributesOf(`  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: ${value}\n`, head)?.name;

  it.each([
    [
      '!Sub with a variable map and a literal',
      '!Sub ["${A}-${Env}-${!Literal}", {A: x}]',
      'x-prod-${Literal}',
    ],
    ['long-form Fn::Sub', '{"Fn::Sub": "${Env}-${AWS::Region}"}', UNKNOWN],
    ['!Sub of a resource attribute', '!Sub "${Other.Arn}"', UNKNOWN],
    ['!Join of a list parameter', '!Join ["+", !Ref Subnets]', 'a+b+c'],
    ['!Select of !Split', '!Select [1, !Split [":", "p:q:r"]]', 'q'],
    ['!Select out of range', '!Select [9, [a]]', UNKNOWN],
    ['!FindInMap', '!Join ["", [!FindInMap [Sizes, !Ref Env, Gb]]]', '500'],
    ['!FindInMap with DefaultValue', '!FindInMap [Sizes, test, Gb, {DefaultValue: none}]', 'none'],
    ['!FindInMap missing', '!FindInMap [Sizes, test, Gb]', UNKNOWN],
    ['!Base64', '!Base64 hello', 'aGVsbG8='],
    ['!If on conditions combined with !And', '!If [Both, both, not-both]', 'both'],
    ['!If on a parameter without default', '!If [IsOpen, a, b]', UNKNOWN],
    ['a condition that refers to itself', '!If [Loop, a, b]', UNKNOWN],
    ['an unknown condition', '!If [Nope, a, b]', UNKNOWN],
    ['a NoEcho parameter', '!Ref Secret', UNKNOWN],
    ['an SSM parameter type', '!Ref Ami', UNKNOWN],
    ['a parameter without default', '!Ref Open', UNKNOWN],
    ['!GetAtt with a dotted attribute', '!GetAtt Db.Endpoint.Address', UNKNOWN],
    ['!ImportValue', '!ImportValue shared', UNKNOWN],
    ['!Cidr', '!Select [0, !Cidr ["10.0.0.0/16", 2, 8]]', UNKNOWN],
    ['a dynamic reference', '"{{resolve:ssm:/orders/topic}}"', UNKNOWN],
    ['an unsupported function', '{"Fn::Transform": {Name: m}}', UNKNOWN],
  ])('%s', (_name, expression, expected) => {
    expect(topic(expression)).toEqual(expected);
  });

  it('removes properties and list elements that are Ref AWS::NoValue', () => {
    const attributes = attributesOf(
      [
        '  R:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      RoleName: !If [IsProd, !Ref "AWS::NoValue", dev-role]',
        '      ManagedPolicyArns: [arn:a, !If [IsProd, !Ref "AWS::NoValue", arn:b], arn:c]',
        '',
      ].join('\n'),
      head,
    );
    expect(attributes).toEqual({ name: GENERATED, managed_policy_arns: ['arn:a', 'arn:c'] });
  });

  it('resolves a Ref to a bucket only when its name is static, and survives a reference cycle; policies name such buckets by logical id', () => {
    const parsed = template(
      [
        '  A: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "${B}-a"}}',
        '  B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "${A}-b"}}',
        '  C: {Type: AWS::S3::Bucket}',
        '  PA: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref A, PolicyDocument: {}}}',
        '  PC: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref C, PolicyDocument: {}}}',
        '',
      ].join('\n'),
    );
    expect(parsed.resources.map((r) => r.attributes.bucket)).toEqual([UNKNOWN, UNKNOWN, GENERATED, 'A', 'C']);
  });

  it('never leaks a NoEcho default, even through !Sub', () => {
    const parsed = template(
      '  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "t-${Secret}"\n',
      head,
    );
    expect(parsed.resources[0]?.attributes.name).toEqual(UNKNOWN);
    expect(JSON.stringify(parsed)).not.toContain('PLANTED');
  });
});

describe('defaults and inherited settings', () => {
  it.each([
    [
      'a volume from a snapshot keeps its encryption',
      'AWS::EC2::Volume',
      '{SnapshotId: snap-1}',
      'encrypted',
      GENERATED,
    ],
    [
      'a read replica keeps its source encryption',
      'AWS::RDS::DBInstance',
      '{SourceDBInstanceIdentifier: db}',
      'storage_encrypted',
      GENERATED,
    ],
    [
      'an Aurora instance is encrypted by its cluster',
      'AWS::RDS::DBInstance',
      '{DBClusterIdentifier: c}',
      'storage_encrypted',
      GENERATED,
    ],
    [
      'Aurora Serverless v1 is always encrypted',
      'AWS::RDS::DBCluster',
      '{EngineMode: serverless}',
      'storage_encrypted',
      true,
    ],
    ['an unencrypted cluster', 'AWS::RDS::DBCluster', '{Engine: aurora-mysql}', 'storage_encrypted', false],
    ['an EFS file system', 'AWS::EFS::FileSystem', '{}', 'encrypted', false],
    ['a KMS key', 'AWS::KMS::Key', '{}', 'enable_key_rotation', false],
    [
      'a queue with a KMS key',
      'AWS::SQS::Queue',
      '{KmsMasterKeyId: alias/q}',
      'sqs_managed_sse_enabled',
      false,
    ],
    [
      'a queue that opts out',
      'AWS::SQS::Queue',
      '{SqsManagedSseEnabled: "false"}',
      'sqs_managed_sse_enabled',
      false,
    ],
    ['a table without SSESpecification', 'AWS::DynamoDB::Table', '{}', 'server_side_encryption', []],
    [
      'a table with SSE turned off (an AWS-owned key, as the provider and Config read it)',
      'AWS::DynamoDB::Table',
      '{SSESpecification: {SSEEnabled: false}}',
      'server_side_encryption',
      [],
    ],
    ['a generated table name', 'AWS::DynamoDB::Table', '{}', 'name', GENERATED],
    ['a trail without a key', 'AWS::CloudTrail::Trail', '{}', 'kms_key_id', null],
    [
      'a wholly conditional Properties',
      'AWS::EC2::Volume',
      '!If [Unknown, {Encrypted: true}, {}]',
      'encrypted',
      UNKNOWN,
    ],
  ])('%s', (_name, type, properties, attribute, expected) => {
    expect(attributesOf(`  X:\n    Type: ${type}\n    Properties: ${properties}\n`)?.[attribute]).toEqual(
      expected,
    );
  });

  it('maps a bucket encryption rule', () => {
    const encryption =
      '{ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms", KMSMasterKeyID: k}, BucketKeyEnabled: true}]}';
    expect(
      attributesOf(
        `  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: b, BucketEncryption: ${encryption}}\n`,
      ),
    ).toEqual({
      bucket: 'b',
      server_side_encryption_configuration: {
        rule: [
          {
            apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'k' },
            bucket_key_enabled: true,
          },
        ],
      },
    });
  });
});

describe('positions and waivers', () => {
  const text = [
    'Resources:',
    '  # driftwarden:ignore DW-AWS-SNS-001, DW-AWS-IAM-001 shared topic, reviewed',
    '  Topic:',
    '    Type: AWS::SNS::Topic',
    '    Properties:',
    '      # driftwarden:ignore DW-AWS-SNS-002 inside the block',
    '      TopicName: t',
    '    # driftwarden:ignore DW-AWS-SNS-003 still inside, at the end',
    '',
    '  # driftwarden:ignore DW-AWS-SQS-001 belongs to the queue',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
  ].join('\n');
  const parsed = parseCloudFormation(text, 'q.yaml');

  it('reads comments above and inside a resource, and leaves the next resource its own', () => {
    expect(
      parsed.resources.map((r) => [
        r.address,
        r.line,
        r.endLine,
        r.waivers?.map((w) => `${w.rule}@${w.source}`),
      ]),
    ).toEqual([
      [
        'Topic',
        3,
        8,
        [
          'DW-AWS-SNS-001@q.yaml:2',
          'DW-AWS-IAM-001@q.yaml:2',
          'DW-AWS-SNS-002@q.yaml:6',
          'DW-AWS-SNS-003@q.yaml:8',
        ],
      ],
      ['Queue', 11, 12, ['DW-AWS-SQS-001@q.yaml:10']],
    ]);
    expect(parsed.resources[0]?.waivers?.[0]?.reason).toBe('shared topic, reviewed');
  });

  it('puts a flow-style resource on one line', () => {
    expect(template('  T: {Type: AWS::SNS::Topic, Properties: {TopicName: t}}\n').resources[0]).toMatchObject(
      { line: 2, endLine: 2 },
    );
  });
});

describe('bad input', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
  bomb.push(
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'Resources: {}',
  );

  it.each([
    [
      't.yaml',
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: {}\n',
      4,
      'invalid YAML at line 4, column 1: All mapping items must start at the same column',
    ],
    [
      't.yaml',
      'Resources:\n  B: {Type: AWS::S3::Bucket\n',
      3,
      'invalid YAML at line 3, column 1: Flow map in block collection must be sufficiently indented and end with a }',
    ],
    [
      't.yaml',
      'Resources:\n\tB:\n\t\tType: AWS::S3::Bucket\n',
      2,
      'invalid YAML at line 2, column 1: Tabs are not allowed as indentation',
    ],
    [
      't.yaml',
      'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n',
      4,
      'invalid YAML at line 4, column 3: Map keys must be unique',
    ],
    [
      't.yaml',
      'Resources: {}\n---\nResources: {}\n',
      2,
      'invalid YAML at line 2, column 1: Source contains multiple documents; please use YAML.parseAllDocuments()',
    ],
    [
      't.json',
      '{\n  "Resources": {\n    "A": { "Type": "AWS::SNS::Topic" }\n',
      4,
      'invalid JSON at line 4, column 1: unexpected end of input',
    ],
    [
      't.json',
      '{\n  "Resources": {\n    "A": { "Type": "AWS::SNS::Topic" },\n  }\n}\n',
      4,
      'invalid JSON at line 4, column 3: unexpected character',
    ],
    [
      't.json',
      '{\n  "Resources": {\n    "A": { "Type": PLANTED }\n  }\n}\n',
      3,
      'invalid JSON at line 3, column 20: unexpected character',
    ],
    ['t.json', '{"Resources": {}} // trailing', 1, 'invalid JSON at line 1, column 19: unexpected character'],
    [
      't.yaml',
      'Description: d\nResources:\n  - Type: AWS::SNS::Topic\n',
      2,
      'Resources at line 2 is not a mapping',
    ],
    ['t.yaml', 'Resources:\n', 1, 'Resources at line 1 is not a mapping'],
    ['t.yaml', '', 1, 'the template is empty (line 1)'],
    ['t.yaml', '# only a comment\n', 1, 'the template is empty (line 1)'],
    ['t.yaml', '- Resources\n', 1, 'the template is not a mapping (line 1)'],
    ['t.json', '[{"Resources": {}}]', 1, 'the template is not a mapping (line 1)'],
    ['t.yaml', bomb.join('\n'), 2, 'YAML aliases expand past 100 references (line 2); not read'],
  ])('%s %j', (file, text, line, message) => {
    expect(parseCloudFormation(text, file)).toEqual({
      resources: [],
      diagnostics: [{ level: 'error', code: 'iac.parse', message, source: `${file}:${line}` }],
    });
  });

  it('skips a resource without a Type with a warning and reads the others', () => {
    const parsed = template(
      '  NoType:\n    Properties: {}\n  Text: just-a-string\n  Q:\n    Type: AWS::SQS::Queue\n',
    );
    expect(parsed.resources.map((r) => r.address)).toEqual(['Q']);
    expect(parsed.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'iac.no-type',
        message: 'resource NoType at line 2 has no Type; skipped',
        source: 't.yaml:2',
      },
      {
        level: 'warning',
        code: 'iac.no-type',
        message: 'resource Text at line 4 has no Type; skipped',
        source: 't.yaml:4',
      },
    ]);
  });

  it('warns of an unknown tag and reads the value as written', () => {
    const parsed = template('  T:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Reff t}\n');
    expect(parsed.resources[0]?.attributes.name).toBe('t');
    expect(parsed.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'iac.parse',
        // The reader's own message quotes the tag; the diagnostic names the problem only.
        message: 'YAML warning at line 4: a tag this reader does not know',
        source: 't.yaml:4',
      },
    ]);
  });

  it('never throws, whatever the input', () => {
    const pieces = [
      'Resources:',
      '\n',
      '  ',
      'A:',
      ' Type: AWS::S3::Bucket',
      '{',
      '}',
      '[',
      ']',
      '!Ref',
      '!If',
      '"',
      "'",
    ];
    pieces.push(
      '&a',
      '*a',
      ',',
      ':',
      '#',
      '- ',
      '!Sub ${',
      'Fn::Join',
      '\t',
      '\u0000',
      '---',
      '%YAML 1.2',
      '|',
    );
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => pieces[next() % pieces.length]).join('');
      const parsed = parseCloudFormation(text, 'fuzz.yaml');
      expect(Array.isArray(parsed.resources) && Array.isArray(parsed.diagnostics)).toBe(true);
      for (const d of parsed.diagnostics) expect(d.message).not.toContain('\n');
    }
  });
});

describe('hostile templates', () => {
  const admin = (id: string) =>
    `  ${id}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: '*'\n            Resource: '*'\n`;
  const problems = (parsed: ParsedFile) =>
    parsed.diagnostics.filter((d) => d.level !== 'info').map((d) => `${d.source}: ${d.message}`);

  it.each([
    [
      't.yaml',
      `Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      5,
    ],
    [
      't.yaml',
      `Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X:\n        ${'- '.repeat(200)}x\n`,
      6,
    ],
    [
      't.json',
      `{"Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"X": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}}}`,
      1,
    ],
  ])('%s nested tens of thousands deep is named with its line', (file, text, line) => {
    const parsed = parseCloudFormation(text, file);
    expect(parsed.resources).toEqual([]);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]?.source).toBe(`${file}:${line}`);
    expect(parsed.diagnostics[0]?.message).toMatch(/nested deeper than 100 levels/);
  });

  it('names an Fn::ForEach whose collection is unknown, and reads the other resources', () => {
    const parsed = template(
      `  Fn::ForEach::Policies:\n    - Name\n    - !Ref Open\n    - Policy\${Name}:\n        Type: AWS::IAM::ManagedPolicy\n${admin('Admin')}`,
      'Parameters:\n  Open: {Type: CommaDelimitedList}\n',
    );
    expect(parsed.resources.map((r) => r.address)).toEqual(['Admin']);
    expect(problems(parsed)).toEqual([
      't.yaml:4: Fn::ForEach::Policies at line 4 (the AWS::LanguageExtensions transform): its collection is not known from the template; the resources it makes are not checked',
    ]);
  });

  it('nested Fn::ForEach loops multiplying past the instance limit are named, not expanded', () => {
    const members = `[${Array.from({ length: 30 }, (_, i) => `m${i}`).join(', ')}]`;
    const loop = (name: string, body: string, indent: string) =>
      `${indent}Fn::ForEach::${name}:\n${indent}  - ${name}\n${indent}  - ${members}\n${indent}  - ${body}`;
    const inner = 'Q${A}${B}${C}:\n                Type: AWS::SQS::Queue\n';
    const text = loop('A', `\n${loop('B', `\n${loop('C', inner, '            ')}`, '        ')}`, '  ');
    const parsed = template(`${text}${admin('Admin')}`);
    expect(parsed.resources.map((r) => r.address)).toEqual(['Admin']);
    expect(problems(parsed)).toEqual([
      't.yaml:2: Fn::ForEach::A at line 2 (the AWS::LanguageExtensions transform): it makes more than 10,000 resources; the resources it makes are not checked',
    ]);
  });

  it('a chain of Refs thousands long, and names doubling through Fn::Join, stop at the limits, named', () => {
    const bucket = (i: number, name: string) =>
      `  B${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${name}\n`;
    const chain = Array.from({ length: 3000 }, (_, i) => bucket(i, i === 2999 ? 'end' : `!Ref B${i + 1}`));
    const long = template(chain.join('') + admin('Admin'));
    expect(long.resources.map((r) => r.address)).toContain('Admin');
    expect(long.resources.map((r) => r.address)).toContain('B2950');
    const listed = problems(long);
    expect(listed[0]).toBe(
      't.yaml:2: resource B0 at line 2: Refs and Conditions refer to each other more than 100 deep; not read',
    );
    expect(listed).toHaveLength(11);
    expect(listed[10]).toBe('t.yaml: 2889 more resources not read, past the limits named above');
    const doubling = Array.from({ length: 40 }, (_, i) =>
      bucket(
        i,
        i === 39 ? 'x' : `!Join ['', [!Ref B${i + 1}, !Ref B${i + 1}, !Ref B${i + 1}, !Ref B${i + 1}]]`,
      ),
    );
    const joined = template(doubling.join('') + admin('Admin'));
    expect(joined.resources.map((r) => r.address)).toContain('Admin');
    expect(problems(joined)[0]).toMatch(
      /^t\.yaml:2: resource B0 at line 2: .* expands past 4,000,000 .*; not read$/,
    );
  });

  it('quotes nothing of the file in its messages, whatever the reader says', () => {
    for (const [file, text] of [
      [
        't.yaml',
        'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: "\\q PLANTED-1111"\n',
      ],
      [
        't.yaml',
        'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !PLANTED-2222 x\n',
      ],
      ['t.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: |PLANTED-3333\n      x\n'],
      ['t.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {a: b, PLANTED-4444 }}\n'],
      [
        't.json',
        '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": PLANTED-5555}}}}',
      ],
    ]) {
      const parsed = parseCloudFormation(text as string, file as string);
      expect(parsed.diagnostics.length).toBeGreaterThan(0);
      for (const d of parsed.diagnostics) expect(`${d.source} ${d.message}`).not.toMatch(/PLANTED/);
    }
  });

  it('keys named __proto__ or constructor are logical ids and tags like any other', () => {
    const parsed = template(
      `${admin('__proto__')}${admin('constructor')}  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref constructor\n      Tags:\n        - Key: __proto__\n          Value: x\n        - Key: constructor\n          Value: !FindInMap [constructor, prototype, x]\n`,
    );
    expect(parsed.resources.map((r) => r.address)).toEqual(['__proto__', 'constructor', 'Q']);
    const tags = find(parsed, 'Q').attributes.tags as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(tags.constructor).toEqual(UNKNOWN);
    expect(find(parsed, 'Q').attributes.name).toEqual(UNKNOWN);
  });

  it('lone surrogates become U+FFFD, so the policy engine can read the document', () => {
    const parsed = parseCloudFormation(
      '{"Resources": {"P\\ud800": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Sid": "\\udc00", "Effect": "Allow", "Action": "*", "Resource": "*"}]}}}}}',
      't.json',
    );
    expect(parsed.resources.map((r) => r.address)).toEqual(['P\uFFFD']);
    expect(JSON.stringify(parsed.resources[0]?.attributes)).toContain('"Sid":"\uFFFD"');
  });

  it('past the repository resource budget, the rest are not read, once reported', () => {
    const parsed = parseCloudFormation(`Resources:\n${admin('A')}${admin('B')}${admin('C')}`, 't.yaml', {
      resources: 99_999,
      size: 0,
    });
    expect(parsed.resources.map((r) => r.address)).toEqual(['A']);
    expect(problems(parsed)).toEqual([
      't.yaml:10: more than 100,000 resources in the repository; this one and the rest are not read',
    ]);
  });
});
