import { isUnknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText } from './shared/config-fields.js';

/**
 * aws_lb_target_group, keyed by its ARN: the state's `id` and the import id.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is the resource's
 * CloudFormation Properties with its read-only ones (the registry schema of AWS::ElasticLoadBalancingV2::TargetGroup,
 * aws-cloudformation/aws-cloudformation-resource-providers-elasticloadbalancingv2, as cfn-lint ships it:
 * TargetGroupArn (the primary identifier, Config's resourceId), TargetGroupName, Name, Port, Protocol,
 * ProtocolVersion, VpcId, TargetType, HealthCheckEnabled, HealthCheckPath, HealthCheckPort, HealthCheckProtocol,
 * HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds, HealthyThresholdCount, UnhealthyThresholdCount,
 * Matcher{HttpCode, GrpcCode}, Tags). One mapping of those Properties serves the item and templates; a template also
 * gets CloudFormation's TargetType (instance) and, for HTTP and HTTPS groups, ProtocolVersion (HTTP1). The health
 * check's other defaults depend on the protocol and the target type: a template that leaves them out leaves them
 * out here, and the diff compares only the keys both sides hold inside the block.
 * Terraform: hashicorp/terraform-provider-aws aws_lb_target_group (import id: the ARN).
 */
const healthCheck = {
  enabled: s.boolean,
  healthy_threshold: s.number,
  interval: s.number,
  matcher: s.string,
  path: s.string,
  port: s.string,
  protocol: s.string,
  timeout: s.number,
  unhealthy_threshold: s.number,
};

const HEALTH_CHECK: cfn.FieldSpec = {
  enabled: ['HealthCheckEnabled', cfn.bool],
  healthy_threshold: ['HealthyThresholdCount', cfn.num],
  interval: ['HealthCheckIntervalSeconds', cfn.num],
  matcher: (p) => {
    const matcher = cfn.field(p, 'Matcher');
    if (matcher === undefined || isUnknown(matcher)) return matcher;
    return cfn.text(cfn.field(matcher, 'HttpCode') ?? cfn.field(matcher, 'GrpcCode'));
  },
  path: 'HealthCheckPath',
  port: ['HealthCheckPort', cfn.text],
  protocol: 'HealthCheckProtocol',
  timeout: ['HealthCheckTimeoutSeconds', cfn.num],
  unhealthy_threshold: ['UnhealthyThresholdCount', cfn.num],
};

const fromPropertiesShared = cfn.fromSpec({
  name: cfn.name('Name'),
  arn: 'TargetGroupArn',
  port: ['Port', cfn.num],
  protocol: 'Protocol',
  protocol_version: 'ProtocolVersion',
  vpc_id: 'VpcId',
  target_type: 'TargetType',
  health_check: (p) => {
    const block = cfn.fields(p, HEALTH_CHECK);
    return Object.keys(block).length === 0 ? undefined : [block];
  },
  tags: ['Tags', cfn.tags],
});

export const lbTargetGroup = defineType({
  type: 'aws_lb_target_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    port: s.number,
    protocol: s.string,
    protocol_version: s.string,
    vpc_id: s.string,
    target_type: s.string,
    health_check: s.blocks(healthCheck),
    tags: s.tags,
  }),
  computed: ['arn', 'arn_suffix', 'load_balancer_arns'],
  // The provider's aws_lb_target_group documentation: target_type "Default is `instance`".
  defaults: { target_type: 'instance' },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ElasticLoadBalancingV2::TargetGroup', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      map: (properties) => {
        const attributes = fromPropertiesShared(properties);
        attributes.target_type ??= 'instance';
        const protocol = attributes.protocol;
        if (attributes.protocol_version === undefined && (protocol === 'HTTP' || protocol === 'HTTPS'))
          attributes.protocol_version = 'HTTP1';
        return attributes;
      },
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = fromPropertiesShared(c as Value);
  const arn = idText(c.TargetGroupArn) ?? item.arn ?? item.resourceId;
  attributes.arn = arn;
  const name = idText(c.TargetGroupName) ?? idText(c.Name) ?? item.resourceName;
  if (name !== undefined) attributes.name = name;
  put(attributes, 'tags', item.tags ?? tagMap(c.Tags));
  return { id: arn, attributes };
}
