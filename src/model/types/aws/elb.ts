import { unknown, type Value } from '../../value.js';
import { put, record } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { fieldOfEach, num, str, strs } from './shared/config-fields.js';

/**
 * aws_elb (a Classic Load Balancer), keyed by its name: the Terraform import id and the state's `id`
 * (hashicorp/terraform-provider-aws website/docs/r/elb.html.markdown, "Import"). `listener` is a set of
 * `{instance_port, instance_protocol, lb_port, lb_protocol, ssl_certificate_id}`; the provider writes both
 * protocols in lower case (flattenListeners: strings.ToLower), and so do the mappings here.
 *
 * AWS Config (AWS::ElasticLoadBalancing::LoadBalancer): awslabs/aws-config-resource-schema
 * `AWS::ElasticLoadBalancing::LoadBalancer.properties.json`: configuration.loadBalancerName, scheme
 * (internet-facing or internal), subnets, securityGroups, instances[{instanceId}], and
 * listenerDescriptions[{listener: {protocol, loadBalancerPort, instanceProtocol, instancePort, sslcertificateId}}].
 *
 * CloudFormation: AWS::ElasticLoadBalancing::LoadBalancer (LoadBalancerName, generated when left out, Scheme
 * (default internet-facing), Listeners[{LoadBalancerPort, InstancePort, Protocol, InstanceProtocol (default: the
 * front-end protocol), SSLCertificateId}], Subnets, SecurityGroups, Instances, Tags).
 */
// --- CloudFormation ------------------------------------------------------------------------------------------------

const lowerCase = (value: Value | undefined): Value | undefined =>
  typeof value === 'string' ? value.toLowerCase() : value;

const cfnListeners: cfn.Convert = (list) =>
  cfn.eachOf(list, (listener) => {
    const protocol = lowerCase(cfn.field(listener, 'Protocol'));
    return {
      instance_port: cfn.orNull(cfn.num(cfn.field(listener, 'InstancePort'))),
      instance_protocol: cfn.orNull(lowerCase(cfn.field(listener, 'InstanceProtocol')) ?? protocol),
      lb_port: cfn.orNull(cfn.num(cfn.field(listener, 'LoadBalancerPort'))),
      lb_protocol: cfn.orNull(protocol),
      ssl_certificate_id: cfn.field(listener, 'SSLCertificateId') ?? '',
    };
  });

export const elb = defineType({
  type: 'aws_elb',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    internal: s.boolean,
    listener: s.blocks({
      instance_port: s.number,
      instance_protocol: s.string,
      lb_port: s.number,
      lb_protocol: s.string,
      ssl_certificate_id: s.string,
    }),
    subnets: s.strings,
    security_groups: s.strings,
    instances: s.strings,
    tags: s.tags,
  }),
  sets: ['listener', 'subnets', 'security_groups', 'instances'],
  computed: ['arn', 'dns_name', 'zone_id', 'source_security_group', 'source_security_group_id'],
  // The provider's schema: internal defaults to false (internet-facing).
  defaults: { internal: false },
  id: { attribute: 'name', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ElasticLoadBalancing::LoadBalancer', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ElasticLoadBalancing::LoadBalancer',
      map: cfn.fromSpec({
        name: cfn.name('LoadBalancerName'),
        internal: (p) => internalOf(cfn.field(p, 'Scheme') ?? 'internet-facing'),
        listener: ['Listeners', cfnListeners],
        subnets: 'Subnets',
        security_groups: 'SecurityGroups',
        instances: 'Instances',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function internalOf(scheme: Value | undefined): Value | undefined {
  if (typeof scheme !== 'string') return scheme;
  return scheme === 'internal';
}

// --- AWS Config ----------------------------------------------------------------------------------------------------

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = text(c.loadBalancerName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'arn', item.arn);
  put(attributes, 'internal', internalOf(str(c.scheme)));
  put(attributes, 'listener', configListeners(c.listenerDescriptions));
  put(attributes, 'subnets', strs(c.subnets));
  put(attributes, 'security_groups', strs(c.securityGroups));
  put(attributes, 'instances', fieldOfEach(c.instances, 'instanceId'));
  put(attributes, 'tags', item.tags);
  return { id: name, attributes };
}

function configListeners(descriptions: unknown): Value[] | undefined {
  if (!Array.isArray(descriptions)) return undefined;
  return descriptions.map((description) => {
    const listener = record(record(description)?.listener);
    if (!listener) return unknown('not-reported');
    const block: Attributes = {};
    put(block, 'instance_port', num(listener.instancePort));
    put(block, 'instance_protocol', lowerCase(str(listener.instanceProtocol)));
    put(block, 'lb_port', num(listener.loadBalancerPort));
    put(block, 'lb_protocol', lowerCase(str(listener.protocol)));
    block.ssl_certificate_id = str(listener.sslcertificateId) ?? '';
    return block;
  });
}
