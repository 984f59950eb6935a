import { isPlainObject, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import {
  canonicaliseSearchDomain,
  searchDomainFields,
  searchDomainSets,
  searchDomainShape,
  searchDomainTemplateDefaults,
} from './opensearch-domain.js';
import { bool, num, str, strs } from './shared/config-fields.js';

/**
 * aws_elasticsearch_domain, the Elasticsearch-engine predecessor of aws_opensearch_domain, with the same options.
 * The state's `id` is the domain ARN; the Terraform import id, and what this type keys on, is the domain name
 * (hashicorp/terraform-provider-aws website/docs/r/elasticsearch_domain.html.markdown, "Import": `domain_name`).
 *
 * CloudFormation: AWS::Elasticsearch::Domain has the Properties of AWS::OpenSearchService::Domain that this type
 * compares (EncryptionAtRestOptions, NodeToNodeEncryptionOptions, DomainEndpointOptions, ...), with
 * ElasticsearchVersion for EngineVersion: one mapping serves both, with the same template defaults.
 *
 * AWS Config (AWS::Elasticsearch::Domain) records the Elasticsearch API's DomainStatus in camelCase instead
 * (awslabs/aws-config-resource-schema `AWS::Elasticsearch::Domain.properties.json`: domainName, arn,
 * elasticsearchVersion, encryptionAtRestOptions{enabled, kmsKeyId}, nodeToNodeEncryptionOptions{enabled},
 * domainEndpointOptions{enforceHTTPS, tlssecurityPolicy, customEndpointEnabled, customEndpoint,
 * customEndpointCertificateArn}, advancedSecurityOptions, ebsoptions, vpcoptions, logPublishingOptions); it carries
 * no access policy, which stays not compared. Config's resourceId is account/name, so the item keys on domainName.
 */
const fromProperties = cfn.fromSpec({ ...searchDomainFields, elasticsearch_version: 'ElasticsearchVersion' });

export const elasticsearchDomain = defineType({
  type: 'aws_elasticsearch_domain',
  provider: 'aws',
  schema: s.attributes({ ...searchDomainShape(), elasticsearch_version: s.string }),
  sets: searchDomainSets,
  computed: ['arn', 'domain_id', 'endpoint', 'kibana_endpoint'],
  id: {
    attribute: 'domain_name',
    importId: (attributes) => text(attributes.domain_name),
    caseInsensitive: false,
  },
  canonicalise: canonicaliseSearchDomain,
  sources: {
    awsConfig: { type: 'AWS::Elasticsearch::Domain', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::Elasticsearch::Domain',
      map: cfn.withTemplateDefaults(fromProperties, searchDomainTemplateDefaults),
    },
  },
});

type Read = (value: unknown) => Value | undefined;

/** One block of DomainStatus as Terraform's one-block list: canonical name -> [field, read]; absent stays absent. */
function options(value: unknown, spec: Record<string, [string, Read]>): Value | undefined {
  const block = record(value);
  if (block === undefined) return undefined;
  const out: Attributes = {};
  for (const [name, [key, read]] of Object.entries(spec)) put(out, name, read(block[key]));
  return [out];
}

const orNull =
  (read: Read): Read =>
  (value) =>
    read(value) ?? null;

/** `{AUDIT_LOGS: {cloudWatchLogsLogGroupArn, enabled}}` -> Terraform's set of `{log_type, ...}` blocks. */
function logPublishing(value: unknown): Value | undefined {
  if (!isPlainObject(value)) return undefined;
  return Object.entries(value).map(([logType, option]) => ({
    log_type: logType,
    cloudwatch_log_group_arn: str(record(option)?.cloudWatchLogsLogGroupArn) ?? null,
    enabled: bool(record(option)?.enabled) ?? true,
  }));
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = text(c.domainName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { domain_name: name };
  put(attributes, 'arn', text(c.arn) ?? item.arn);
  put(attributes, 'elasticsearch_version', str(c.elasticsearchVersion));
  put(
    attributes,
    'encrypt_at_rest',
    options(c.encryptionAtRestOptions, { enabled: ['enabled', bool], kms_key_id: ['kmsKeyId', orNull(str)] }),
  );
  put(
    attributes,
    'node_to_node_encryption',
    options(c.nodeToNodeEncryptionOptions, { enabled: ['enabled', bool] }),
  );
  put(
    attributes,
    'domain_endpoint_options',
    options(c.domainEndpointOptions, {
      enforce_https: ['enforceHTTPS', bool],
      tls_security_policy: ['tlssecurityPolicy', orNull(str)],
      custom_endpoint_enabled: ['customEndpointEnabled', bool],
      custom_endpoint: ['customEndpoint', str],
      custom_endpoint_certificate_arn: ['customEndpointCertificateArn', str],
    }),
  );
  put(
    attributes,
    'advanced_security_options',
    options(c.advancedSecurityOptions, {
      enabled: ['enabled', bool],
      anonymous_auth_enabled: ['anonymousAuthEnabled', bool],
      internal_user_database_enabled: ['internalUserDatabaseEnabled', bool],
    }),
  );
  put(
    attributes,
    'ebs_options',
    options(c.ebsoptions, {
      ebs_enabled: ['ebsenabled', bool],
      volume_size: ['volumeSize', orNull(num)],
      volume_type: ['volumeType', orNull(str)],
      iops: ['iops', orNull(num)],
      throughput: ['throughput', orNull(num)],
    }),
  );
  put(
    attributes,
    'vpc_options',
    options(c.vpcoptions, {
      subnet_ids: ['subnetIds', strs],
      security_group_ids: ['securityGroupIds', strs],
    }),
  );
  put(attributes, 'log_publishing_options', logPublishing(c.logPublishingOptions));
  put(attributes, 'tags', item.tags ?? tagMap(c.tags));
  return { id: name, attributes };
}
