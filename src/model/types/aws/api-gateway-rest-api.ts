import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { bool, idText, str, strs } from './shared/config-fields.js';

/**
 * aws_api_gateway_rest_api, keyed by the REST API id: the state's `id` and the import id (the provider docs'
 * Import section: `terraform import aws_api_gateway_rest_api.example 12345abcde`).
 *
 * AWS Config (AWS::ApiGateway::RestApi): the GetRestApi shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ApiGateway::RestApi.properties.json` @81776fe (configuration.id, name,
 * description, endpointConfiguration.types, apiKeySource, binaryMediaTypes, minimumCompressionSize; tags the
 * envelope's). The schema lists neither `policy` nor `disableExecuteApiEndpoint`: they are read when an item carries
 * them (GetRestApi's RestApi has both, the policy as JSON text with its quotes escaped) and otherwise left out,
 * unknown. An item's endpointConfiguration without vpcEndpointIds has none (GetRestApi leaves an empty list out).
 *
 * CloudFormation: AWS::ApiGateway::RestApi (Name, Description, EndpointConfiguration{Types, VpcEndpointIds} (EDGE
 * when absent), DisableExecuteApiEndpoint (default false), Policy (a JSON object), ApiKeySourceType (default
 * HEADER), BinaryMediaTypes, Tags). A REST API has no minimum TLS version of its own (that is the custom domain
 * name's security policy). minimum_compression_size is not mapped: provider 5 holds it as a string, Config and
 * templates as an integer.
 */
export const apiGatewayRestApi = defineType({
  type: 'aws_api_gateway_rest_api',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    name: s.string,
    description: s.string,
    endpoint_configuration: s.blocks({ types: s.strings, vpc_endpoint_ids: s.strings }),
    disable_execute_api_endpoint: s.boolean,
    policy: s.policyDocument,
    api_key_source: s.string,
    binary_media_types: s.strings,
    tags: s.tags,
  }),
  sets: ['endpoint_configuration[*].vpc_endpoint_ids'],
  computed: ['arn', 'created_date', 'execution_arn', 'root_resource_id'],
  // The provider's documentation: api_key_source "Defaults to `HEADER`"; disable_execute_api_endpoint "Defaults to
  // `false`"; endpoint_configuration types default to EDGE.
  defaults: { api_key_source: 'HEADER', disable_execute_api_endpoint: false },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ApiGateway::RestApi', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ApiGateway::RestApi',
      map: cfn.fromSpec({
        name: cfn.name('Name'),
        description: cfn.or('Description', null),
        endpoint_configuration: (p) => {
          const endpoint = cfn.field(p, 'EndpointConfiguration');
          if (endpoint === undefined) return [{ types: ['EDGE'], vpc_endpoint_ids: [] }];
          if (isUnknown(endpoint)) return endpoint;
          return [
            {
              types: cfn.field(endpoint, 'Types') ?? ['EDGE'],
              vpc_endpoint_ids: cfn.field(endpoint, 'VpcEndpointIds') ?? [],
            },
          ];
        },
        disable_execute_api_endpoint: cfn.or('DisableExecuteApiEndpoint', false, cfn.bool),
        policy: cfn.or('Policy', null),
        api_key_source: cfn.or('ApiKeySourceType', 'HEADER'),
        binary_media_types: cfn.or('BinaryMediaTypes', []),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

/** GetRestApi's policy: JSON text, as API Gateway returns it with its quotes escaped (`{\"Version\":...}`). */
function policyOf(value: unknown): Value | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (record(value)) return value as Value;
  if (typeof value !== 'string') return undefined;
  for (const text of [value, value.replaceAll('\\"', '"').replaceAll('\\\\', '\\')]) {
    try {
      return JSON.parse(text) as Value;
    } catch {
      // the next reading
    }
  }
  return undefined;
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const id = idText(c.id) ?? item.resourceId;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'name', str(c.name) ?? item.resourceName);
  attributes.description = str(c.description) ?? null;
  const endpoint = record(c.endpointConfiguration);
  if (endpoint)
    attributes.endpoint_configuration = [
      { types: strs(endpoint.types) ?? null, vpc_endpoint_ids: strs(endpoint.vpcEndpointIds) ?? [] },
    ];
  put(attributes, 'disable_execute_api_endpoint', bool(c.disableExecuteApiEndpoint));
  put(attributes, 'policy', policyOf(c.policy));
  put(attributes, 'api_key_source', str(c.apiKeySource));
  put(attributes, 'binary_media_types', strs(c.binaryMediaTypes));
  put(attributes, 'tags', tagMap(item.tags));
  return { id, attributes };
}
