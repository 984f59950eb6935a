import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_api_gateway_domain_name, a REST API custom domain, keyed by its domain name: the Terraform import id and the
 * state's `id` (hashicorp/terraform-provider-aws website/docs/r/api_gateway_domain_name.html.markdown, "Import").
 * `security_policy` is optional and computed: absent from code, API Gateway chooses it and the state holds its
 * choice.
 *
 * CloudFormation: AWS::ApiGateway::DomainName (DomainName, SecurityPolicy, EndpointConfiguration{Types},
 * CertificateArn, RegionalCertificateArn, Tags). AWS Config does not record custom domain names (no
 * AWS::ApiGateway::DomainName in botocore's Config ResourceType enum).
 */
export const apiGatewayDomainName = defineType({
  type: 'aws_api_gateway_domain_name',
  provider: 'aws',
  schema: s.attributes({
    domain_name: s.string,
    arn: s.string,
    security_policy: s.string,
    certificate_arn: s.string,
    regional_certificate_arn: s.string,
    endpoint_configuration: s.blocks({ types: s.strings }),
    tags: s.tags,
  }),
  computed: [
    'arn',
    'certificate_upload_date',
    'cloudfront_domain_name',
    'cloudfront_zone_id',
    'regional_domain_name',
    'regional_zone_id',
    'domain_name_id',
  ],
  id: { attribute: 'domain_name', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::ApiGateway::DomainName',
      map: cfn.fromSpec({
        domain_name: (p) => cfn.generated(cfn.field(p, 'DomainName')),
        security_policy: 'SecurityPolicy',
        certificate_arn: 'CertificateArn',
        regional_certificate_arn: 'RegionalCertificateArn',
        endpoint_configuration: [
          'EndpointConfiguration',
          cfn.block((config) => [{ types: cfn.field(config, 'Types') ?? null }]),
        ],
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});
