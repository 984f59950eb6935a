import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_lb_listener, keyed by the listener ARN. default_action keeps Terraform's nesting: a list of blocks, each
 * redirect or fixed response a one-element list.
 *
 * AWS Config (AWS::ElasticLoadBalancingV2::Listener): awslabs/aws-config-resource-schema
 * `AWS::ElasticLoadBalancingV2::Listener.properties.json`, PascalCase as in the CloudFormation resource:
 * ListenerArn, LoadBalancerArn, Port, Protocol, SslPolicy, Certificates[{CertificateArn, IsDefault}],
 * DefaultActions[{Type, Order, TargetGroupArn, RedirectConfig{Protocol, Port, Host, Path, Query, StatusCode},
 * FixedResponseConfig, ForwardConfig, ...}]. Workload Discovery on AWS's listener fixtures use the same casing
 * and the listener ARN as resourceId. The forward and authenticate blocks are not mapped (absent, so unknown):
 * the provider's choice between `target_group_arn` and a `forward` block for one target group cannot be told from
 * the item.
 *
 * CloudFormation: AWS::ElasticLoadBalancingV2::Listener, the same properties as Config's.
 */
// --- CloudFormation ------------------------------------------------------------------------------------------------

/**
 * A redirect's absent components are the request's own, `#{protocol}`, `#{port}`, `#{host}`, `/#{path}` and
 * `#{query}`: the defaults of the ELB API's RedirectActionConfig, and of the provider's redirect block.
 */
const cfnRedirect = cfn.block((config) => [
  {
    protocol: cfn.text(cfn.field(config, 'Protocol')) ?? '#{protocol}',
    port: cfn.text(cfn.field(config, 'Port')) ?? '#{port}',
    host: cfn.field(config, 'Host') ?? '#{host}',
    path: cfn.field(config, 'Path') ?? '/#{path}',
    query: cfn.field(config, 'Query') ?? '#{query}',
    status_code: cfn.orNull(cfn.field(config, 'StatusCode')),
  },
]);

const cfnActions: cfn.Convert = (list) =>
  cfn.eachOf(list, (action) => ({
    type: cfn.orNull(cfn.field(action, 'Type')),
    ...cfn.fields(action, { order: ['Order', cfn.num], target_group_arn: 'TargetGroupArn' }),
    redirect: cfnRedirect(cfn.field(action, 'RedirectConfig')) ?? [],
  }));

export const lbListener = defineType({
  type: 'aws_lb_listener',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    load_balancer_arn: s.string,
    port: s.number,
    protocol: s.string,
    ssl_policy: s.string,
    certificate_arn: s.string,
    default_action: s.blocks({
      type: s.string,
      order: s.number,
      target_group_arn: s.string,
      redirect: s.blocks({
        protocol: s.string,
        port: s.string,
        status_code: s.string,
        host: s.string,
        path: s.string,
        query: s.string,
      }),
      fixed_response: s.blocks({ content_type: s.string, message_body: s.string, status_code: s.string }),
    }),
    tags: s.tags,
  }),
  computed: ['arn'],
  // Import id: the listener ARN (website/docs/r/lb_listener.html.markdown, Import: "using their ARN").
  id: { attribute: 'arn', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ElasticLoadBalancingV2::Listener', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ElasticLoadBalancingV2::Listener',
      map: cfn.fromSpec({
        port: ['Port', cfn.num],
        protocol: 'Protocol',
        ssl_policy: 'SslPolicy',
        default_action: ['DefaultActions', cfnActions],
      }),
    },
  },
});

// --- AWS Config ----------------------------------------------------------------------------------------------------

type Fields = Record<string, unknown>;

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = typeof c.ListenerArn === 'string' ? c.ListenerArn : (item.arn ?? item.resourceId);
  const attributes: Attributes = { arn };
  put(attributes, 'load_balancer_arn', c.LoadBalancerArn);
  put(attributes, 'port', c.Port);
  put(attributes, 'protocol', c.Protocol);
  put(attributes, 'ssl_policy', c.SslPolicy);
  put(attributes, 'certificate_arn', defaultCertificate(c.Certificates));
  put(attributes, 'default_action', defaultActions(c.DefaultActions));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: arn, attributes };
}

// DescribeListeners lists only the default certificate; IsDefault is honoured in case a list ever holds more.
function defaultCertificate(certificates: unknown): string | undefined {
  if (!Array.isArray(certificates)) return undefined;
  const all = certificates.map(record).filter((cert) => cert !== undefined);
  const chosen = all.find((cert) => cert.IsDefault === true) ?? all[0];
  if (!chosen) return '';
  return typeof chosen.CertificateArn === 'string' ? chosen.CertificateArn : undefined;
}

function defaultActions(actions: unknown): Value[] | undefined {
  if (!Array.isArray(actions)) return undefined;
  return actions
    .map(record)
    .filter((fields) => fields !== undefined)
    .sort(byOrder)
    .map(action);
}

// The provider sorts actions by Order before writing them to state.
function byOrder(a: Fields, b: Fields): number {
  const left = typeof a.Order === 'number' ? a.Order : Number.MAX_SAFE_INTEGER;
  const right = typeof b.Order === 'number' ? b.Order : Number.MAX_SAFE_INTEGER;
  return left - right;
}

function action(source: Fields): Attributes {
  const block: Attributes = {};
  put(block, 'type', source.Type);
  put(block, 'order', source.Order);
  put(block, 'target_group_arn', source.TargetGroupArn);
  put(block, 'redirect', redirect(source.RedirectConfig));
  put(block, 'fixed_response', fixedResponse(source.FixedResponseConfig));
  return block;
}

function redirect(raw: unknown): Value[] | undefined {
  const config = record(raw);
  if (!config) return undefined;
  const block: Attributes = {};
  put(block, 'protocol', config.Protocol);
  put(block, 'port', config.Port);
  put(block, 'status_code', config.StatusCode);
  put(block, 'host', config.Host);
  put(block, 'path', config.Path);
  put(block, 'query', config.Query);
  return [block];
}

function fixedResponse(raw: unknown): Value[] | undefined {
  const config = record(raw);
  if (!config) return undefined;
  const block: Attributes = {};
  put(block, 'content_type', config.ContentType);
  put(block, 'message_body', config.MessageBody);
  put(block, 'status_code', config.StatusCode);
  return [block];
}
