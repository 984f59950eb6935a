import { isUnknown, type Value } from '../../value.js';
import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { fieldOfEach, str, strs } from './shared/config-fields.js';

/**
 * aws_lb, keyed by its ARN: the state's `id` and the import id.
 *
 * AWS Config (AWS::ElasticLoadBalancingV2::LoadBalancer): the ELBv2 DescribeLoadBalancers shape,
 * awslabs/aws-config-resource-schema `config/properties/resource-types/AWS::ElasticLoadBalancingV2::LoadBalancer
 * .properties.json` (configuration.loadBalancerArn, loadBalancerName, scheme, type, securityGroups[],
 * availabilityZones[{zoneName, subnetId}], ipAddressType, vpcId, dNSName; tags[{key, value}]). The load balancer's
 * attributes (DescribeLoadBalancerAttributes: deletion protection, invalid header handling, access logs) are not
 * in the item: live, those are not reported.
 *
 * CloudFormation: AWS::ElasticLoadBalancingV2::LoadBalancer (Name, Scheme (default internet-facing), Type (default
 * application), SecurityGroups, Subnets or SubnetMappings[{SubnetId}], IpAddressType (default ipv4),
 * LoadBalancerAttributes[{Key, Value}] with `deletion_protection.enabled`,
 * `routing.http.drop_invalid_header_fields.enabled` (both default false) and `access_logs.s3.*`, Tags).
 * Terraform: hashicorp/terraform-provider-aws aws_lb (import id: the ARN).
 */
export const lb = defineType({
  type: 'aws_lb',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    internal: s.boolean,
    load_balancer_type: s.string,
    security_groups: s.strings,
    subnets: s.strings,
    ip_address_type: s.string,
    drop_invalid_header_fields: s.boolean,
    enable_deletion_protection: s.boolean,
    access_logs: s.blocks({ bucket: s.string, enabled: s.boolean, prefix: s.string }),
    tags: s.tags,
  }),
  sets: ['security_groups', 'subnets'],
  computed: ['arn', 'arn_suffix', 'dns_name', 'zone_id', 'vpc_id'],
  // The provider's aws_lb documentation: internal "Defaults to `false`", load_balancer_type "The default value
  // is `application`", enable_deletion_protection "Defaults to `false`", drop_invalid_header_fields "Default is
  // `false`".
  defaults: {
    internal: false,
    load_balancer_type: 'application',
    enable_deletion_protection: false,
    drop_invalid_header_fields: false,
  },
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      map: cfn.fromSpec({
        name: cfn.name('Name'),
        internal: (p) => internalOf(cfn.field(p, 'Scheme') ?? 'internet-facing'),
        load_balancer_type: cfn.or('Type', 'application'),
        security_groups: 'SecurityGroups',
        subnets: subnetsOfTemplate,
        ip_address_type: cfn.or('IpAddressType', 'ipv4'),
        enable_deletion_protection: (p) => flag(attribute(p, 'deletion_protection.enabled'), false),
        drop_invalid_header_fields: (p) =>
          flag(attribute(p, 'routing.http.drop_invalid_header_fields.enabled'), false),
        access_logs: accessLogsOfTemplate,
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function internalOf(scheme: Value | undefined): Value | undefined {
  if (typeof scheme !== 'string') return scheme;
  return scheme === 'internal';
}

function subnetsOfTemplate(properties: Value): Value | undefined {
  const subnets = cfn.field(properties, 'Subnets');
  if (subnets !== undefined) return subnets;
  return cfn.eachOf(
    cfn.field(properties, 'SubnetMappings'),
    (mapping) => cfn.field(mapping, 'SubnetId') ?? null,
  );
}

/** The Value of one LoadBalancerAttributes entry; an unknown list makes every attribute unknown. */
function attribute(properties: Value, key: string): Value | undefined {
  const list = cfn.field(properties, 'LoadBalancerAttributes');
  if (isUnknown(list)) return list;
  if (!Array.isArray(list)) return undefined;
  const entry = list.find((item) => cfn.field(item, 'Key') === key);
  return entry === undefined ? undefined : cfn.text(cfn.field(entry, 'Value'));
}

function flag(value: Value | undefined, absent: boolean): Value {
  if (value === undefined) return absent;
  return typeof value === 'string' ? value.toLowerCase() === 'true' : value;
}

function accessLogsOfTemplate(properties: Value): Value | undefined {
  const enabled = attribute(properties, 'access_logs.s3.enabled');
  if (enabled === undefined) return undefined;
  return [
    {
      bucket: attribute(properties, 'access_logs.s3.bucket') ?? '',
      enabled: flag(enabled, false),
      prefix: attribute(properties, 'access_logs.s3.prefix') ?? '',
    },
  ];
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = typeof c.loadBalancerArn === 'string' ? c.loadBalancerArn : (item.arn ?? item.resourceId);
  const attributes: Attributes = { arn };
  put(attributes, 'name', str(c.loadBalancerName));
  const scheme = str(c.scheme);
  if (scheme !== undefined) attributes.internal = internalOf(scheme) ?? null;
  put(attributes, 'load_balancer_type', str(c.type));
  // A load balancer without security groups (most network load balancers) has none listed.
  attributes.security_groups = strs(c.securityGroups) ?? [];
  put(attributes, 'subnets', fieldOfEach(c.availabilityZones, 'subnetId'));
  put(attributes, 'ip_address_type', str(c.ipAddressType));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: arn, attributes };
}
