import { isUnknown, unknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { joined } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { arnName, idText } from './shared/config-fields.js';

/**
 * aws_ecs_service, keyed by `<cluster name>/<service name>`: the import id (the provider's import section), while
 * the state's `id` is the service ARN and its `cluster` the cluster ARN.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is the resource's
 * CloudFormation Properties with the read-only ones, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ECS::Service.properties.json` (ServiceArn, ServiceName, Name, Cluster,
 * TaskDefinition, DesiredCount, LaunchType, PlatformVersion, EnableExecuteCommand,
 * NetworkConfiguration.AwsvpcConfiguration{AssignPublicIp, SecurityGroups, Subnets}, LoadBalancers[{ContainerName,
 * ContainerPort, LoadBalancerName, TargetGroupArn}]; tags). One mapping of those Properties serves the item and
 * AWS::ECS::Service templates. A template that names its cluster by name (not ARN), or none (the `default`
 * cluster), leaves the cluster ARN unknown.
 *
 * task_definition: the provider keeps it in the form the configuration gives (an ARN, or `family:revision`); it is
 * compared as `family:revision`, to which both the live ARN and a state ARN are brought.
 * Terraform: hashicorp/terraform-provider-aws aws_ecs_service (import id: `<cluster name>/<service name>`).
 */
export const ecsService = defineType({
  type: 'aws_ecs_service',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    cluster: s.string,
    task_definition: s.string,
    desired_count: s.number,
    launch_type: s.string,
    enable_execute_command: s.boolean,
    network_configuration: s.blocks({
      assign_public_ip: s.boolean,
      security_groups: s.strings,
      subnets: s.strings,
    }),
    load_balancer: s.blocks({
      container_name: s.string,
      container_port: s.number,
      elb_name: s.string,
      target_group_arn: s.string,
    }),
    tags: s.tags,
  }),
  sets: ['load_balancer', 'network_configuration[*].security_groups', 'network_configuration[*].subnets'],
  // The provider's aws_ecs_service documentation: enable_execute_command "Default is `false`".
  defaults: { enable_execute_command: false },
  id: {
    attribute: 'id',
    importId: (attributes) => joined(arnName(attributes.cluster) ?? attributes.cluster, attributes.name),
    caseInsensitive: false,
  },
  canonicalise(attributes) {
    attributes.task_definition = familyRevision(attributes.task_definition) ?? null;
  },
  sources: {
    awsConfig: { type: 'AWS::ECS::Service', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ECS::Service',
      map: (properties) => {
        const attributes = fromProperties(properties);
        const cluster = attributes.cluster;
        if (cluster === undefined || (typeof cluster === 'string' && !cluster.startsWith('arn:')))
          attributes.cluster = unknown('computed');
        attributes.enable_execute_command ??= false;
        return attributes;
      },
    },
  },
});

/** `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>` -> `<family>:<revision>`. */
function familyRevision(value: Value | undefined): Value | undefined {
  if (typeof value !== 'string') return value;
  const match = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(value);
  return match?.[1] ?? value;
}

const fromProperties = cfn.fromSpec({
  name: cfn.name('ServiceName'),
  cluster: 'Cluster',
  task_definition: ['TaskDefinition', familyRevision],
  desired_count: ['DesiredCount', cfn.num],
  launch_type: 'LaunchType',
  enable_execute_command: ['EnableExecuteCommand', cfn.bool],
  network_configuration: [
    'NetworkConfiguration',
    cfn.block((configuration) => {
      const vpc = cfn.field(configuration, 'AwsvpcConfiguration');
      if (vpc === undefined) return [];
      if (isUnknown(vpc)) return vpc;
      const assign = cfn.field(vpc, 'AssignPublicIp');
      return [
        {
          assign_public_ip: typeof assign === 'string' ? assign === 'ENABLED' : (assign ?? false),
          security_groups: cfn.field(vpc, 'SecurityGroups') ?? [],
          subnets: cfn.field(vpc, 'Subnets') ?? [],
        },
      ];
    }),
  ],
  load_balancer: [
    'LoadBalancers',
    (list) =>
      cfn.eachOf(list, (entry) => ({
        container_name: cfn.field(entry, 'ContainerName') ?? '',
        container_port: cfn.num(cfn.field(entry, 'ContainerPort')) ?? 0,
        elb_name: cfn.field(entry, 'LoadBalancerName') ?? '',
        target_group_arn: cfn.field(entry, 'TargetGroupArn') ?? '',
      })),
  ],
  tags: ['Tags', cfn.tags],
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = fromProperties(c as Value);
  const name = idText(c.ServiceName) ?? idText(c.Name);
  if (name !== undefined) attributes.name = name;
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags));
  const cluster = idText(c.Cluster);
  const id = joined(arnName(cluster) ?? cluster, name) ?? item.resourceId;
  return { id, attributes };
}
