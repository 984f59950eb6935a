import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_backup_plan, from AWS::Backup::BackupPlan, keyed by its plan id: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/backup_plan.html.markdown, "Import").
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the plan's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Backup::BackupPlan.properties.json`:
 * BackupPlan{BackupPlanName, BackupPlanRule[{RuleName, TargetBackupVault, ScheduleExpression, StartWindowMinutes,
 * CompletionWindowMinutes, Lifecycle, CopyActions, EnableContinuousBackup}]}; the registry schema adds
 * BackupPlanId, BackupPlanArn, ScheduleExpressionTimezone, RecoveryPointTags and BackupPlanTags, a map). One mapping
 * of those Properties serves templates and AWS Config.
 *
 * Within a lifecycle block the provider stores what a plan leaves unset as 0 (days) and false, so the mapping does
 * too. advanced_backup_setting is not compared.
 */
const fromProperties = cfn.fromSpec({
  name: (p) => cfn.generated(cfn.field(cfn.field(p, 'BackupPlan'), 'BackupPlanName')),
  arn: 'BackupPlanArn',
  rule: (p) => cfn.eachOf(cfn.field(cfn.field(p, 'BackupPlan'), 'BackupPlanRule'), ruleOf),
  tags: ['BackupPlanTags', tagsMap],
});

function ruleOf(rule: Value): Value {
  return {
    rule_name: cfn.orNull(cfn.field(rule, 'RuleName')),
    target_vault_name: cfn.orNull(cfn.field(rule, 'TargetBackupVault')),
    schedule: cfn.orNull(cfn.field(rule, 'ScheduleExpression')),
    schedule_expression_timezone: cfn.orNull(cfn.field(rule, 'ScheduleExpressionTimezone')),
    enable_continuous_backup: cfn.bool(cfn.field(rule, 'EnableContinuousBackup')) ?? false,
    start_window: cfn.orNull(cfn.num(cfn.field(rule, 'StartWindowMinutes'))),
    completion_window: cfn.orNull(cfn.num(cfn.field(rule, 'CompletionWindowMinutes'))),
    lifecycle: lifecycleOf(cfn.field(rule, 'Lifecycle')),
    copy_action:
      cfn.eachOf(cfn.field(rule, 'CopyActions'), (action) => ({
        destination_vault_arn: cfn.orNull(cfn.field(action, 'DestinationBackupVaultArn')),
        lifecycle: lifecycleOf(cfn.field(action, 'Lifecycle')),
      })) ?? null,
    recovery_point_tags: tagsMap(cfn.field(rule, 'RecoveryPointTags')) ?? null,
  };
}

function lifecycleOf(lifecycle: Value | undefined): Value {
  if (lifecycle === undefined || lifecycle === null) return null;
  if (isUnknown(lifecycle)) return lifecycle;
  return [
    {
      delete_after: cfn.num(cfn.field(lifecycle, 'DeleteAfterDays')) ?? 0,
      cold_storage_after: cfn.num(cfn.field(lifecycle, 'MoveToColdStorageAfterDays')) ?? 0,
      opt_in_to_archive_for_supported_resources:
        cfn.bool(cfn.field(lifecycle, 'OptInToArchiveForSupportedResources')) ?? false,
    },
  ];
}

/** BackupPlanTags and RecoveryPointTags are maps, not CloudFormation's usual tag list. */
function tagsMap(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value) || !isPlainObject(value)) return value;
  return cfn.tags(Object.entries(value).map(([Key, tag]) => ({ Key, Value: tag })));
}

const lifecycle = s.blocks({
  delete_after: s.number,
  cold_storage_after: s.number,
  opt_in_to_archive_for_supported_resources: s.boolean,
});

export const backupPlan = defineType({
  type: 'aws_backup_plan',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    rule: s.blocks({
      rule_name: s.string,
      target_vault_name: s.string,
      schedule: s.string,
      schedule_expression_timezone: s.string,
      enable_continuous_backup: s.boolean,
      start_window: s.number,
      completion_window: s.number,
      lifecycle,
      copy_action: s.blocks({ destination_vault_arn: s.string, lifecycle }),
      recovery_point_tags: s.tags,
    }),
    tags: s.tags,
  }),
  sets: ['rule', 'rule[*].copy_action'],
  computed: ['arn', 'version'],
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::Backup::BackupPlan', map: fromConfigItem },
    cloudFormation: { type: 'AWS::Backup::BackupPlan', map: fromProperties },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  put(attributes, 'name', text(attributes.name) ?? item.resourceName);
  put(attributes, 'arn', text(record(configuration)?.BackupPlanArn) ?? item.arn);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.BackupPlanTags));
  return { id: text(record(configuration)?.BackupPlanId) ?? item.resourceId, attributes };
}
