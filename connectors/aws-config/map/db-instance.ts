import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::RDS::DBInstance -> aws_db_instance. Shape: awslabs/aws-config-resource-schema
 * `AWS::RDS::DBInstance.properties.json`, which camel-cases the SDK names by lower-casing only the first letter:
 * dBInstanceIdentifier, dBInstanceClass, iAMDatabaseAuthenticationEnabled, multiAZ.
 *
 * The id is the DB identifier, not Config's resourceId (the DbiResourceId `db-...`): the Terraform import id of
 * aws_db_instance is the identifier, and the state connector keys on `identifier` for the same reason.
 */
export const dbInstanceMapping: TypeMapping = {
  configType: 'AWS::RDS::DBInstance',
  terraformType: 'aws_db_instance',
  map: mapDbInstance,
};

function mapDbInstance(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const identifier = instanceIdentifier(item);
  const attributes: Record<string, Value> = { identifier };
  put(attributes, 'engine', c.engine);
  put(attributes, 'engine_version', c.engineVersion);
  put(attributes, 'instance_class', c.dBInstanceClass);
  put(attributes, 'allocated_storage', c.allocatedStorage);
  put(attributes, 'storage_type', c.storageType);
  put(attributes, 'storage_encrypted', c.storageEncrypted);
  put(attributes, 'kms_key_id', c.kmsKeyId);
  put(attributes, 'publicly_accessible', c.publiclyAccessible);
  put(attributes, 'multi_az', c.multiAZ);
  put(attributes, 'deletion_protection', c.deletionProtection);
  put(attributes, 'iam_database_authentication_enabled', c.iAMDatabaseAuthenticationEnabled);
  put(attributes, 'backup_retention_period', c.backupRetentionPeriod);
  put(attributes, 'tags', tagMap(item.tags ?? c.tagList));
  return { id: identifier, attributes };
}

function instanceIdentifier(item: ConfigItem): string {
  const fromConfiguration = item.configuration.dBInstanceIdentifier;
  if (typeof fromConfiguration === 'string' && fromConfiguration !== '') return fromConfiguration;
  return item.resourceName ?? item.resourceId;
}
