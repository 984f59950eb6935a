import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::RDS::DBCluster -> aws_rds_cluster. Shape: awslabs/aws-config-resource-schema
 * `AWS::RDS::DBCluster.properties.json`. Unlike DBInstance, the cluster item lower-cases the whole leading
 * acronym (dbclusterIdentifier, iamdatabaseAuthenticationEnabled); the DBInstance-style spelling is read too in
 * case Config changes serialiser.
 *
 * The id is the cluster identifier, the Terraform import id; Config's resourceId is the `cluster-...` resource id.
 */
export const rdsClusterMapping: TypeMapping = {
  configType: 'AWS::RDS::DBCluster',
  terraformType: 'aws_rds_cluster',
  map: mapCluster,
};

function mapCluster(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const identifier = clusterIdentifier(item);
  const attributes: Record<string, Value> = { cluster_identifier: identifier };
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

function clusterIdentifier(item: ConfigItem): string {
  const c = item.configuration;
  const fromConfiguration = c.dbclusterIdentifier ?? c.dBClusterIdentifier;
  if (typeof fromConfiguration === 'string' && fromConfiguration !== '') return fromConfiguration;
  return item.resourceName ?? item.resourceId;
}
