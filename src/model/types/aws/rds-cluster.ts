import type { Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_rds_cluster, keyed by its cluster identifier, the Terraform import id; Config's resourceId is the
 * `cluster-...` resource id.
 *
 * AWS Config (AWS::RDS::DBCluster): awslabs/aws-config-resource-schema `AWS::RDS::DBCluster.properties.json`.
 * Unlike DBInstance, the cluster item lower-cases the whole leading acronym (dbclusterIdentifier,
 * iamdatabaseAuthenticationEnabled); the DBInstance-style spelling is read too in case Config changes serialiser.
 *
 * CloudFormation: AWS::RDS::DBCluster. MasterUserPassword and MasterUsername are never read.
 */
export const rdsCluster = defineType({
  type: 'aws_rds_cluster',
  provider: 'aws',
  schema: s.attributes({
    cluster_identifier: s.string,
    engine: s.string,
    engine_version: s.string,
    storage_encrypted: s.boolean,
    kms_key_id: s.string,
    deletion_protection: s.boolean,
    iam_database_authentication_enabled: s.boolean,
    backup_retention_period: s.number,
    vpc_security_group_ids: s.strings,
    enabled_cloudwatch_logs_exports: s.strings,
    availability_zones: s.strings,
    tags: s.tags,
    snapshot_identifier: s.string,
    replication_source_identifier: s.string,
    restore_to_point_in_time: s.blocks({ source_cluster_identifier: s.string }),
  }),
  sets: ['vpc_security_group_ids', 'enabled_cloudwatch_logs_exports', 'availability_zones'],
  // A snapshot restore, a replica cluster and a point-in-time restore keep their source's encryption and key.
  inherited: {
    storage_encrypted: ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time'],
    kms_key_id: ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time'],
  },
  computed: [
    'arn',
    'cluster_resource_id',
    'endpoint',
    'reader_endpoint',
    'hosted_zone_id',
    'cluster_members',
  ],
  sensitive: ['master_password'],
  // The provider's aws_rds_cluster documentation: deletion_protection "The default is `false`". storage_encrypted has
  // no single default (false for provisioned, true for serverless engine_mode), so none is given.
  defaults: { deletion_protection: false },
  id: {
    attribute: 'cluster_identifier',
    importId: (attributes) => text(attributes.cluster_identifier),
    caseInsensitive: false,
  },
  sources: {
    awsConfig: { type: 'AWS::RDS::DBCluster', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::RDS::DBCluster',
      map: cfn.fromSpec({
        cluster_identifier: cfn.name('DBClusterIdentifier', cfn.lowerCase),
        engine: 'Engine',
        storage_encrypted: clusterEncrypted,
        kms_key_id: 'KmsKeyId',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

/** Aurora Serverless v1 (EngineMode serverless) is always encrypted. */
function clusterEncrypted(properties: Value): Value {
  const serverless = cfn.field(properties, 'EngineMode') === 'serverless';
  if (serverless && cfn.field(properties, 'StorageEncrypted') === undefined) return true;
  return cfn.encryptedFlag('StorageEncrypted', ['SnapshotIdentifier', 'SourceDBClusterIdentifier'])(
    properties,
  );
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const identifier =
    text(c.dbclusterIdentifier ?? c.dBClusterIdentifier) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { cluster_identifier: identifier };
  put(attributes, 'engine', c.engine);
  put(attributes, 'engine_version', c.engineVersion);
  put(attributes, 'storage_encrypted', c.storageEncrypted);
  put(attributes, 'kms_key_id', c.kmsKeyId);
  put(attributes, 'deletion_protection', c.deletionProtection);
  put(
    attributes,
    'iam_database_authentication_enabled',
    c.iamdatabaseAuthenticationEnabled ?? c.iAMDatabaseAuthenticationEnabled,
  );
  put(attributes, 'backup_retention_period', c.backupRetentionPeriod);
  put(attributes, 'tags', tagMap(item.tags ?? c.tagList));
  return { id: identifier, attributes };
}
