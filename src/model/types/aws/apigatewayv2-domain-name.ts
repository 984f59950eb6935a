import { isPlainObject, isUnknown } from '../../value.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import { tagsOf } from './apigatewayv2-api.js';

/**
 * aws_apigatewayv2_domain_name, an HTTP or WebSocket API custom domain, keyed by its domain name: the Terraform
 * import id and the state's `id` (hashicorp/terraform-provider-aws
 * website/docs/r/apigatewayv2_domain_name.html.markdown, "Import"). `domain_name_configuration` is one block
 * {certificate_arn, endpoint_type, security_policy}, security_policy required; the state's block also holds what
 * API Gateway computes (target_domain_name, hosted_zone_id) and settings no other form maps (ip_address_type,
 * ownership_verification_certificate_arn): canonicalise keeps the three the mappings read.
 *
 * CloudFormation: AWS::ApiGatewayV2::DomainName (DomainName, DomainNameConfigurations[{CertificateArn,
 * EndpointType, SecurityPolicy}], Tags as a JSON object of key to value, read as
 * AWS::ApiGatewayV2::Api's are). AWS Config does not record the type.
 */
const cfnConfigurations: cfn.Convert = (list) =>
  cfn.eachOf(list, (item) => ({
    certificate_arn: cfn.orNull(cfn.field(item, 'CertificateArn')),
    endpoint_type: cfn.orNull(cfn.field(item, 'EndpointType')),
    security_policy: cfn.orNull(cfn.field(item, 'SecurityPolicy')),
  }));

export const apigatewayv2DomainName = defineType({
  type: 'aws_apigatewayv2_domain_name',
  provider: 'aws',
  schema: s.attributes({
    domain_name: s.string,
    arn: s.string,
    domain_name_configuration: s.blocks({
      certificate_arn: s.string,
      endpoint_type: s.string,
      security_policy: s.string,
    }),
    tags: s.tags,
  }),
  computed: ['arn', 'api_mapping_selection_expression'],
  id: { attribute: 'domain_name', caseInsensitive: false },
  canonicalise: keepConfiguredFields,
  sources: {
    cloudFormation: {
      type: 'AWS::ApiGatewayV2::DomainName',
      map: cfn.fromSpec({
        domain_name: (p) => cfn.generated(cfn.field(p, 'DomainName')),
        domain_name_configuration: ['DomainNameConfigurations', cfnConfigurations],
        tags: ['Tags', tagsOf],
      }),
    },
  },
});

const CONFIGURED = new Set(['certificate_arn', 'endpoint_type', 'security_policy']);

function keepConfiguredFields(attributes: Attributes): void {
  const blocks = attributes.domain_name_configuration;
  if (!Array.isArray(blocks)) return;
  for (const block of blocks)
    if (isPlainObject(block) && !isUnknown(block))
      for (const key of Object.keys(block)) if (!CONFIGURED.has(key)) delete block[key];
}
