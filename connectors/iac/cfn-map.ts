import { byCloudFormationType } from '../../src/model/types/index.js';
import { isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { setOwn } from './limits.js';

/**
 * CloudFormation resource types -> canonical (Terraform AWS provider 5.x) types and attributes. Each type has a
 * spec that picks the properties it models from the resolved Properties (an object, or an unknown marker when the
 * whole block is conditional); everything else, secrets such as MasterUserPassword included, is never read.
 *
 * An absent property is left out, except where its CloudFormation default is what the policies judge: an absent
 * encryption flag is `false`, an absent key is `null`, and so on, as each spec says.
 */
export type Attributes = Record<string, Value>;
type Convert = (value: Value | undefined) => Value | undefined;
/** `'CfnName'`, `['CfnName', convert]`, or a function of the whole Properties (undefined leaves it out). */
type Source = string | [string, Convert] | ((properties: Value) => Value | undefined);
type Spec = Record<string, Source>;

/** A name CloudFormation generates when the template gives none: known only after the stack is created. */
const generated = (name: Value | undefined): Value => name ?? unknown('computed');

function field(container: Value | undefined, key: string): Value | undefined {
  if (isUnknown(container)) return container;
  return isPlainObject(container) ? container[key] : undefined;
}

function fields(properties: Value, spec: Spec): Attributes {
  const attributes: Attributes = {};
  for (const [name, source] of Object.entries(spec)) {
    let value: Value | undefined;
    if (typeof source === 'function') value = source(properties);
    else if (typeof source === 'string') value = field(properties, source);
    else value = source[1](field(properties, source[0]));
    if (value !== undefined) attributes[name] = value;
  }
  return attributes;
}

/** Properties typed Boolean accept "true"/"false" strings. */
const bool: Convert = (value) =>
  typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value;

/** Properties typed Integer accept numeric strings ("50"); Terraform holds numbers. */
const num: Convert = (value) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** Terraform holds strings where YAML may have read a number (`Port: 443` in a redirect). */
const text: Convert = (value) =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;

/** AWS stores DB identifiers in lower case. */
const lowerCase: Convert = (value) => (typeof value === 'string' ? value.toLowerCase() : value);

const orNull = (value: Value | undefined): Value => value ?? null;

/** The property, or `fallback` when it is absent. */
const or =
  (key: string, fallback: Value, convert: Convert = (v) => v) =>
  (properties: Value): Value =>
    convert(field(properties, key)) ?? fallback;

/** Maps a nested block that may be absent (undefined) or unknown (kept as is). */
const block =
  (map: (known: Value) => Value): Convert =>
  (value) =>
    value === undefined || isUnknown(value) ? value : map(value);

/** `[{Key, Value}]` -> `{key: value}`. An unknown key makes the whole map unknown. */
const tags: Convert = (list) => {
  if (list === undefined || isUnknown(list) || !Array.isArray(list)) return list;
  const out: Attributes = {};
  for (const tag of list) {
    const key = field(tag, 'Key');
    if (typeof key !== 'string') return unknown('expression');
    setOwn(out, key, text(field(tag, 'Value')) ?? '');
  }
  return out;
};

/**
 * Encryption a resource inherits from what it is created from (a snapshot, a source instance, its cluster) when
 * the template does not say: unknown. Otherwise absent means the CloudFormation default, unencrypted.
 */
const encryptedFlag =
  (key: string, inheritedFrom: string[]) =>
  (properties: Value): Value => {
    const flag = bool(field(properties, key));
    if (flag !== undefined) return flag;
    const inherited = inheritedFrom.some((name) => field(properties, name) !== undefined);
    return inherited ? unknown('computed') : false;
  };

// --- Nested blocks ------------------------------------------------------------------------------------------------

/** No SSESpecification: an AWS-owned key, Terraform's empty server_side_encryption. */
const dynamodbEncryption = block((sse) => [
  { enabled: bool(field(sse, 'SSEEnabled')) ?? false, kms_key_arn: orNull(field(sse, 'KMSMasterKeyId')) },
]);

/**
 * SQS turns SSE-SQS on for new queues unless a KMS key is given (SqsManagedSseEnabled defaults to true), so an
 * absent flag is true without a key, false with one, and unknown when the key itself may or may not be set.
 */
function sqsManagedSse(properties: Value): Value {
  const flag = bool(field(properties, 'SqsManagedSseEnabled'));
  if (flag !== undefined) return flag;
  const key = field(properties, 'KmsMasterKeyId');
  return key === undefined ? true : isUnknown(key) ? key : false;
}

/** Aurora Serverless v1 (EngineMode serverless) is always encrypted. */
function clusterEncrypted(properties: Value): Value {
  const serverless = field(properties, 'EngineMode') === 'serverless';
  if (serverless && field(properties, 'StorageEncrypted') === undefined) return true;
  return encryptedFlag('StorageEncrypted', ['SnapshotIdentifier', 'SourceDBClusterIdentifier'])(properties);
}

// --- Types --------------------------------------------------------------------------------------------------------

const name =
  (key: string, convert: Convert = (v) => v) =>
  (p: Value) =>
    generated(convert(field(p, key)));

const to = (type: string, spec: Spec) => ({ type, spec });

const MAPPINGS: Record<string, { type: string; spec: Spec }> = {
  // Encrypted absent means unencrypted, unless the volume is created from a snapshot, whose encryption it keeps.
  'AWS::EC2::Volume': to('aws_ebs_volume', {
    availability_zone: 'AvailabilityZone',
    size: ['Size', num],
    type: 'VolumeType',
    encrypted: encryptedFlag('Encrypted', ['SnapshotId']),
    kms_key_id: 'KmsKeyId',
    tags: ['Tags', tags],
  }),
  // MasterUserPassword and MasterUsername are never read.
  'AWS::RDS::DBInstance': to('aws_db_instance', {
    identifier: name('DBInstanceIdentifier', lowerCase),
    engine: 'Engine',
    instance_class: 'DBInstanceClass',
    storage_encrypted: encryptedFlag('StorageEncrypted', [
      'DBSnapshotIdentifier',
      'SourceDBInstanceIdentifier',
      'DBClusterIdentifier',
    ]),
    kms_key_id: 'KmsKeyId',
    publicly_accessible: ['PubliclyAccessible', bool],
    tags: ['Tags', tags],
  }),
  'AWS::RDS::DBCluster': to('aws_rds_cluster', {
    cluster_identifier: name('DBClusterIdentifier', lowerCase),
    engine: 'Engine',
    storage_encrypted: clusterEncrypted,
    kms_key_id: 'KmsKeyId',
    tags: ['Tags', tags],
  }),
  'AWS::SNS::Topic': to('aws_sns_topic', {
    name: name('TopicName'),
    kms_master_key_id: or('KmsMasterKeyId', null),
    tags: ['Tags', tags],
  }),
  'AWS::SQS::Queue': to('aws_sqs_queue', {
    name: name('QueueName'),
    kms_master_key_id: or('KmsMasterKeyId', null),
    sqs_managed_sse_enabled: sqsManagedSse,
    tags: ['Tags', tags],
  }),
  'AWS::KMS::Key': to('aws_kms_key', {
    description: 'Description',
    enable_key_rotation: or('EnableKeyRotation', false, bool),
    rotation_period_in_days: ['RotationPeriodInDays', num],
    key_usage: 'KeyUsage',
    customer_master_key_spec: 'KeySpec',
    policy: 'KeyPolicy',
    tags: ['Tags', tags],
  }),
  'AWS::EFS::FileSystem': to('aws_efs_file_system', {
    encrypted: or('Encrypted', false, bool),
    kms_key_id: 'KmsKeyId',
    tags: ['FileSystemTags', tags],
  }),
  'AWS::DynamoDB::Table': to('aws_dynamodb_table', {
    name: name('TableName'),
    server_side_encryption: or('SSESpecification', [], dynamodbEncryption),
    tags: ['Tags', tags],
  }),
};

/** The canonical type and attributes of a CloudFormation resource, or undefined for a type not modelled. */
export function mapCfnResource(
  cfnType: string,
  properties: Value,
): { type: string; attributes: Attributes } | undefined {
  const target = byCloudFormationType(cfnType);
  if (target) return { type: target.terraformType, attributes: target.mapping.map(properties, cfnType) };
  const mapping = Object.hasOwn(MAPPINGS, cfnType) ? MAPPINGS[cfnType] : undefined;
  return mapping ? { type: mapping.type, attributes: fields(properties, mapping.spec) } : undefined;
}
