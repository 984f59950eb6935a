import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { bool, nameValueMap, num, str, strs } from './shared/config-fields.js';

/**
 * aws_cloudwatch_metric_alarm, keyed by its alarm name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/cloudwatch_metric_alarm.html.markdown, "Import").
 *
 * AWS Config (AWS::CloudWatch::Alarm): awslabs/aws-config-resource-schema `AWS::CloudWatch::Alarm.properties.json`:
 * DescribeAlarms' MetricAlarm in camelCase (alarmName, alarmArn, comparisonOperator, evaluationPeriods, period,
 * threshold, dimensions[{name, value}], alarmActions, okactions, insufficientDataActions, treatMissingData). Alarms
 * on metric math (Terraform `metric_query`) are not in the schema, so they are not mapped. DescribeAlarms leaves out
 * what an alarm does not set (its description, unit, extended statistic): absent is null.
 *
 * CloudFormation: AWS::CloudWatch::Alarm; a template that leaves out ActionsEnabled has its actions enabled, and one
 * that leaves out TreatMissingData treats missing data as `missing`.
 */
const fromProperties = cfn.fromSpec({
  alarm_name: cfn.name('AlarmName'),
  alarm_description: cfn.or('AlarmDescription', null),
  comparison_operator: 'ComparisonOperator',
  evaluation_periods: ['EvaluationPeriods', cfn.num],
  datapoints_to_alarm: ['DatapointsToAlarm', cfn.num],
  metric_name: 'MetricName',
  namespace: 'Namespace',
  period: ['Period', cfn.num],
  statistic: 'Statistic',
  extended_statistic: cfn.or('ExtendedStatistic', null),
  threshold: ['Threshold', cfn.num],
  unit: cfn.or('Unit', null),
  dimensions: ['Dimensions', dimensionsOf],
  actions_enabled: ['ActionsEnabled', cfn.bool],
  alarm_actions: cfn.or('AlarmActions', null),
  ok_actions: cfn.or('OKActions', null),
  insufficient_data_actions: cfn.or('InsufficientDataActions', null),
  treat_missing_data: 'TreatMissingData',
  tags: ['Tags', cfn.tags],
});

export const cloudwatchMetricAlarm = defineType({
  type: 'aws_cloudwatch_metric_alarm',
  provider: 'aws',
  schema: s.attributes({
    alarm_name: s.string,
    arn: s.string,
    alarm_description: s.string,
    comparison_operator: s.string,
    evaluation_periods: s.number,
    datapoints_to_alarm: s.number,
    metric_name: s.string,
    namespace: s.string,
    period: s.number,
    statistic: s.string,
    extended_statistic: s.string,
    threshold: s.number,
    unit: s.string,
    dimensions: s.tags,
    actions_enabled: s.boolean,
    alarm_actions: s.strings,
    ok_actions: s.strings,
    insufficient_data_actions: s.strings,
    treat_missing_data: s.string,
    tags: s.tags,
  }),
  sets: ['alarm_actions', 'ok_actions', 'insufficient_data_actions'],
  computed: ['arn'],
  // The provider's schema defaults: actions enabled, missing data treated as `missing`.
  defaults: { actions_enabled: true, treat_missing_data: 'missing' },
  id: { attribute: 'alarm_name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::CloudWatch::Alarm', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::CloudWatch::Alarm',
      map: cfn.withTemplateDefaults(fromProperties, { actions_enabled: true, treat_missing_data: 'missing' }),
    },
  },
});

/** `[{Name, Value}]` -> `{name: value}`, as Terraform holds dimensions; an unknown entry makes the map unknown. */
function dimensionsOf(list: Value | undefined): Value | undefined {
  return cfn.tags(
    cfn.eachOf(list, (entry) => ({
      Key: cfn.field(entry, 'Name') ?? null,
      Value: cfn.field(entry, 'Value') ?? null,
    })),
  );
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = text(c.alarmName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { alarm_name: name };
  put(attributes, 'arn', text(c.alarmArn) ?? item.arn);
  put(attributes, 'alarm_description', str(c.alarmDescription) ?? null);
  put(attributes, 'comparison_operator', str(c.comparisonOperator));
  put(attributes, 'evaluation_periods', num(c.evaluationPeriods));
  put(attributes, 'datapoints_to_alarm', num(c.datapointsToAlarm));
  put(attributes, 'metric_name', str(c.metricName));
  put(attributes, 'namespace', str(c.namespace));
  put(attributes, 'period', num(c.period));
  put(attributes, 'statistic', str(c.statistic));
  put(attributes, 'extended_statistic', str(c.extendedStatistic) ?? null);
  put(attributes, 'threshold', num(c.threshold));
  put(attributes, 'unit', str(c.unit) ?? null);
  put(attributes, 'dimensions', nameValueMap(c.dimensions));
  put(attributes, 'actions_enabled', bool(c.actionsEnabled));
  put(attributes, 'alarm_actions', strs(c.alarmActions));
  put(attributes, 'ok_actions', strs(c.okactions ?? c.oKActions ?? c.okActions));
  put(attributes, 'insufficient_data_actions', strs(c.insufficientDataActions));
  put(attributes, 'treat_missing_data', str(c.treatMissingData));
  put(attributes, 'tags', item.tags ?? tagMap(record(c)?.tags));
  return { id: name, attributes };
}
