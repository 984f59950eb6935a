import { isUnknown, unknown, type Value } from '../../value.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_elasticache_replication_group (Valkey or Redis OSS), keyed by its replication group id: the Terraform import
 * id and the state's `id` (hashicorp/terraform-provider-aws website/docs/r/elasticache_replication_group.html.markdown,
 * "Import"), which ElastiCache stores in lower case. AWS Config does not record ElastiCache replication groups
 * (botocore config ResourceType has no AWS::ElastiCache type), so there is no live mapping.
 *
 * The provider holds `at_rest_encryption_enabled` as a nullable boolean, a string in the state ("true", "false"; ""
 * when not set: internal/service/elasticache/replication_group.go, `nullable.TypeNullableBool`, read with
 * strconv.FormatBool): canonicalise makes it the boolean code writes. Left out, ElastiCache's default depends on
 * the engine (CreateReplicationGroup AtRestEncryptionEnabled: "true when using Valkey, false when using Redis
 * OSS"), and the provider's engine is redis when not set; the rules judge an absent value by the engine.
 *
 * CloudFormation: AWS::ElastiCache::ReplicationGroup (ReplicationGroupId, ReplicationGroupDescription, Engine,
 * EngineVersion, CacheNodeType, NumCacheClusters, Port,
 * CacheParameterGroupName, CacheSubnetGroupName, SecurityGroupIds, AtRestEncryptionEnabled, KmsKeyId,
 * TransitEncryptionEnabled, TransitEncryptionMode, AutomaticFailoverEnabled, MultiAZEnabled,
 * SnapshotRetentionLimit, Tags). AuthToken, like Terraform's sensitive `auth_token`, is never read. A template
 * without AtRestEncryptionEnabled gets the engine's default. The shard counts (num_node_groups,
 * replicas_per_node_group) are not compared: the provider computes them for a group sized by num_cache_clusters,
 * which a template does not state.
 */
const fromProperties = cfn.fromSpec({
  replication_group_id: cfn.name('ReplicationGroupId', cfn.lowerCase),
  description: 'ReplicationGroupDescription',
  engine: ['Engine', cfn.lowerCase],
  engine_version: ['EngineVersion', cfn.text],
  node_type: 'CacheNodeType',
  num_cache_clusters: ['NumCacheClusters', cfn.num],
  port: ['Port', cfn.num],
  parameter_group_name: 'CacheParameterGroupName',
  subnet_group_name: 'CacheSubnetGroupName',
  security_group_ids: 'SecurityGroupIds',
  at_rest_encryption_enabled: atRestEncryption,
  kms_key_id: cfn.or('KmsKeyId', null),
  transit_encryption_enabled: ['TransitEncryptionEnabled', cfn.bool],
  transit_encryption_mode: 'TransitEncryptionMode',
  automatic_failover_enabled: ['AutomaticFailoverEnabled', cfn.bool],
  multi_az_enabled: ['MultiAZEnabled', cfn.bool],
  snapshot_retention_limit: ['SnapshotRetentionLimit', cfn.num],
  tags: ['Tags', cfn.tags],
});

/** What a template gets for AtRestEncryptionEnabled: its value, else the engine's default (redis when not set). */
function atRestEncryption(properties: Value): Value {
  const flag = cfn.bool(cfn.field(properties, 'AtRestEncryptionEnabled'));
  if (flag !== undefined) return flag;
  const engine = cfn.field(properties, 'Engine');
  if (engine === undefined) return false;
  if (typeof engine !== 'string' || isUnknown(engine)) return unknown('expression');
  return engine.toLowerCase() === 'valkey';
}

/** The state's "true"/"false" strings as booleans; "" is not set. */
function nullableBool(attributes: Attributes, name: string): void {
  const value = attributes[name];
  if (value === 'true' || value === 'false') attributes[name] = value === 'true';
  else if (value === '') attributes[name] = null;
}

export const elasticacheReplicationGroup = defineType({
  type: 'aws_elasticache_replication_group',
  provider: 'aws',
  schema: s.attributes({
    replication_group_id: s.string,
    arn: s.string,
    description: s.string,
    engine: s.string,
    engine_version: s.string,
    node_type: s.string,
    num_cache_clusters: s.number,
    port: s.number,
    parameter_group_name: s.string,
    subnet_group_name: s.string,
    security_group_ids: s.strings,
    at_rest_encryption_enabled: s.boolean,
    kms_key_id: s.string,
    transit_encryption_enabled: s.boolean,
    transit_encryption_mode: s.string,
    automatic_failover_enabled: s.boolean,
    multi_az_enabled: s.boolean,
    snapshot_retention_limit: s.number,
    tags: s.tags,
  }),
  sets: ['security_group_ids'],
  computed: [
    'arn',
    'cluster_enabled',
    'configuration_endpoint_address',
    'engine_version_actual',
    'member_clusters',
    'primary_endpoint_address',
    'reader_endpoint_address',
  ],
  sensitive: ['auth_token'],
  // The provider's schema defaults.
  defaults: { automatic_failover_enabled: false, multi_az_enabled: false },
  id: { attribute: 'replication_group_id', caseInsensitive: false },
  canonicalise(attributes) {
    nullableBool(attributes, 'at_rest_encryption_enabled');
  },
  sources: {
    cloudFormation: {
      type: 'AWS::ElastiCache::ReplicationGroup',
      map: cfn.withTemplateDefaults(fromProperties, {
        automatic_failover_enabled: false,
        multi_az_enabled: false,
      }),
    },
  },
});
