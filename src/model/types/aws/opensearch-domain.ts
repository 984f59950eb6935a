import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_opensearch_domain. The state's `id` is the domain ARN; the Terraform import id, and what this type keys on,
 * is the domain name (hashicorp/terraform-provider-aws website/docs/r/opensearch_domain.html.markdown, "Import":
 * `domain_name`). Config's resourceId (account/name) is neither, so the Config mapping keys on DomainName.
 *
 * AWS Config (AWS::OpenSearch::Domain): awslabs/aws-config-resource-schema `AWS::OpenSearch::Domain.properties.json`
 * is the CloudFormation AWS::OpenSearchService::Domain Properties shape (DomainName, Arn, EngineVersion,
 * EBSOptions, EncryptionAtRestOptions{Enabled, KmsKeyId}, NodeToNodeEncryptionOptions{Enabled},
 * DomainEndpointOptions{EnforceHTTPS, TLSSecurityPolicy, CustomEndpointEnabled}, AdvancedSecurityOptions,
 * VPCOptions{SubnetIds, SecurityGroupIds}, LogPublishingOptions{<type>: {CloudWatchLogsLogGroupArn, Enabled}}), so
 * one mapping of those Properties serves templates and AWS Config.
 *
 * What is compared: encryption at rest and in transit, HTTPS enforcement and its TLS policy, fine-grained access
 * control, VPC placement (public or not), the access policy, log publishing, storage and the engine version. The
 * cluster block is not: the provider stores counts of node kinds a domain does not use as 0, which neither live
 * shape carries. The state's computed `vpc_options` fields (availability_zones, vpc_id) and `master_user_options`
 * (which no live source returns, and which holds the master password) are left out of the canonical shape.
 */
/** The Properties OpenSearch Service and Elasticsearch domains share (aws_elasticsearch_domain reads them too). */
export const searchDomainFields = {
  domain_name: cfn.name('DomainName'),
  arn: 'Arn',
  encrypt_at_rest: [
    'EncryptionAtRestOptions',
    cfn.block((options) => [
      {
        enabled: cfn.bool(cfn.field(options, 'Enabled')) ?? false,
        kms_key_id: cfn.orNull(cfn.field(options, 'KmsKeyId')),
      },
    ]),
  ],
  node_to_node_encryption: [
    'NodeToNodeEncryptionOptions',
    cfn.block((options) => [{ enabled: cfn.bool(cfn.field(options, 'Enabled')) ?? false }]),
  ],
  domain_endpoint_options: ['DomainEndpointOptions', cfn.block(endpointOptions)],
  advanced_security_options: [
    'AdvancedSecurityOptions',
    cfn.block((options) => [
      {
        enabled: cfn.bool(cfn.field(options, 'Enabled')) ?? false,
        anonymous_auth_enabled: cfn.bool(cfn.field(options, 'AnonymousAuthEnabled')) ?? false,
        internal_user_database_enabled: cfn.bool(cfn.field(options, 'InternalUserDatabaseEnabled')) ?? false,
      },
    ]),
  ],
  ebs_options: [
    'EBSOptions',
    cfn.block((options) => [
      {
        ebs_enabled: cfn.bool(cfn.field(options, 'EBSEnabled')) ?? false,
        volume_size: cfn.orNull(cfn.num(cfn.field(options, 'VolumeSize'))),
        volume_type: cfn.orNull(cfn.field(options, 'VolumeType')),
        iops: cfn.orNull(cfn.num(cfn.field(options, 'Iops'))),
        throughput: cfn.orNull(cfn.num(cfn.field(options, 'Throughput'))),
      },
    ]),
  ],
  vpc_options: [
    'VPCOptions',
    cfn.block((options) => [
      {
        subnet_ids: cfn.orNull(cfn.field(options, 'SubnetIds')),
        security_group_ids: cfn.orNull(cfn.field(options, 'SecurityGroupIds')),
      },
    ]),
  ],
  access_policies: 'AccessPolicies',
  log_publishing_options: ['LogPublishingOptions', cfn.block(logPublishing)],
  tags: ['Tags', cfn.tags],
} satisfies cfn.FieldSpec;

const fromProperties = cfn.fromSpec({ ...searchDomainFields, engine_version: 'EngineVersion' });

function endpointOptions(options: Value): Value {
  return [
    {
      enforce_https: cfn.bool(cfn.field(options, 'EnforceHTTPS')) ?? false,
      tls_security_policy: cfn.orNull(cfn.field(options, 'TLSSecurityPolicy')),
      custom_endpoint_enabled: cfn.bool(cfn.field(options, 'CustomEndpointEnabled')) ?? false,
      custom_endpoint: cfn.orNull(cfn.field(options, 'CustomEndpoint')),
      custom_endpoint_certificate_arn: cfn.orNull(cfn.field(options, 'CustomEndpointCertificateArn')),
    },
  ];
}

/** `{AUDIT_LOGS: {CloudWatchLogsLogGroupArn, Enabled}}` -> Terraform's set of `{log_type, ...}` blocks. */
function logPublishing(options: Value): Value {
  if (!isPlainObject(options)) return options;
  return Object.entries(options).map(([logType, option]) =>
    isUnknown(option)
      ? option
      : {
          log_type: logType,
          cloudwatch_log_group_arn: cfn.orNull(cfn.field(option, 'CloudWatchLogsLogGroupArn')),
          enabled: cfn.bool(cfn.field(option, 'Enabled')) ?? true,
        },
  );
}

/** The canonical attributes both domain types share. */
export function searchDomainShape() {
  return {
    domain_name: s.string,
    arn: s.string,
    encrypt_at_rest: s.blocks({ enabled: s.boolean, kms_key_id: s.string }),
    node_to_node_encryption: s.blocks({ enabled: s.boolean }),
    domain_endpoint_options: s.blocks({
      enforce_https: s.boolean,
      tls_security_policy: s.string,
      custom_endpoint_enabled: s.boolean,
      custom_endpoint: s.string,
      custom_endpoint_certificate_arn: s.string,
    }),
    advanced_security_options: s.blocks({
      enabled: s.boolean,
      anonymous_auth_enabled: s.boolean,
      internal_user_database_enabled: s.boolean,
    }),
    ebs_options: s.blocks({
      ebs_enabled: s.boolean,
      volume_size: s.number,
      volume_type: s.string,
      iops: s.number,
      throughput: s.number,
    }),
    vpc_options: s.blocks({ subnet_ids: s.strings, security_group_ids: s.strings }),
    access_policies: s.policyDocument,
    log_publishing_options: s.blocks({
      log_type: s.string,
      cloudwatch_log_group_arn: s.string,
      enabled: s.boolean,
    }),
    tags: s.tags,
  };
}

export const searchDomainSets = [
  'log_publishing_options',
  'vpc_options[*].subnet_ids',
  'vpc_options[*].security_group_ids',
];

// What OpenSearch Service gives a domain created without these options: no encryption at rest or between nodes,
// HTTPS not enforced, no fine-grained access control, a public endpoint, no log publishing.
export const searchDomainTemplateDefaults: Attributes = {
  encrypt_at_rest: [{ enabled: false, kms_key_id: null }],
  node_to_node_encryption: [{ enabled: false }],
  advanced_security_options: [
    { enabled: false, anonymous_auth_enabled: false, internal_user_database_enabled: false },
  ],
  vpc_options: null,
  access_policies: null,
  log_publishing_options: null,
};

export function canonicaliseSearchDomain(attributes: Attributes): void {
  dropFromBlocks(attributes.vpc_options, ['availability_zones', 'vpc_id']);
  dropFromBlocks(attributes.advanced_security_options, ['master_user_options']);
}

function dropFromBlocks(blocks: Value | undefined, names: readonly string[]): void {
  if (!Array.isArray(blocks)) return;
  for (const block of blocks) {
    if (!isPlainObject(block) || isUnknown(block)) continue;
    for (const name of names) delete block[name];
  }
}

export const opensearchDomain = defineType({
  type: 'aws_opensearch_domain',
  provider: 'aws',
  schema: s.attributes({ ...searchDomainShape(), engine_version: s.string }),
  sets: searchDomainSets,
  computed: ['arn', 'domain_id', 'endpoint', 'dashboard_endpoint'],
  id: {
    attribute: 'domain_name',
    importId: (attributes) => text(attributes.domain_name),
    caseInsensitive: false,
  },
  canonicalise: canonicaliseSearchDomain,
  sources: {
    awsConfig: { type: 'AWS::OpenSearch::Domain', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::OpenSearchService::Domain',
      map: cfn.withTemplateDefaults(fromProperties, searchDomainTemplateDefaults),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const configuration = item.configuration as Value;
  const attributes: Attributes = fromProperties(configuration);
  const name = text(attributes.domain_name) ?? item.resourceName ?? item.resourceId;
  attributes.domain_name = name;
  put(attributes, 'arn', text(record(configuration)?.Arn) ?? item.arn);
  put(attributes, 'tags', item.tags ?? tagMap(record(configuration)?.Tags));
  return { id: name, attributes };
}
