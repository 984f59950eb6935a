import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_backup_vault, from AWS::Backup::BackupVault, keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/backup_vault.html.markdown, "Import").
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the vault's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Backup::BackupVault.properties.json`:
 * BackupVaultName, BackupVaultArn, EncryptionKeyArn, Notifications; the registry schema adds BackupVaultTags, a
 * map, AccessPolicy and LockConfiguration). One mapping of those Properties serves templates and AWS Config. The
 * notifications, access policy and lock are Terraform resources of their own (aws_backup_vault_notifications,
 * _policy, _lock_configuration), not mapped here.
 *
 * A template without EncryptionKeyArn gets the account's aws/backup key, whose ARN it does not know: left out.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('BackupVaultName'),
  arn: 'BackupVaultArn',
  kms_key_arn: 'EncryptionKeyArn',
  tags: ['BackupVaultTags', tagsMap],
});

/** BackupVaultTags is a map, not CloudFormation's usual tag list. */
function tagsMap(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value) || !isPlainObject(value)) return value;
  return cfn.tags(Object.entries(value).map(([Key, tag]) => ({ Key, Value: tag })));
}

export const backupVault = defineType({
  type: 'aws_backup_vault',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    kms_key_arn: s.string,
    tags: s.tags,
  }),
  computed: ['arn', 'recovery_points'],
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Backup::BackupVault', map: fromConfigItem },
    cloudFormation: { type: 'AWS::Backup::BackupVault', map: fromProperties },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  const name = text(attributes.name) ?? item.resourceName ?? item.resourceId;
  attributes.name = name;
  put(attributes, 'arn', text(record(configuration)?.BackupVaultArn) ?? item.arn);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.BackupVaultTags));
  return { id: name, attributes };
}
