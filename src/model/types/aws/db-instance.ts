import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_db_instance, keyed by its DB identifier. The id is the identifier, not Config's resourceId (the DbiResourceId
 * `db-...`): the Terraform import id of aws_db_instance is the identifier, and since provider 5.0 the state's `id`
 * is the DBI resource id (hashicorp/terraform-provider-aws#31232), so state keys on `identifier` too.
 *
 * AWS Config (AWS::RDS::DBInstance): awslabs/aws-config-resource-schema `AWS::RDS::DBInstance.properties.json`,
 * which camel-cases the SDK names by lower-casing only the first letter: dBInstanceIdentifier, dBInstanceClass,
 * iAMDatabaseAuthenticationEnabled, multiAZ.
 *
 * CloudFormation: AWS::RDS::DBInstance. MasterUserPassword and MasterUsername are never read.
 */
export const dbInstance = defineType({
  type: 'aws_db_instance',
  provider: 'aws',
  schema: s.attributes({
    identifier: s.string,
    engine: s.string,
    engine_version: s.string,
    instance_class: s.string,
    allocated_storage: s.number,
    storage_type: s.string,
    storage_encrypted: s.boolean,
    kms_key_id: s.string,
    publicly_accessible: s.boolean,
    multi_az: s.boolean,
    deletion_protection: s.boolean,
    iam_database_authentication_enabled: s.boolean,
    backup_retention_period: s.number,
    vpc_security_group_ids: s.strings,
    enabled_cloudwatch_logs_exports: s.strings,
    tags: s.tags,
    snapshot_identifier: s.string,
    replicate_source_db: s.string,
    restore_to_point_in_time: s.blocks({ source_db_instance_identifier: s.string }),
  }),
  sets: ['vpc_security_group_ids', 'enabled_cloudwatch_logs_exports'],
  // A replica, a snapshot restore and a point-in-time restore keep their source's encryption and key.
  inherited: {
    storage_encrypted: ['snapshot_identifier', 'replicate_source_db', 'restore_to_point_in_time'],
    kms_key_id: ['snapshot_identifier', 'replicate_source_db', 'restore_to_point_in_time'],
  },
  computed: [
    'arn',
    'resource_id',
    'address',
    'endpoint',
    'hosted_zone_id',
    'status',
    'latest_restorable_time',
  ],
  sensitive: ['password'],
  // The provider's aws_db_instance documentation: publicly_accessible "Default is `false`", storage_encrypted "The
  // default is `false` if not specified", deletion_protection "The default is `false`".
  defaults: { publicly_accessible: false, storage_encrypted: false, deletion_protection: false },
  id: {
    attribute: 'identifier',
    importId: (attributes) => text(attributes.identifier),
    caseInsensitive: false,
  },
  sources: {
    awsConfig: { type: 'AWS::RDS::DBInstance', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::RDS::DBInstance',
      map: cfn.fromSpec({
        identifier: cfn.name('DBInstanceIdentifier', cfn.lowerCase),
        engine: 'Engine',
        instance_class: 'DBInstanceClass',
        storage_encrypted: cfn.encryptedFlag('StorageEncrypted', [
          'DBSnapshotIdentifier',
          'SourceDBInstanceIdentifier',
          'DBClusterIdentifier',
        ]),
        kms_key_id: 'KmsKeyId',
        publicly_accessible: ['PubliclyAccessible', cfn.bool],
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const identifier = text(c.dBInstanceIdentifier) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { identifier };
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
