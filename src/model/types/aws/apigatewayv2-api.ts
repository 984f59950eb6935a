import { isPlainObject, isUnknown, setOwnValue, unknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { bool, idText, num, str, strs } from './shared/config-fields.js';

/**
 * aws_apigatewayv2_api (an HTTP or WebSocket API), keyed by the API id: the state's `id` and the import id (the
 * provider docs' Import section: `terraform import aws_apigatewayv2_api.example aabbccddee`).
 *
 * AWS Config (AWS::ApiGatewayV2::Api): the GetApi shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ApiGatewayV2::Api.properties.json` @24997cf (configuration.apiId, name,
 * description, protocolType, disableExecuteApiEndpoint, apiKeySelectionExpression, routeSelectionExpression,
 * corsConfiguration{allowCredentials, allowHeaders, allowMethods, allowOrigins, exposeHeaders, maxAge}, version,
 * apiEndpoint; tags the envelope's). An item without corsConfiguration has no CORS configuration (GetApi leaves
 * it out).
 *
 * CloudFormation: AWS::ApiGatewayV2::Api (Name, Description, ProtocolType, DisableExecuteApiEndpoint (default
 * false), ApiKeySelectionExpression (default `$request.header.x-api-key`), RouteSelectionExpression (for an HTTP API
 * `$request.method $request.path`, required for a WebSocket API), CorsConfiguration, Version, Tags, a map). An API
 * imported from an OpenAPI Body or BodyS3Location takes its name and protocol from the definition: unknown. An API
 * has no resource policy and no minimum TLS version of its own (that is the custom domain name's security policy).
 * Terraform: hashicorp/terraform-provider-aws aws_apigatewayv2_api; the CORS header, method and origin lists are sets.
 */
const HTTP_ROUTE_SELECTION = '$request.method $request.path';
const API_KEY_SELECTION = '$request.header.x-api-key';

const fromOpenApi = (p: Value) =>
  cfn.field(p, 'Body') !== undefined || cfn.field(p, 'BodyS3Location') !== undefined;

export const apigatewayv2Api = defineType({
  type: 'aws_apigatewayv2_api',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    name: s.string,
    description: s.string,
    protocol_type: s.string,
    disable_execute_api_endpoint: s.boolean,
    api_key_selection_expression: s.string,
    route_selection_expression: s.string,
    cors_configuration: s.blocks({
      allow_credentials: s.boolean,
      allow_headers: s.strings,
      allow_methods: s.strings,
      allow_origins: s.strings,
      expose_headers: s.strings,
      max_age: s.number,
    }),
    version: s.string,
    api_endpoint: s.string,
    tags: s.tags,
  }),
  sets: [
    'cors_configuration[*].allow_headers',
    'cors_configuration[*].allow_methods',
    'cors_configuration[*].allow_origins',
    'cors_configuration[*].expose_headers',
  ],
  computed: ['arn', 'api_endpoint', 'execution_arn'],
  // The provider's documentation: disable_execute_api_endpoint "Default is `false`"; api_key_selection_expression
  // defaults to `$request.header.x-api-key`.
  defaults: { disable_execute_api_endpoint: false, api_key_selection_expression: API_KEY_SELECTION },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::ApiGatewayV2::Api', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::ApiGatewayV2::Api',
      map: cfn.fromSpec({
        name: (p) => cfn.field(p, 'Name') ?? (fromOpenApi(p) ? unknown('computed') : undefined),
        description: (p) => cfn.field(p, 'Description') ?? (fromOpenApi(p) ? unknown('computed') : null),
        protocol_type: (p) => cfn.field(p, 'ProtocolType') ?? (fromOpenApi(p) ? 'HTTP' : undefined),
        disable_execute_api_endpoint: cfn.or('DisableExecuteApiEndpoint', false, cfn.bool),
        api_key_selection_expression: cfn.or('ApiKeySelectionExpression', API_KEY_SELECTION),
        route_selection_expression: (p) => {
          const expression = cfn.field(p, 'RouteSelectionExpression');
          if (expression !== undefined) return expression;
          const protocol = cfn.field(p, 'ProtocolType') ?? (fromOpenApi(p) ? 'HTTP' : undefined);
          return protocol === 'HTTP' ? HTTP_ROUTE_SELECTION : undefined;
        },
        cors_configuration: (p) => {
          const cors = cfn.field(p, 'CorsConfiguration');
          if (cors === undefined) return fromOpenApi(p) ? undefined : null;
          if (isUnknown(cors)) return cors;
          return [
            cfn.fields(cors, {
              allow_credentials: ['AllowCredentials', cfn.bool],
              allow_headers: 'AllowHeaders',
              allow_methods: 'AllowMethods',
              allow_origins: 'AllowOrigins',
              expose_headers: 'ExposeHeaders',
              max_age: ['MaxAge', cfn.num],
            }),
          ];
        },
        version: ['Version', cfn.text],
        tags: ['Tags', tagsOf],
      }),
    },
  },
});

/** AWS::ApiGatewayV2::Api's Tags is a map (Json); a `[{Key, Value}]` list is read as well. */
export function tagsOf(value: Value | undefined): Value | undefined {
  if (value === undefined || isUnknown(value) || Array.isArray(value)) return cfn.tags(value);
  if (!isPlainObject(value)) return unknown('expression');
  const out: Attributes = {};
  for (const [key, member] of Object.entries(value)) setOwnValue(out, key, cfn.text(member) ?? '');
  return out;
}

function corsOf(value: unknown): Value | undefined {
  const cors = record(value);
  if (!cors) return value === undefined || value === null ? null : unknown('not-reported');
  const block: Attributes = {};
  put(block, 'allow_credentials', bool(cors.allowCredentials));
  put(block, 'allow_headers', strs(cors.allowHeaders));
  put(block, 'allow_methods', strs(cors.allowMethods));
  put(block, 'allow_origins', strs(cors.allowOrigins));
  put(block, 'expose_headers', strs(cors.exposeHeaders));
  put(block, 'max_age', num(cors.maxAge));
  return [block];
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const id = idText(c.apiId) ?? item.resourceId;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'name', str(c.name) ?? item.resourceName);
  attributes.description = str(c.description) ?? null;
  put(attributes, 'protocol_type', str(c.protocolType));
  put(attributes, 'disable_execute_api_endpoint', bool(c.disableExecuteApiEndpoint));
  put(attributes, 'api_key_selection_expression', str(c.apiKeySelectionExpression));
  put(attributes, 'route_selection_expression', str(c.routeSelectionExpression));
  attributes.cors_configuration = corsOf(c.corsConfiguration) as Value;
  put(attributes, 'version', str(c.version));
  put(attributes, 'api_endpoint', str(c.apiEndpoint));
  put(attributes, 'tags', tagMap(item.tags) ?? tagMap(c.tags));
  return { id, attributes };
}
