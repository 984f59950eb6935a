import { z } from 'zod';
import { isUnknown, unknown, type Value } from '../../value.js';
import { put, record } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_cloudfront_distribution, from AWS::CloudFront::Distribution (hashicorp/terraform-provider-aws
 * `aws_cloudfront_distribution`; import id: the distribution id, which is also the state's `id`).
 *
 * CloudFormation: `DistributionConfig` in the AWS::CloudFront::Distribution resource reference. What a template
 * leaves out is what CloudFront sets: no ViewerCertificate is the default *.cloudfront.net certificate (which
 * CloudFront holds at TLSv1 whatever the template says), HttpVersion http1.1, PriceClass_All, IPv6 off, and a cache
 * behavior without AllowedMethods or CachedMethods allows and caches GET and HEAD, uncompressed, with the legacy
 * TTLs (0, one day, one year).
 *
 * Origins (`Origins[]`, Terraform's `origin` set): DomainName, Id, OriginPath, ConnectionAttempts (default 3),
 * ConnectionTimeout (default 10), OriginAccessControlId, S3OriginConfig{OriginAccessIdentity} and
 * CustomOriginConfig{HTTPPort, HTTPSPort, OriginProtocolPolicy, OriginSSLProtocols, OriginKeepaliveTimeout (default
 * 5), OriginReadTimeout (default 30)}, the defaults as the resource reference states them. A CustomOriginConfig
 * without OriginSSLProtocols leaves them to CloudFront, whose choice the reference does not state: unknown. The AWS
 * Config mapping does not read origins yet: live, origin is not reported.
 *
 * AWS Config: awslabs/aws-config-resource-schema `AWS::CloudFront::Distribution.properties.json`, the CloudFront
 * API's shape (`configuration.id`, `configuration.distributionConfig` with `{quantity, items}` lists). The
 * resourceId is the distribution id. Config records CloudFront only in US East (N. Virginia) ("AWS Config support
 * for Amazon CloudFront is available only in the US East (N. Virginia) region": the developer guide's
 * resource-config-reference, awsdocs/aws-config-developer-guide doc_source/resource-config-reference.md), so its
 * `homeRegion` is us-east-1: a scan of another region does not compare distributions (every one would read as
 * missing there). It is not `global`, the IAM bundle `includeGlobalResourceTypes` switches on.
 */
const behavior = {
  path_pattern: s.string,
  target_origin_id: s.string,
  viewer_protocol_policy: s.string,
  allowed_methods: s.strings,
  cached_methods: s.strings,
  cache_policy_id: s.string,
  compress: s.boolean,
  smooth_streaming: s.boolean,
  min_ttl: s.number,
  default_ttl: s.number,
  max_ttl: s.number,
  forwarded_values: s.blocks({
    query_string: s.boolean,
    query_string_cache_keys: s.strings,
    headers: s.strings,
    cookies: s.blocks({ forward: s.string, whitelisted_names: s.strings }),
  }),
};

export const cloudfrontDistribution = defineType({
  type: 'aws_cloudfront_distribution',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    domain_name: s.string,
    enabled: s.boolean,
    comment: s.string,
    aliases: s.strings,
    default_root_object: s.string,
    http_version: s.string,
    is_ipv6_enabled: s.boolean,
    price_class: s.string,
    web_acl_id: s.string,
    default_cache_behavior: s.blocks(behavior),
    ordered_cache_behavior: s.blocks(behavior),
    viewer_certificate: s.blocks({
      cloudfront_default_certificate: s.boolean,
      acm_certificate_arn: s.string,
      iam_certificate_id: s.string,
      minimum_protocol_version: s.string,
      ssl_support_method: s.string,
    }),
    logging_config: s.blocks({ bucket: s.string, include_cookies: s.boolean, prefix: s.string }),
    origin: s.blocks({
      domain_name: s.string,
      origin_id: s.string,
      origin_path: s.string,
      connection_attempts: s.number,
      connection_timeout: s.number,
      origin_access_control_id: s.string,
      custom_origin_config: s.blocks({
        http_port: s.number,
        https_port: s.number,
        origin_protocol_policy: s.string,
        origin_ssl_protocols: s.strings,
        origin_keepalive_timeout: s.number,
        origin_read_timeout: s.number,
      }),
      s3_origin_config: s.blocks({ origin_access_identity: s.string }),
    }),
    tags: s.tags,
  }),
  // ordered_cache_behavior is a list: its order is the order CloudFront matches path patterns in.
  sets: [
    'aliases',
    'origin',
    'origin[*].custom_origin_config[*].origin_ssl_protocols',
    ...['default_cache_behavior', 'ordered_cache_behavior'].flatMap((behavior) => [
      `${behavior}[*].allowed_methods`,
      `${behavior}[*].cached_methods`,
      `${behavior}[*].forwarded_values[*].headers`,
      `${behavior}[*].forwarded_values[*].cookies[*].whitelisted_names`,
    ]),
  ],
  computed: ['arn', 'domain_name', 'etag', 'hosted_zone_id', 'status', 'caller_reference'],
  // The provider's schema defaults.
  defaults: { http_version: 'http2', price_class: 'PriceClass_All', is_ipv6_enabled: false },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: {
      type: 'AWS::CloudFront::Distribution',
      homeRegion: 'us-east-1',
      itemSchema: z.lazy(() =>
        z.object({
          configuration: z.looseObject({
            id: z.string().nullish(),
            distributionConfig: z.looseObject({}).nullish(),
          }),
        }),
      ),
      map: fromConfigItem,
    },
    cloudFormation: { type: 'AWS::CloudFront::Distribution', map: fromProperties },
  },
});

// --- CloudFormation ------------------------------------------------------------------------------------------------

const GET_HEAD = ['GET', 'HEAD'];

function cfnBehavior(item: Value): Value {
  return cfn.fields(item, {
    path_pattern: 'PathPattern',
    target_origin_id: 'TargetOriginId',
    viewer_protocol_policy: 'ViewerProtocolPolicy',
    allowed_methods: cfn.or('AllowedMethods', GET_HEAD),
    cached_methods: cfn.or('CachedMethods', GET_HEAD),
    cache_policy_id: 'CachePolicyId',
    compress: cfn.or('Compress', false, cfn.bool),
    smooth_streaming: cfn.or('SmoothStreaming', false, cfn.bool),
    // The legacy cache settings' defaults; a behavior with a cache policy takes its TTLs from the policy.
    min_ttl: cfn.or('MinTTL', 0, cfn.num),
    default_ttl: cfn.or('DefaultTTL', 86400, cfn.num),
    max_ttl: cfn.or('MaxTTL', 31536000, cfn.num),
    forwarded_values: cfn.or('ForwardedValues', [], cfnForwardedValues),
  });
}

const cfnForwardedValues = cfn.block((values) => [
  {
    query_string: cfn.bool(cfn.field(values, 'QueryString')) ?? null,
    query_string_cache_keys: cfn.field(values, 'QueryStringCacheKeys') ?? [],
    headers: cfn.field(values, 'Headers') ?? [],
    cookies: cfn.or(
      'Cookies',
      [],
      cfn.block((cookies) => [
        {
          forward: cfn.orNull(cfn.field(cookies, 'Forward')),
          whitelisted_names: cfn.field(cookies, 'WhitelistedNames') ?? [],
        },
      ]),
    )(values),
  },
]);

/** No ViewerCertificate is CloudFront's own certificate; with it, CloudFront allows TLSv1 whatever is asked. */
const cfnViewerCertificate = (config: Value): Value => {
  const certificate = cfn.field(config, 'ViewerCertificate');
  if (isUnknown(certificate)) return certificate;
  if (certificate === undefined)
    return [{ cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1' }];
  const usesDefault = defaultCertificate(certificate);
  return [
    {
      cloudfront_default_certificate: usesDefault,
      ...cfn.fields(certificate, {
        acm_certificate_arn: 'AcmCertificateArn',
        iam_certificate_id: 'IamCertificateId',
        ssl_support_method: 'SslSupportMethod',
      }),
      minimum_protocol_version:
        usesDefault === true ? 'TLSv1' : (cfn.field(certificate, 'MinimumProtocolVersion') ?? 'TLSv1'),
    },
  ];
};

/** The flag when the template states it; otherwise a custom certificate named means false, none means true. */
function defaultCertificate(certificate: Value): Value {
  const flag = cfn.bool(cfn.field(certificate, 'CloudFrontDefaultCertificate'));
  if (flag !== undefined) return flag;
  const custom = [cfn.field(certificate, 'AcmCertificateArn'), cfn.field(certificate, 'IamCertificateId')];
  if (custom.some((id) => typeof id === 'string' && id !== '')) return false;
  return custom.find(isUnknown) ?? true;
}

const cfnCustomOrigin = cfn.block((config) => [
  cfn.fields(config, {
    http_port: ['HTTPPort', cfn.num],
    https_port: ['HTTPSPort', cfn.num],
    origin_protocol_policy: 'OriginProtocolPolicy',
    origin_ssl_protocols: cfn.or('OriginSSLProtocols', unknown('computed')),
    origin_keepalive_timeout: cfn.or('OriginKeepaliveTimeout', 5, cfn.num),
    origin_read_timeout: cfn.or('OriginReadTimeout', 30, cfn.num),
  }),
]);

function cfnOrigin(item: Value): Value {
  return cfn.fields(item, {
    domain_name: 'DomainName',
    origin_id: 'Id',
    origin_path: cfn.or('OriginPath', ''),
    connection_attempts: cfn.or('ConnectionAttempts', 3, cfn.num),
    connection_timeout: cfn.or('ConnectionTimeout', 10, cfn.num),
    origin_access_control_id: cfn.or('OriginAccessControlId', ''),
    custom_origin_config: cfn.or('CustomOriginConfig', [], cfnCustomOrigin),
    s3_origin_config: cfn.or(
      'S3OriginConfig',
      [],
      cfn.block((config) => [{ origin_access_identity: cfn.field(config, 'OriginAccessIdentity') ?? '' }]),
    ),
  });
}

const fromDistributionConfig = cfn.fromSpec({
  origin: (config) => cfn.eachOf(cfn.field(config, 'Origins'), cfnOrigin),
  enabled: ['Enabled', cfn.bool],
  comment: 'Comment',
  aliases: 'Aliases',
  default_root_object: cfn.or('DefaultRootObject', ''),
  http_version: cfn.or('HttpVersion', 'http1.1'),
  is_ipv6_enabled: cfn.or('IPV6Enabled', false, cfn.bool),
  price_class: cfn.or('PriceClass', 'PriceClass_All'),
  web_acl_id: cfn.or('WebACLId', ''),
  default_cache_behavior: ['DefaultCacheBehavior', cfn.block((item) => [cfnBehavior(item)])],
  ordered_cache_behavior: (config) => cfn.eachOf(cfn.field(config, 'CacheBehaviors'), cfnBehavior) ?? [],
  viewer_certificate: cfnViewerCertificate,
  // No Logging: no standard logs, Terraform's empty logging_config.
  logging_config: cfn.or(
    'Logging',
    [],
    cfn.block((logging) => [
      cfn.fields(logging, {
        bucket: 'Bucket',
        include_cookies: cfn.or('IncludeCookies', false, cfn.bool),
        prefix: cfn.or('Prefix', ''),
      }),
    ]),
  ),
});

function fromProperties(properties: Value): Attributes {
  const config = cfn.field(properties, 'DistributionConfig');
  const attributes = config === undefined ? {} : fromDistributionConfig(config);
  const tags = cfn.tags(cfn.field(properties, 'Tags'));
  if (tags !== undefined) attributes.tags = tags;
  return attributes;
}

// --- AWS Config ----------------------------------------------------------------------------------------------------

/** `{quantity, items}`: the items, none when the quantity is 0 (CloudFront leaves `items` out then). */
function items(list: unknown): unknown[] | undefined {
  const container = record(list);
  if (!container) return undefined;
  return Array.isArray(container.items) ? container.items : [];
}

function configBehavior(raw: unknown): Value {
  const behavior = record(raw) ?? {};
  const methods = record(behavior.allowedMethods);
  const out: Attributes = {};
  put(out, 'path_pattern', behavior.pathPattern);
  put(out, 'target_origin_id', behavior.targetOriginId);
  put(out, 'viewer_protocol_policy', behavior.viewerProtocolPolicy);
  put(out, 'allowed_methods', items(methods));
  put(out, 'cached_methods', items(methods?.cachedMethods));
  put(out, 'compress', behavior.compress);
  put(out, 'smooth_streaming', behavior.smoothStreaming);
  put(out, 'min_ttl', behavior.minTTL);
  put(out, 'default_ttl', behavior.defaultTTL);
  put(out, 'max_ttl', behavior.maxTTL);
  put(out, 'forwarded_values', configForwardedValues(behavior.forwardedValues));
  return out;
}

function configForwardedValues(raw: unknown): Value | undefined {
  const values = record(raw);
  if (!values) return undefined;
  const out: Attributes = {};
  put(out, 'query_string', values.queryString);
  put(out, 'query_string_cache_keys', items(values.queryStringCacheKeys));
  put(out, 'headers', items(values.headers));
  const cookies = record(values.cookies);
  if (cookies) {
    const cookie: Attributes = {};
    put(cookie, 'forward', cookies.forward);
    put(cookie, 'whitelisted_names', items(cookies.whitelistedNames));
    out.cookies = [cookie];
  }
  return [out];
}

function configViewerCertificate(raw: unknown): Value | undefined {
  const certificate = record(raw);
  if (!certificate) return undefined;
  const out: Attributes = {};
  put(out, 'cloudfront_default_certificate', certificate.cloudFrontDefaultCertificate);
  put(out, 'acm_certificate_arn', certificate.acmCertificateArn);
  put(out, 'iam_certificate_id', certificate.iamCertificateId);
  put(out, 'minimum_protocol_version', certificate.minimumProtocolVersion);
  put(out, 'ssl_support_method', certificate.sslSupportMethod);
  return [out];
}

function configLogging(raw: unknown): Value | undefined {
  const logging = record(raw);
  if (!logging) return undefined;
  if (logging.enabled !== true) return [];
  const out: Attributes = {};
  put(out, 'bucket', logging.bucket);
  put(out, 'include_cookies', logging.includeCookies);
  put(out, 'prefix', logging.prefix);
  return [out];
}

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration;
  const config = record(configuration.distributionConfig) ?? {};
  const id = typeof configuration.id === 'string' ? configuration.id : item.resourceId;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn ?? configuration.arn);
  put(attributes, 'domain_name', configuration.domainName);
  put(attributes, 'enabled', config.enabled);
  put(attributes, 'comment', config.comment);
  put(attributes, 'aliases', items(config.aliases));
  put(attributes, 'default_root_object', config.defaultRootObject);
  put(attributes, 'http_version', config.httpVersion);
  put(attributes, 'is_ipv6_enabled', config.isIPV6Enabled);
  put(attributes, 'price_class', config.priceClass);
  put(attributes, 'web_acl_id', config.webACLId);
  if (config.defaultCacheBehavior !== undefined)
    attributes.default_cache_behavior = [configBehavior(config.defaultCacheBehavior)];
  put(attributes, 'ordered_cache_behavior', items(config.cacheBehaviors)?.map(configBehavior));
  put(attributes, 'viewer_certificate', configViewerCertificate(config.viewerCertificate));
  put(attributes, 'logging_config', configLogging(config.logging));
  put(attributes, 'tags', item.tags);
  return { id, attributes };
}
