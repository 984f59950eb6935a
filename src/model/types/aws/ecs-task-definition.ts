import type { Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText } from './shared/config-fields.js';

/**
 * aws_ecs_task_definition, keyed by its ARN (`...:task-definition/<family>:<revision>`): the import id (the
 * provider's import section), while the state's `id` is the family.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is the resource's
 * CloudFormation Properties with the read-only ones, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ECS::TaskDefinition.properties.json` (TaskDefinitionArn, Family, Cpu,
 * Memory, NetworkMode, RequiresCompatibilities, ExecutionRoleArn, TaskRoleArn, PidMode, IpcMode,
 * ContainerDefinitions[...]; tags). Config's resourceId is the registry primary identifier, TaskDefinitionArn. One
 * mapping of those Properties serves the item and AWS::ECS::TaskDefinition templates (which know no ARN: a new
 * revision is made on every change). Cpu and Memory are strings in Terraform, as in ECS.
 *
 * container_definitions is not compared: Terraform holds it as a JSON string in ECS's camelCase with the
 * provider's own normalisation, CloudFormation and Config as PascalCase objects.
 * Terraform: hashicorp/terraform-provider-aws aws_ecs_task_definition (import id: the task definition ARN).
 */
const fromProperties = cfn.fromSpec({
  family: cfn.name('Family'),
  arn: 'TaskDefinitionArn',
  cpu: ['Cpu', cfn.text],
  memory: ['Memory', cfn.text],
  network_mode: 'NetworkMode',
  requires_compatibilities: 'RequiresCompatibilities',
  execution_role_arn: 'ExecutionRoleArn',
  task_role_arn: 'TaskRoleArn',
  pid_mode: 'PidMode',
  ipc_mode: 'IpcMode',
  tags: ['Tags', cfn.tags],
});

export const ecsTaskDefinition = defineType({
  type: 'aws_ecs_task_definition',
  provider: 'aws',
  schema: s.attributes({
    family: s.string,
    arn: s.string,
    cpu: s.string,
    memory: s.string,
    network_mode: s.string,
    requires_compatibilities: s.strings,
    execution_role_arn: s.string,
    task_role_arn: s.string,
    pid_mode: s.string,
    ipc_mode: s.string,
    tags: s.tags,
  }),
  sets: ['requires_compatibilities'],
  computed: ['arn', 'arn_without_revision', 'revision'],
  id: {
    attribute: 'arn',
    importId: (attributes) => text(attributes.arn),
    caseInsensitive: false,
  },
  sources: {
    awsConfig: { type: 'AWS::ECS::TaskDefinition', map: fromConfigItem },
    cloudFormation: { type: 'AWS::ECS::TaskDefinition', map: fromProperties },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = fromProperties(c as Value);
  const arn = idText(c.TaskDefinitionArn) ?? item.arn ?? item.resourceId;
  attributes.arn = arn;
  const family = idText(c.Family);
  if (family === undefined) delete attributes.family;
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags));
  return { id: arn, attributes };
}
