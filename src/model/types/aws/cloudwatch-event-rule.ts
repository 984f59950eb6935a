import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { joined, text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_cloudwatch_event_rule, from AWS::Events::Rule. The Terraform import id is `<event_bus_name>/<rule_name>`,
 * or the rule name alone on the `default` bus (hashicorp/terraform-provider-aws
 * website/docs/r/cloudwatch_event_rule.html.markdown, "Import"; the state's `id` is built the same way by
 * internal/service/events ruleCreateResourceID). A bus named by its ARN is read as its name, as the import accepts.
 *
 * AWS Config records this type through the CloudFormation registry: an item's `configuration` is the rule's
 * CloudFormation Properties (awslabs/aws-config-resource-schema `AWS::Events::Rule.properties.json`: Arn, Name,
 * EventBusName, Description, RoleArn, ScheduleExpression, State, Targets; the registry schema adds EventPattern and
 * Tags). One mapping of those Properties serves templates and AWS Config. Targets are aws_cloudwatch_event_target
 * resources of their own, not mapped here.
 *
 * The event pattern is compared parsed: the state holds it as JSON text, CloudFormation as an object.
 */
const fromProperties = cfn.fromSpec({
  name: cfn.name('Name'),
  arn: 'Arn',
  event_bus_name: ['EventBusName', busName],
  description: 'Description',
  event_pattern: ['EventPattern', parsedPattern],
  schedule_expression: 'ScheduleExpression',
  role_arn: 'RoleArn',
  state: 'State',
  tags: ['Tags', cfn.tags],
});

export const cloudwatchEventRule = defineType({
  type: 'aws_cloudwatch_event_rule',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    event_bus_name: s.string,
    description: s.string,
    event_pattern: s.known(s.attributes({})),
    schedule_expression: s.string,
    role_arn: s.string,
    state: s.string,
    tags: s.tags,
  }),
  computed: ['arn'],
  // The provider's schema defaults: the account's default bus, and an enabled rule.
  defaults: { event_bus_name: 'default', state: 'ENABLED' },
  id: { attribute: 'id', importId: (attributes) => ruleId(attributes), caseInsensitive: false },
  canonicalise(attributes) {
    const pattern = parsedPattern(attributes.event_pattern);
    if (pattern !== undefined) attributes.event_pattern = pattern;
  },
  sources: {
    awsConfig: { type: 'AWS::Events::Rule', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Events::Rule',
      map: cfn.withTemplateDefaults(fromProperties, {
        event_bus_name: 'default',
        state: 'ENABLED',
        description: null,
        event_pattern: null,
        schedule_expression: null,
        role_arn: null,
      }),
    },
  },
});

/** `arn:aws:events:<region>:<account>:event-bus/<name>` -> `<name>`; a name stays as it is. */
function busName(value: Value | undefined): Value | undefined {
  if (typeof value !== 'string' || !value.startsWith('arn:')) return value;
  const marker = ':event-bus/';
  const at = value.indexOf(marker);
  return at < 0 ? value : value.slice(at + marker.length);
}

/** The pattern as an object; JSON text is parsed, and text that is not JSON is kept as it is. */
function parsedPattern(value: Value | undefined): Value | undefined {
  if (typeof value !== 'string') return value;
  if (value === '') return null;
  try {
    const parsed: Value = JSON.parse(value);
    return isPlainObject(parsed) ? parsed : value;
  } catch {
    return value;
  }
}

/** The rule name on the default bus, else `<bus>/<rule>`, as the provider builds the id. */
function ruleId(attributes: Attributes): string | undefined {
  const name = text(attributes.name);
  const bus = busName(attributes.event_bus_name);
  if (name === undefined || isUnknown(bus)) return undefined;
  const busText = text(bus);
  return busText === undefined || busText === 'default' ? name : joined(busText, name);
}

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes = fromProperties(configuration);
  attributes.name = text(attributes.name) ?? item.resourceName ?? item.resourceId;
  // A rule Config records without its bus is on the default bus (EventBusName: "If you omit this, the default
  // event bus is used").
  attributes.event_bus_name = text(attributes.event_bus_name) ?? 'default';
  put(attributes, 'arn', text(item.arn) ?? text(record(configuration)?.Arn));
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id: ruleId(attributes) ?? item.resourceId, attributes };
}
