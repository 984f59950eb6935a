import { isPlainObject, isUnknown, setOwnValue, unknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { bool, fieldOfEach, idText, num, str, strs } from './shared/config-fields.js';

/**
 * aws_autoscaling_group, keyed by its name: the state's `id` and the import id (the provider docs' Import section:
 * `terraform import aws_autoscaling_group.web web-asg`).
 *
 * AWS Config (AWS::AutoScaling::AutoScalingGroup): the DescribeAutoScalingGroups shape,
 * awslabs/aws-config-resource-schema `config/properties/resource-types/AWS::AutoScaling::AutoScalingGroup
 * .properties.json` (configuration.autoScalingGroupName, autoScalingGroupARN, minSize, maxSize, desiredCapacity,
 * defaultCooldown, healthCheckType, healthCheckGracePeriod, capacityRebalance, availabilityZones[],
 * vpczoneIdentifier (a comma-separated subnet list), targetGroupARNs[], loadBalancerNames[],
 * launchConfigurationName, launchTemplate{launchTemplateId, launchTemplateName, version}, terminationPolicies[],
 * maxInstanceLifetime, newInstancesProtectedFromScaleIn, placementGroup, serviceLinkedRoleARN,
 * enabledMetrics[{metric, granularity}], suspendedProcesses[{processName}]; tags the envelope's map). Config's
 * resourceId is the ARN, resourceName the group name. The item's tags carry no PropagateAtLaunch: live, `tag` is
 * not reported, and the tags map (key -> value, which canonicalise derives from the `tag` blocks) is compared.
 *
 * CloudFormation: AWS::AutoScaling::AutoScalingGroup (AutoScalingGroupName, MinSize/MaxSize/DesiredCapacity and
 * Cooldown as strings, VPCZoneIdentifier, AvailabilityZones, TargetGroupARNs, LoadBalancerNames,
 * LaunchConfigurationName, LaunchTemplate{LaunchTemplateId | LaunchTemplateName, Version}, HealthCheckType (default
 * EC2), HealthCheckGracePeriod, CapacityRebalance, TerminationPolicies, MaxInstanceLifetime,
 * NewInstancesProtectedFromScaleIn, PlacementGroup, ServiceLinkedRoleARN, MetricsCollection[{Granularity,
 * Metrics}], Tags[{Key, Value, PropagateAtLaunch}]). mixed_instances_policy, warm_pool, instance_refresh and the
 * lifecycle hooks are not yet compared.
 * Terraform: hashicorp/terraform-provider-aws aws_autoscaling_group (provider 5: `tag` blocks, no `tags` map).
 */
export const autoscalingGroup = defineType({
  type: 'aws_autoscaling_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    min_size: s.number,
    max_size: s.number,
    desired_capacity: s.number,
    default_cooldown: s.number,
    health_check_type: s.string,
    health_check_grace_period: s.number,
    capacity_rebalance: s.boolean,
    availability_zones: s.strings,
    vpc_zone_identifier: s.strings,
    target_group_arns: s.strings,
    load_balancers: s.strings,
    launch_configuration: s.string,
    launch_template: s.blocks({ id: s.string, name: s.string, version: s.string }),
    termination_policies: s.strings,
    max_instance_lifetime: s.number,
    protect_from_scale_in: s.boolean,
    placement_group: s.string,
    service_linked_role_arn: s.string,
    enabled_metrics: s.strings,
    metrics_granularity: s.string,
    suspended_processes: s.strings,
    tag: s.blocks({ key: s.string, value: s.string, propagate_at_launch: s.boolean }),
    tags: s.tags,
  }),
  sets: [
    'availability_zones',
    'vpc_zone_identifier',
    'target_group_arns',
    'load_balancers',
    'enabled_metrics',
    'suspended_processes',
    'tag',
  ],
  computed: ['arn', 'predicted_capacity', 'warm_pool_size', 'tags'],
  // The provider's aws_autoscaling_group documentation: health_check_grace_period "Default: 300",
  // protect_from_scale_in defaults to false, max_instance_lifetime 0 (no maximum).
  defaults: { health_check_grace_period: 300, protect_from_scale_in: false, max_instance_lifetime: 0 },
  id: { attribute: 'id', caseInsensitive: false },
  canonicalise(attributes) {
    // The state holds both the launch template's id and its name (one configured, the other read back); a template
    // names one of them. The id identifies the template: the name is kept only where there is no id.
    const templates = attributes.launch_template;
    if (Array.isArray(templates))
      for (const template of templates)
        if (isPlainObject(template) && !isUnknown(template) && typeof template.id === 'string' && template.id)
          delete template.name;
    // The applied tags as a map, which the live source reports (without PropagateAtLaunch).
    if (!Object.hasOwn(attributes, 'tags') && Array.isArray(attributes.tag))
      attributes.tags = tagsOfBlocks(attributes.tag);
  },
  sources: {
    awsConfig: { type: 'AWS::AutoScaling::AutoScalingGroup', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::AutoScaling::AutoScalingGroup',
      map: cfn.fromSpec({
        name: cfn.name('AutoScalingGroupName'),
        min_size: ['MinSize', cfn.num],
        max_size: ['MaxSize', cfn.num],
        desired_capacity: ['DesiredCapacity', cfn.num],
        default_cooldown: cfn.or('Cooldown', 300, cfn.num),
        health_check_type: cfn.or('HealthCheckType', 'EC2'),
        health_check_grace_period: ['HealthCheckGracePeriod', cfn.num],
        capacity_rebalance: cfn.or('CapacityRebalance', false, cfn.bool),
        availability_zones: 'AvailabilityZones',
        vpc_zone_identifier: 'VPCZoneIdentifier',
        target_group_arns: cfn.or('TargetGroupARNs', []),
        load_balancers: cfn.or('LoadBalancerNames', []),
        launch_configuration: cfn.or('LaunchConfigurationName', ''),
        launch_template: [
          'LaunchTemplate',
          cfn.block((template) => [
            {
              ...(cfn.field(template, 'LaunchTemplateId') !== undefined
                ? { id: cfn.field(template, 'LaunchTemplateId') as Value }
                : { name: cfn.orNull(cfn.field(template, 'LaunchTemplateName')) }),
              version: cfn.orNull(cfn.text(cfn.field(template, 'Version'))),
            },
          ]),
        ],
        termination_policies: cfn.or('TerminationPolicies', ['Default']),
        max_instance_lifetime: cfn.or('MaxInstanceLifetime', 0, cfn.num),
        protect_from_scale_in: cfn.or('NewInstancesProtectedFromScaleIn', false, cfn.bool),
        placement_group: cfn.or('PlacementGroup', ''),
        service_linked_role_arn: 'ServiceLinkedRoleARN',
        enabled_metrics: (p) => metricsOfTemplate(p, 'Metrics'),
        metrics_granularity: (p) => metricsOfTemplate(p, 'Granularity'),
        tag: (p) =>
          cfn.eachOf(cfn.field(p, 'Tags'), (tag) => ({
            key: cfn.field(tag, 'Key') ?? null,
            value: cfn.text(cfn.field(tag, 'Value')) ?? '',
            propagate_at_launch: cfn.bool(cfn.field(tag, 'PropagateAtLaunch')) ?? null,
          })),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function tagsOfBlocks(blocks: Value[]): Value {
  const out: Record<string, Value> = {};
  for (const block of blocks) {
    if (!isPlainObject(block) || isUnknown(block) || typeof block.key !== 'string')
      return unknown('computed');
    setOwnValue(out, block.key, block.value ?? '');
  }
  return out;
}

/** MetricsCollection has one entry per granularity (only 1Minute exists); the metrics of the first entry. */
function metricsOfTemplate(properties: Value, key: 'Metrics' | 'Granularity'): Value | undefined {
  const list = cfn.field(properties, 'MetricsCollection');
  if (list === undefined) return key === 'Metrics' ? [] : undefined;
  if (isUnknown(list) || !Array.isArray(list)) return list;
  const first = list[0];
  if (first === undefined) return key === 'Metrics' ? [] : undefined;
  return cfn.field(first, key) ?? (key === 'Metrics' ? unknown('computed') : '1Minute');
}

function launchTemplateOfItem(value: unknown): Value | undefined {
  if (value === undefined || value === null) return [];
  const template = record(value);
  if (!template) return unknown('not-reported');
  const id = str(template.launchTemplateId);
  return [
    id !== undefined
      ? { id, version: str(template.version) ?? null }
      : { name: str(template.launchTemplateName) ?? null, version: str(template.version) ?? null },
  ];
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = idText(c.autoScalingGroupName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'arn', idText(c.autoScalingGroupARN) ?? item.arn);
  put(attributes, 'min_size', num(c.minSize));
  put(attributes, 'max_size', num(c.maxSize));
  put(attributes, 'desired_capacity', num(c.desiredCapacity));
  put(attributes, 'default_cooldown', num(c.defaultCooldown));
  put(attributes, 'health_check_type', str(c.healthCheckType));
  put(attributes, 'health_check_grace_period', num(c.healthCheckGracePeriod));
  put(attributes, 'capacity_rebalance', bool(c.capacityRebalance));
  put(attributes, 'availability_zones', strs(c.availabilityZones));
  // DescribeAutoScalingGroups reports the subnets as one comma-separated string.
  const zones = c.vpczoneIdentifier;
  if (typeof zones === 'string') attributes.vpc_zone_identifier = zones.split(',').filter((id) => id !== '');
  else put(attributes, 'vpc_zone_identifier', strs(zones));
  // The describe result lists every attachment: an absent list is none (the provider writes []).
  attributes.target_group_arns = strs(c.targetGroupARNs) ?? [];
  attributes.load_balancers = strs(c.loadBalancerNames) ?? [];
  attributes.launch_configuration = str(c.launchConfigurationName) ?? '';
  attributes.launch_template = launchTemplateOfItem(c.launchTemplate) ?? [];
  put(attributes, 'termination_policies', strs(c.terminationPolicies));
  attributes.max_instance_lifetime = num(c.maxInstanceLifetime) ?? 0;
  put(attributes, 'protect_from_scale_in', bool(c.newInstancesProtectedFromScaleIn));
  attributes.placement_group = str(c.placementGroup) ?? '';
  put(attributes, 'service_linked_role_arn', str(c.serviceLinkedRoleARN));
  attributes.enabled_metrics = fieldOfEach(c.enabledMetrics, 'metric') ?? [];
  const granularity = fieldOfEach(c.enabledMetrics, 'granularity');
  if (Array.isArray(granularity) && typeof granularity[0] === 'string')
    attributes.metrics_granularity = granularity[0];
  attributes.suspended_processes = fieldOfEach(c.suspendedProcesses, 'processName') ?? [];
  put(attributes, 'tags', tagMap(item.tags));
  return { id: name, attributes };
}
