import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::ElasticLoadBalancingV2::Listener -> aws_lb_listener. Shape: awslabs/aws-config-resource-schema
 * `AWS::ElasticLoadBalancingV2::Listener.properties.json`, PascalCase as in the CloudFormation resource:
 * ListenerArn, LoadBalancerArn, Port, Protocol, SslPolicy, Certificates[{CertificateArn, IsDefault}],
 * DefaultActions[{Type, Order, TargetGroupArn, RedirectConfig{Protocol, Port, Host, Path, Query, StatusCode},
 * FixedResponseConfig, ForwardConfig, ...}]. Workload Discovery on AWS's listener fixtures use the same casing
 * and the listener ARN as resourceId.
 *
 * default_action keeps Terraform's nesting: a list of blocks, each redirect a one-element list. The forward and
 * authenticate blocks are not mapped (absent, so unknown): the provider's choice between `target_group_arn` and a
 * `forward` block for one target group cannot be told from the item.
 */
export const lbListenerMapping: TypeMapping = {
  configType: 'AWS::ElasticLoadBalancingV2::Listener',
  terraformType: 'aws_lb_listener',
  map: mapListener,
};

type Fields = Record<string, Value>;

function mapListener(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const arn = typeof c.ListenerArn === 'string' ? c.ListenerArn : (item.arn ?? item.resourceId);
  const attributes: Record<string, Value> = { arn };
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
  const all = certificates.filter(isPlainObject);
  const chosen = all.find((cert) => cert.IsDefault === true) ?? all[0];
  if (!chosen) return '';
  return typeof chosen.CertificateArn === 'string' ? chosen.CertificateArn : undefined;
}

function defaultActions(actions: unknown): Value[] | undefined {
  if (!Array.isArray(actions)) return undefined;
  return actions.filter(isPlainObject).sort(byOrder).map(action);
}

// The provider sorts actions by Order before writing them to state.
function byOrder(a: Fields, b: Fields): number {
  const left = typeof a.Order === 'number' ? a.Order : Number.MAX_SAFE_INTEGER;
  const right = typeof b.Order === 'number' ? b.Order : Number.MAX_SAFE_INTEGER;
  return left - right;
}

function action(source: Fields): Fields {
  const block: Fields = {};
  put(block, 'type', source.Type);
  put(block, 'order', source.Order);
  put(block, 'target_group_arn', source.TargetGroupArn);
  put(block, 'redirect', redirect(source.RedirectConfig));
  put(block, 'fixed_response', fixedResponse(source.FixedResponseConfig));
  return block;
}

function redirect(config: Value | undefined): Value[] | undefined {
  if (!isPlainObject(config)) return undefined;
  const block: Fields = {};
  put(block, 'protocol', config.Protocol);
  put(block, 'port', config.Port);
  put(block, 'status_code', config.StatusCode);
  put(block, 'host', config.Host);
  put(block, 'path', config.Path);
  put(block, 'query', config.Query);
  return [block];
}

function fixedResponse(config: Value | undefined): Value[] | undefined {
  if (!isPlainObject(config)) return undefined;
  const block: Fields = {};
  put(block, 'content_type', config.ContentType);
  put(block, 'message_body', config.MessageBody);
  put(block, 'status_code', config.StatusCode);
  return [block];
}
